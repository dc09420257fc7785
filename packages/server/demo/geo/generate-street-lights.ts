/**
 * Generates the demo's street lights (an asset layer) along the generated roads:
 *
 *   pnpm exec tsx packages/server/demo/geo/generate-street-lights.ts
 *
 * Lit where councils light roads: every residential and tertiary road, and the A and B roads
 * within reach of a town or village; a column every 32–38 m, on alternating sides, 6 m from the
 * road's centre line. Each has an id as printed on its plate (`LM-00001`), a lamp type and an
 * install year. Deterministic (its own seeded PRNG), so re-running it rewrites the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type LngLat = [number, number];
const here = dirname(fileURLToPath(import.meta.url));
const roads = JSON.parse(readFileSync(join(here, 'roads.geojson'), 'utf8')) as {
  features: { properties: { name: string; class: string }; geometry: { coordinates: LngLat[] } }[];
};
const places = JSON.parse(readFileSync(join(here, 'places.geojson'), 'utf8')) as {
  features: { properties: { kind: string }; geometry: { coordinates: LngLat } }[];
};

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(16_2026);

// Metres per degree at the district's latitude: plenty for a few kilometres.
const M_LAT = 110_540;
const M_LNG = 111_320 * Math.cos((52.22 * Math.PI) / 180);
const metres = (a: LngLat, b: LngLat) => Math.hypot((b[0] - a[0]) * M_LNG, (b[1] - a[1]) * M_LAT);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Within this distance of a town or village centre, A and B roads are lit too. */
const LIT_NEAR = { town: 1500, village: 500 } as Record<string, number>;
const nearSettlement = (p: LngLat) =>
  places.features.some((f) => metres(p, f.geometry.coordinates) <= (LIT_NEAR[f.properties.kind] ?? 0));

const lamps = ['LED 6000lm', 'LED 4000lm', 'LED 2500lm', 'SON 70W'];
const features: unknown[] = [];
for (const road of roads.features) {
  const always = road.properties.class === 'residential' || road.properties.class === 'tertiary';
  const line = road.geometry.coordinates;
  let next = rand() * 20;
  let walked = 0;
  let side = 1;
  for (let i = 0; i < line.length - 1; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    const length = metres(a, b);
    // The unit normal of this segment, in metres, to set the column back from the centre line.
    const nx = (-(b[1] - a[1]) * M_LAT) / length;
    const ny = ((b[0] - a[0]) * M_LNG) / length;
    while (next <= walked + length) {
      const t = (next - walked) / length;
      const at: LngLat = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (always || nearSettlement(at)) {
        const id = `LM-${String(features.length + 1).padStart(5, '0')}`;
        features.push({
          type: 'Feature',
          id,
          geometry: { type: 'Point', coordinates: [round(at[0] + (side * 6 * nx) / M_LNG), round(at[1] + (side * 6 * ny) / M_LAT)] },
          properties: { id, road: road.properties.name, lamp: lamps[Math.floor(rand() * lamps.length)], installed: 1985 + Math.floor(rand() * 40) },
        });
        side = -side;
      }
      next += 32 + rand() * 6;
    }
    walked += length;
  }
}
writeFileSync(join(here, 'street-lights.geojson'), JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`street lights: ${features.length}`);
