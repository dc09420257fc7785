import { readFileSync } from 'node:fs';
import type { CouncilConfig } from '../config/index.ts';
import { Areas, type AreaCollection } from './areas.ts';

const read = (file: string): AreaCollection => ({ source: file, json: JSON.parse(readFileSync(file, 'utf8')) });

/** The council's Areas from the boundary and parish files its config names. */
export function loadAreas(config: CouncilConfig): Areas {
  if (!config.geo) return new Areas(config, null);
  return new Areas(config, { boundary: read(config.geo.boundary), parishes: config.geo.parishes ? read(config.geo.parishes) : undefined });
}
