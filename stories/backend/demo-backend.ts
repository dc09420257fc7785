import type { HttpHandler } from 'msw';
import { consultationHandlers } from './consultations.ts';
import { demoAreas, demoConfig, demoConsultations, demoFontstack, demoGazetteer, demoLayers, demoReports } from './demo-data.ts';
import { geographyHandlers } from './geography.ts';
import { open311Handlers } from './open311.ts';

export { demoConfig } from './demo-data.ts';

/*
 * The reference backend's contract, answered in the browser, for Storybook: Open311 with our
 * extensions, the consultation API, the gazetteer and the offline basemap of the demo council.
 *
 * Nothing here is a copy of the demo: the services, questions, sample reports, consultations,
 * boundaries and addresses are the server's own demo files (packages/server/demo), and the
 * rules — what a report must contain, who it is routed to, which neighbour a point outside
 * belongs to, how a consultation answer is checked and counted, how a request is shown — are
 * the server's own pure modules. What this adds is storage in memory (a page load starts from
 * the demo data again) in place of the database. stories/backend/demo-backend.spec.ts asks the
 * real server and this mock the same questions and compares the answers.
 */

export interface DemoBackendOptions {
  /** Absolute URL the backend answers at, without a trailing slash: `${origin}/demo-backend`. */
  base: string;
  /** Where the demo's glyph files are served as-is (Storybook's static dirs); no labels without. */
  fontsUrl?: string;
  now?: () => Date;
}

/** The whole backend, fresh from the demo data: MSW handlers answering at `base`. */
export function demoBackend({ base, fontsUrl, now = () => new Date() }: DemoBackendOptions): HttpHandler[] {
  const context = { base, now };
  const config = demoConfig();
  const areas = demoAreas(config);
  return [
    ...open311Handlers(context, config, areas, demoReports),
    ...consultationHandlers(context, config, areas, demoConsultations),
    ...geographyHandlers(context, { layers: demoLayers, gazetteer: demoGazetteer(), fontstack: demoFontstack, fontsUrl }),
  ];
}
