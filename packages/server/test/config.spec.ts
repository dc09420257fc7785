import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, demoConfigPath, loadConfig, parseConfig } from '../src/index.ts';
import { councilName } from '../src/config/index.ts';

const demo = () => {
  const { source: _source, ...config } = loadConfig();
  return JSON.parse(JSON.stringify(config)) as Record<string, any>;
};
function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input, 'test.json', join(demoConfigPath, '..'));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('council config', () => {
  it('loads the demo council with its boundaries resolved to absolute paths', () => {
    const config = loadConfig();
    expect(config.council.name).toBe('Larkmead District Council');
    expect(config.services.map((s) => s.service_code)).toEqual(['potholes', 'street_lights', 'fly_tipping', 'graffiti', 'speeding_traffic']);
    expect(config.geo?.boundary).toBe(join(demoConfigPath, '..', 'geo', 'boundary.geojson'));
    expect(config.parishes.map((p) => p.clerk.name)).toContain('Margaret Oakes');
  });

  it('names the council in Welsh where it has a Welsh name, and in English where it has none or a blank one', () => {
    const config = loadConfig();
    expect(councilName(config, 'cy')).toBe('Cyngor Dosbarth Larkmead');
    expect(councilName(config, 'en')).toBe('Larkmead District Council');
    expect(councilName(config, null)).toBe('Larkmead District Council');
    expect(councilName({ council: { ...config.council, cy: { name: '' } } }, 'cy')).toBe('Larkmead District Council');
    expect(councilName({ council: { ...config.council, cy: undefined } }, 'cy')).toBe('Larkmead District Council');
  });

  it('names the key of every problem', () => {
    const config = demo();
    config.council.reference_prefix = 'ldc';
    config.services[0].team = 'roads';
    config.services[0].attributes[0].datatype = 'dropdown';
    config.services[1].attributes[2].show_when = { code: 'fault', values: ['smoking'] };
    config.cors.origin = ['*'];
    expect(problemsOf(config)).toEqual(
      expect.arrayContaining([
        'council.reference_prefix: use 2–6 capital letters',
        'cors: unknown key "origin"',
        'services[0].attributes[0].datatype: Invalid option: expected one of "string"|"number"|"datetime"|"text"|"singlevaluelist"|"multivaluelist"',
      ]),
    );
    const second = demo();
    second.services[0].team = 'roads';
    second.services[1].attributes[2].show_when = { code: 'fault', values: ['smoking'] };
    second.services[2].attributes[3].show_when = { code: 'later', values: ['x'] };
    expect(problemsOf(second)).toEqual([
      'services[0].team: no team "roads" in "teams" (have: highways, street_lighting, environmental_crime, street_scene, traffic)',
      'services[1].attributes[2].show_when.values: "smoking" is not a value of "fault"',
      'services[2].attributes[3].show_when.code: "later" must be an earlier question of this service',
    ]);
  });

  it('requires list values, parish boundaries for parish routing, and existing files', () => {
    const config = demo();
    delete config.services[0].attributes[0].values;
    config.geo = { boundary: 'geo/missing.geojson' };
    const problems = problemsOf(config);
    expect(problems[0]).toBe('services[0].attributes[0].values: a singlevaluelist needs "values"');
    const next = demo();
    next.geo = { boundary: 'geo/missing.geojson' };
    expect(problemsOf(next)).toEqual([
      'services[4].parish_routing: needs "geo.parishes" (parish boundaries) to find the parish',
      `geo.boundary: file not found: ${join(demoConfigPath, '..', 'geo', 'missing.geojson')}`,
    ]);
  });

  it('explains a file that cannot be read or parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-config-'));
    writeFileSync(join(dir, 'broken.json'), '{ "council": ');
    expect(() => loadConfig(join(dir, 'broken.json'))).toThrow(/Invalid council config \(.*broken\.json\):\n {2}- not valid JSON/);
    expect(() => loadConfig(join(dir, 'nope.json'))).toThrow(/cannot read the file/);
  });
});
