import councilJson from '../../packages/server/demo/council.json';
import reportsJson from '../../packages/server/demo/reports.json';
import addressesJson from '../../packages/server/demo/geo/addresses.json';
import townCentreJson from '../../packages/server/demo/consultations/town-centre-2026.json';
import libraryHoursJson from '../../packages/server/demo/consultations/library-hours-2026.json';
import libraryHoursResponsesJson from '../../packages/server/demo/consultations/library-hours-2026.responses.json';
import libraryHoursResultsJson from '../../packages/server/demo/consultations/library-hours-2026.results.json';
import playAreasJson from '../../packages/server/demo/consultations/play-areas-2026.json';
import carParksJson from '../../packages/server/demo/consultations/car-parks-2026.json';
import boundaryText from '../../packages/server/demo/geo/boundary.geojson?raw';
import parishesText from '../../packages/server/demo/geo/parishes.geojson?raw';
import roadsText from '../../packages/server/demo/geo/roads.geojson?raw';
import placesText from '../../packages/server/demo/geo/places.geojson?raw';
import fontstackText from '../../packages/server/demo/geo/fonts/fontstack.txt?raw';
import { councilConfigSchema, type CouncilConfig } from '../../packages/server/src/config/schema.ts';
import { Areas } from '../../packages/server/src/geo/areas.ts';
import { addCouncilWelsh } from '../../packages/server/src/geo/boundary-welsh.ts';
import type { Answers } from '../../packages/server/src/consultations/answers.ts';
import { Gazetteer, type GazetteerAddress } from '../../packages/server/src/geo/gazetteer.ts';
import type { BasemapLayer } from '../../packages/server/src/geo/style.ts';
import type { ExtendedStatus } from '../../packages/server/src/requests/statuses.ts';

/*
 * The reference server's demo files (packages/server/demo), bundled for the browser: the mock
 * backend's only data. Nothing here is written by hand.
 */

/** A sample report as demo/reports.json gives it: a POST requests body plus its history. */
export interface DemoReport {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  description?: string;
  attribute?: Record<string, string | string[]>;
  reported_days_ago: number;
  expected_in_days?: number;
  updates?: Array<{ days_ago: number; status: ExtendedStatus; description: string }>;
}

/** A consultation definition file, with the closed one's responses and its results to publish. */
export interface DemoConsultation {
  definition: unknown;
  responses: Answers[];
  results: unknown;
}

/** The demo council's config as the server parses it (schema defaults applied). */
export function demoConfig(): CouncilConfig {
  return { ...councilConfigSchema.parse(councilJson), source: null };
}

export const demoReports = (reportsJson as unknown as { reports: DemoReport[] }).reports;

export const demoConsultations: DemoConsultation[] = [
  { definition: libraryHoursJson, responses: libraryHoursResponsesJson as Answers[], results: libraryHoursResultsJson },
  { definition: townCentreJson, responses: [], results: null },
  { definition: playAreasJson, responses: [], results: null },
  { definition: carParksJson, responses: [], results: null },
];

/** The council, its parishes and its neighbours, decided by the server's own Areas. */
export function demoAreas(config: CouncilConfig): Areas {
  return new Areas(config, {
    boundary: { source: 'geo/boundary.geojson', json: JSON.parse(boundaryText) },
    parishes: { source: 'geo/parishes.geojson', json: JSON.parse(parishesText) },
  });
}

export const demoGazetteer = () => new Gazetteer(addressesJson as GazetteerAddress[]);

/** The basemap layers, minified as the server serves them. */
export const demoLayers: Record<BasemapLayer, string> = {
  boundary: JSON.stringify(addCouncilWelsh(JSON.parse(boundaryText), demoConfig())),
  parishes: JSON.stringify(JSON.parse(parishesText)),
  roads: JSON.stringify(JSON.parse(roadsText)),
  places: JSON.stringify(JSON.parse(placesText)),
};

/** The font stack the demo's glyph files are for. */
export const demoFontstack = fontstackText.trim();
