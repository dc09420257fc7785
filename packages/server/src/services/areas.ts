import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { CouncilConfig } from '../config/index.ts';

type Polygonal = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
interface AreaFeature<P> {
  type: 'Feature';
  properties: P;
  geometry: Polygonal;
}

export interface Neighbour {
  name: string;
  url?: string;
  message?: string;
}

export interface Parish {
  code: string;
  name: string;
  clerk: { name: string; email: string; phone?: string };
}

export type Location =
  | { inside: true; parish: Parish | null }
  | { inside: false; neighbour: Neighbour | null };

function readFeatures<P>(file: string): AreaFeature<P>[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; features?: AreaFeature<P>[] };
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  }
  for (const feature of json.features) {
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new Error(`${file}: every feature must be a Polygon or MultiPolygon (found ${String(type)})`);
    }
  }
  return json.features;
}

/**
 * Decides who owns a point: the council (and which parish, if any) or a neighbour.
 * Without configured boundaries every point counts as inside, with no parish.
 */
export class Areas {
  private readonly council: AreaFeature<{ name: string }>[] = [];
  private readonly neighbours: AreaFeature<Neighbour & { role: string }>[] = [];
  private readonly parishes: { feature: AreaFeature<Partial<Parish>>; parish: Parish }[] = [];

  constructor(config: CouncilConfig) {
    if (!config.geo) return;
    for (const feature of readFeatures<{ name: string; role?: string } & Neighbour>(config.geo.boundary)) {
      if (feature.properties.role === 'neighbour') this.neighbours.push(feature as AreaFeature<Neighbour & { role: string }>);
      else this.council.push(feature);
    }
    if (!this.council.length) throw new Error(`${config.geo.boundary}: no feature with role "council"`);
    if (config.geo.parishes) {
      const byCode = new Map(config.parishes.map((p) => [p.code, p]));
      for (const feature of readFeatures<Partial<Parish>>(config.geo.parishes)) {
        const props = feature.properties ?? {};
        const configured = props.code ? byCode.get(props.code) : undefined;
        // The config's clerk wins over the GeoJSON's, so a new clerk is one config edit.
        const parish = configured ?? (props.code && props.name && props.clerk ? (props as Parish) : undefined);
        if (!parish) {
          throw new Error(`${config.geo.parishes}: parish "${props.name ?? props.code ?? '?'}" needs code, name and clerk (in the GeoJSON or in the config's "parishes")`);
        }
        this.parishes.push({ feature, parish });
      }
    }
  }

  get hasBoundary(): boolean {
    return this.council.length > 0;
  }

  locate(lat: number, long: number): Location {
    const point: [number, number] = [long, lat];
    if (this.council.length && !this.council.some((f) => booleanPointInPolygon(point, f))) {
      const neighbour = this.neighbours.find((f) => booleanPointInPolygon(point, f));
      return { inside: false, neighbour: neighbour ? neighbour.properties : null };
    }
    const parish = this.parishes.find(({ feature }) => booleanPointInPolygon(point, feature));
    return { inside: true, parish: parish?.parish ?? null };
  }
}
