// The import-rule check (scripts/import-rules.mjs) must catch each broken rule and name the file
// and the import; it runs on a small made-up repository so each rule is seen failing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findViolations, importsOf } from './import-rules.mjs';

let root = '';
function repo(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'civic-import-rules-'));
  const exportsOf = { '.': './src/index.ts', './define': './src/define.ts' };
  for (const name of ['core', 'location-picker', 'report-form', 'case-tracker', 'server']) {
    mkdirSync(join(root, 'packages', name, 'src'), { recursive: true });
    writeFileSync(join(root, 'packages', name, 'package.json'), JSON.stringify({ name: `@civic-widgets/${name}`, exports: exportsOf }));
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const problems = (files: Record<string, string>): string[] => findViolations(repo(files)).problems;

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('import rules', () => {
  it('passes a repository that follows them', () => {
    expect(
      problems({
        'packages/report-form/src/define.ts': `import { CivicReportForm } from './report-form.js';`,
        'packages/report-form/src/report-form.ts': `import { CivicElement } from '@civic-widgets/core';\nimport '@civic-widgets/location-picker/define';`,
        'packages/report-form/src/pages/about.ts': `import { html } from 'lit';\nimport type { AboutView } from './views.js';`,
        'packages/case-tracker/src/case-tracker.ts': `const load = () => import('@civic-widgets/location-picker/define');\nimport type { LocationValue } from '@civic-widgets/location-picker';`,
      }),
    ).toEqual([]);
  });

  it('names the file, line and import when a widget reaches into another widget', () => {
    expect(
      problems({ 'packages/report-form/src/where.ts': `\nimport { MapController } from '../../location-picker/src/controllers/map-controller.js';` }),
    ).toEqual([
      expect.stringMatching(/^packages\/report-form\/src\/where\.ts:2 imports '\.\.\/\.\.\/location-picker\/src\/controllers\/map-controller\.js': it reaches into another package's files/),
    ]);
    expect(problems({ 'packages/report-form/src/where.ts': `export { thing } from '@civic-widgets/location-picker/src/thing.js';` })).toEqual([
      expect.stringContaining(`packages/report-form/src/where.ts:1 imports '@civic-widgets/location-picker/src/thing.js': './src/thing.js' is not a public entry`),
    ]);
  });

  it('fails when core or the server imports a widget', () => {
    expect(problems({ 'packages/core/src/x.ts': `import type { CivicReportForm } from '@civic-widgets/report-form';` })).toEqual([
      expect.stringContaining(`packages/core/src/x.ts:1 imports '@civic-widgets/report-form': core never imports a widget`),
    ]);
    expect(problems({ 'packages/server/test/x.spec.ts': `await import('@civic-widgets/case-tracker/define');` })).toEqual([
      expect.stringContaining(`packages/server/test/x.spec.ts:1 imports '@civic-widgets/case-tracker/define': server never imports a widget`),
    ]);
  });

  it('fails when a page imports its element, even for a type', () => {
    expect(
      problems({
        'packages/case-tracker/src/define.ts': `import { CivicCaseTracker } from './case-tracker.js';`,
        'packages/case-tracker/src/pages/status.ts': `import type { CivicCaseTracker } from '../case-tracker.js';`,
      }),
    ).toEqual([expect.stringContaining(`packages/case-tracker/src/pages/status.ts:1 imports '../case-tracker.js': pages never import their element`)]);
  });

  it('fails when a widget imports one it may only load lazily, or one not in its layer', () => {
    expect(problems({ 'packages/case-tracker/src/map.ts': `import '@civic-widgets/location-picker/define';` })).toEqual([
      expect.stringContaining(`case-tracker loads location-picker only when it is needed`),
    ]);
    expect(problems({ 'packages/location-picker/src/x.ts': `import { CivicReportForm } from '@civic-widgets/report-form';` })).toEqual([
      expect.stringContaining(`location-picker may import only @civic-widgets/core`),
    ]);
  });

  it('keeps maplibre-gl in the location picker map folder, loaded with import()', () => {
    expect(
      problems({
        'packages/location-picker/src/map/map-view.ts': `import { Map } from 'maplibre-gl';`,
        'packages/location-picker/src/controllers/map.ts': `import type { MapView } from '../map/map-view.js';\nconst v = () => import('../map/map-view.js');`,
      }),
    ).toEqual([]);
    expect(
      problems({
        'packages/location-picker/src/picker.ts': `import { Marker } from 'maplibre-gl';\nimport { MapView } from './map/map-view.js';`,
      }),
    ).toEqual([
      expect.stringContaining(`packages/location-picker/src/picker.ts:1 imports 'maplibre-gl'`),
      expect.stringContaining(`packages/location-picker/src/picker.ts:2 imports './map/map-view.js': the map (and maplibre-gl with it) is loaded only with import()`),
    ]);
  });

  it('reads multi-line, type-only and dynamic imports', () => {
    const found = importsOf(
      'x.ts',
      `import {\n  type A,\n  type B,\n} from './a.js';\nimport { type C, D } from './c.js';\nexport * from './e.js';\nconst f = await import('./f.js');\ntype G = import('./g.js').G;`,
    );
    expect(found.map((i) => [i.specifier, i.typeOnly, i.dynamic, i.line])).toEqual([
      ['./a.js', true, false, 1],
      ['./c.js', false, false, 5],
      ['./e.js', false, false, 6],
      ['./f.js', false, true, 7],
      ['./g.js', true, false, 8],
    ]);
  });
});
