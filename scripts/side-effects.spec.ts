// A module that registers something when it runs (a tag, a package's translations) must be named
// in its package's `sideEffects`, or the bundler drops the call from the CDN build: the
// consultation's Welsh and its question fields were both lost that way, while the source worked.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
// The server is not bundled for browsers, and the CDN package only ships the bundle (no src/).
const packages = readdirSync(join(root, 'packages')).filter((name) => name !== 'server' && name !== 'cdn');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' || entry.name === 'testing' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/\.(test|spec|stories)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('sideEffects in every widget package', () => {
  for (const name of packages) {
    it(`${name} lists every module that registers a tag or translations when it runs`, () => {
      const dir = join(root, 'packages', name);
      const listed: string[] = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).sideEffects ?? [];
      const registering = sources(join(dir, 'src'))
        .filter((file) => /^(defineElement|registerTranslations|customElements\.define)\(/m.test(readFileSync(file, 'utf8')))
        .map((file) => `./${relative(dir, file)}`);
      expect(registering.filter((file) => !listed.includes(file))).toEqual([]);
    });
  }
});
