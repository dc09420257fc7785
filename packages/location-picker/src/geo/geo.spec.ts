import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from './point-in-polygon.js';
import { areaAt, councilBounds, judgePoint, readAreas } from './boundary.js';
import { distance, offset } from './distance.js';

const geo = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../server/demo/geo', name), 'utf8')) as unknown;

describe('pointInPolygon', () => {
  const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]] };
  it('inside, outside, and in a hole', () => {
    expect(pointInPolygon(1, 1, square)).toBe(true);
    expect(pointInPolygon(11, 1, square)).toBe(false);
    expect(pointInPolygon(5, 5, square)).toBe(false);
  });
  it('MultiPolygon: any part', () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] };
    expect(pointInPolygon(5.8, 5.2, multi)).toBe(true);
    expect(pointInPolygon(3, 3, multi)).toBe(false);
  });
});

describe('the demo council boundary', () => {
  const areas = readAreas(geo('boundary.geojson'));
  it('Larkmead High Street is inside the council', () => {
    expect(judgePoint(areas, 52.228, -1.505)).toEqual({ inside: true, area: 'Larkmead District Council' });
  });
  it('Westshire and Eastmoor points name their neighbour and its message', () => {
    const west = judgePoint(areas, 52.22, -1.7);
    expect(west.inside).toBe(false);
    expect(!west.inside && west.neighbour?.message).toBe('This location is in Westshire. Report it to Westshire Council.');
    const east = judgePoint(areas, 52.22, -1.3);
    expect(!east.inside && east.neighbour?.name).toBe('Eastmoor');
  });
  it('a point far away is outside with no neighbour', () => {
    expect(judgePoint(areas, 51.5, -0.12)).toEqual({ inside: false, neighbour: null });
  });
  it('parishes: Fenbury is in LKP01, the High Street in none', () => {
    const parishes = readAreas(geo('parishes.geojson'));
    expect(areaAt(parishes, 52.254, -1.572)).toMatch(/Fenbury/);
    expect(areaAt(parishes, 52.228, -1.505)).toBeNull();
  });
  it('frames the council', () => {
    const [w, s, e, n] = councilBounds(areas)!;
    expect(w).toBeLessThan(-1.6);
    expect(e).toBeGreaterThan(-1.4);
    expect(s).toBeLessThan(52.16);
    expect(n).toBeGreaterThan(52.29);
  });
  it('rejects what is not GeoJSON', () => {
    expect(() => readAreas({ nope: true })).toThrow(TypeError);
  });
});

describe('offset and distance', () => {
  it('moves 50 m in each direction', () => {
    for (const direction of ['north', 'south', 'east', 'west'] as const) {
      const moved = offset(52.228, -1.505, 50, direction);
      expect(distance({ lat: 52.228, lng: -1.505 }, moved)).toBeCloseTo(50, 0);
    }
    expect(offset(52.228, -1.505, 50, 'north').lat).toBeGreaterThan(52.228);
    expect(offset(52.228, -1.505, 50, 'west').lng).toBeLessThan(-1.505);
  });
});
