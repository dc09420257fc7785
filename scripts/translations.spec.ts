// Every user-visible string has a Welsh translation, and the generated locale modules are up
// to date with the XLIFF files (a message added without running `pnpm localize` fails here).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const packages = readdirSync('packages').filter((name) => existsSync(join('packages', name, 'xliff', 'cy.xlf')));

describe.each(packages)('Welsh translations of %s', (name) => {
  const xlf = readFileSync(join('packages', name, 'xliff', 'cy.xlf'), 'utf8');
  const units = [...xlf.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];

  it('has a target for every message', () => {
    const untranslated = units.filter(([, , body]) => !/<target>[\s\S]*\S[\s\S]*<\/target>/.test(body)).map(([, id]) => id);
    expect(untranslated).toEqual([]);
  });

  it('has generated src/locales/cy.ts with every message', () => {
    const generated = readFileSync(join('packages', name, 'src', 'locales', 'cy.ts'), 'utf8');
    const missing = units.map(([, id]) => id).filter((id) => !generated.includes(`'${id}'`));
    expect(missing).toEqual([]);
  });
});
