import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { CouncilConfig } from '../config/schema.ts';

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
  /** The parish council's name in Welsh, when the config gives it. */
  cy?: { name: string };
  clerk: { name: string; email: string; phone?: string };
}

export type Location =
  | { inside: true; parish: Parish | null }
  | { inside: false; neighbour: Neighbour | null };

/** A parsed GeoJSON FeatureCollection of polygons; `source` names it in errors (a file path). */
export interface AreaCollection {
  source: string;
  json: unknown;
}

function polygonFeatures<P>({ source, json }: AreaCollection): AreaFeature<P>[] {
  const collection = json as { type?: string; features?: AreaFeature<P>[] };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error(`${source}: expected a GeoJSON FeatureCollection`);
  }
  for (const feature of collection.features) {
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new Error(`${source}: every feature must be a Polygon or MultiPolygon (found ${String(type)})`);
    }
  }
  return collection.features;
}

/**
 * Decides who owns a point: the council (and which parish, if any) or a neighbour.
 * Without configured boundaries every point counts as inside, with no parish.
 *
 * It takes parsed GeoJSON, not file names, and uses no Node API: the server reads the files
 * (areas-files.ts) and the Storybook mock backend (stories/backend) passes the same demo files
 * bundled, so both decide "inside", "which parish" and "which neighbour" by the same rules.
 */
export class Areas {
  private readonly council: AreaFeature<{ name: string }>[] = [];
  private readonly neighbours: AreaFeature<Neighbour & { role: string }>[] = [];
  private readonly parishes: { feature: AreaFeature<Partial<Parish>>; parish: Parish }[] = [];

  constructor(config: Pick<CouncilConfig, 'parishes'>, areas: { boundary: AreaCollection; parishes?: AreaCollection } | null) {
    if (!areas) return;
    const { boundary, parishes } = areas;
    for (const feature of polygonFeatures<{ name: string; role?: string } & Neighbour>(boundary)) {
      if (feature.properties.role === 'neighbour') this.neighbours.push(feature as AreaFeature<Neighbour & { role: string }>);
      else this.council.push(feature);
    }
    if (!this.council.length) throw new Error(`${boundary.source}: no feature with role "council"`);
    if (parishes) {
      const byCode = new Map(config.parishes.map((p) => [p.code, p]));
      for (const feature of polygonFeatures<Partial<Parish>>(parishes)) {
        const props = feature.properties ?? {};
        const configured = props.code ? byCode.get(props.code) : undefined;
        // The config's clerk wins over the GeoJSON's, so a new clerk is one config edit.
        const parish = configured ?? (props.code && props.name && props.clerk ? (props as Parish) : undefined);
        if (!parish) {
          throw new Error(`${parishes.source}: parish "${props.name ?? props.code ?? '?'}" needs code, name and clerk (in the GeoJSON or in the config's "parishes")`);
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
