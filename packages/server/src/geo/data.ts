import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CouncilConfig } from '../config/index.ts';
import { addCouncilWelsh, type Collection } from './boundary-welsh.ts';
import { Gazetteer, type GazetteerAddress } from './gazetteer.ts';
import { centreOf, type BasemapLayer } from './style.ts';

/**
 * The council's geography as served to browsers: boundary and parishes from the config's `geo`
 * files, and roads, places and the address gazetteer from the same folder as the boundary
 * (absent files give empty layers and an empty gazetteer). Read once at start-up: the files are
 * read-only data, identical in every process.
 */
export interface GeoData {
  layers: Record<BasemapLayer, string>;
  gazetteer: Gazetteer;
  /** Centre [lng, lat] of the council's bounding box, for the style. */
  center: [number, number];
  /** Whether the council has fonts for labels: the font stack's name, or null. */
  font: string | null;
  fontsDir: string | null;
}

const EMPTY = JSON.stringify({ type: 'FeatureCollection', features: [] });

function readCollection(file: string | undefined, edit?: (json: Collection) => void): string {
  if (!file || !existsSync(file)) return EMPTY;
  const text = readFileSync(file, 'utf8');
  const json = JSON.parse(text) as Collection;
  if (json.type !== 'FeatureCollection') throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  edit?.(json);
  // Served minified: the pretty-printed files are for people reading the repository.
  return JSON.stringify(json);
}

export function loadGeoData(config: CouncilConfig): GeoData {
  const folder = config.geo ? dirname(config.geo.boundary) : null;
  const inFolder = (name: string) => (folder ? join(folder, name) : undefined);
  const boundary = readCollection(config.geo?.boundary, (json) => addCouncilWelsh(json, config));
  const addressesFile = inFolder('addresses.json');
  const addresses = addressesFile && existsSync(addressesFile) ? (JSON.parse(readFileSync(addressesFile, 'utf8')) as GazetteerAddress[]) : [];
  const fontsDir = inFolder('fonts') ?? null;
  const font = fontsDir && existsSync(join(fontsDir, 'fontstack.txt')) ? readFileSync(join(fontsDir, 'fontstack.txt'), 'utf8').trim() : null;
  return {
    layers: {
      boundary,
      parishes: readCollection(config.geo?.parishes),
      roads: readCollection(inFolder('roads.geojson')),
      places: readCollection(inFolder('places.geojson')),
    },
    gazetteer: new Gazetteer(addresses),
    center: centreOf(boundary),
    font: font || null,
    fontsDir: font ? fontsDir : null,
  };
}
