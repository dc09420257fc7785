// Every form-associated element runs the shared field suite (@civic-widgets/core/testing), so
// setCustomValidity, labels, custom states, the hint slot and form participation are checked on
// each one, including fields a widget defines for itself (the consultation's ranking, the
// location picker). A new field without the suite fails here, naming it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'locales', 'dist'].includes(entry.name) ? [] : files(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const sources = readdirSync(join(root, 'packages')).flatMap((name) => {
  try {
    return files(join(root, 'packages', name, 'src'));
  } catch {
    return [];
  }
});
const texts = new Map(sources.map((file) => [file, readFileSync(file, 'utf8')]));

/** Concrete classes built on CivicFormField, directly or through another field class, with their tags. */
function fieldElements(): { name: string; tag: string; file: string }[] {
  const bases = new Set(['CivicFormField']);
  const found: { name: string; abstract: boolean; file: string; text: string }[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, text] of texts) {
      if (/\.(test|spec)\.ts$/.test(file)) continue;
      for (const match of text.matchAll(/export (abstract )?class (\w+)(?:<[^>]*>)? extends (\w+)/g)) {
        if (bases.has(match[3]!) && !bases.has(match[2]!)) {
          bases.add(match[2]!);
          found.push({ name: match[2]!, abstract: !!match[1], file, text });
          grew = true;
        }
      }
    }
  }
  return found
    .filter((f) => !f.abstract)
    .map((f) => ({ name: f.name, file: relative(root, f.file), tag: new RegExp(`@tag ([\\w-]+)[\\s\\S]*?class ${f.name}\\b`).exec(f.text)?.[1] ?? '' }));
}

describe('the shared form-field suite', () => {
  const fields = fieldElements();

  it('finds the fields (core, the location picker and the ranking among them)', () => {
    expect(fields.map((f) => f.tag)).toEqual(
      expect.arrayContaining(['civic-text-input', 'civic-radios', 'civic-location-picker', 'civic-consultation-ranking']),
    );
    expect(fields.filter((f) => !f.tag).map((f) => `${f.file}: ${f.name} has no @tag in its JSDoc`)).toEqual([]);
  });

  it('finds every form-associated element: each is built on CivicFormField', () => {
    const own = [...texts].filter(([file, text]) => /static (override )?formAssociated = true/.test(text) && !file.endsWith('form-field.ts'));
    expect(own.map(([file]) => `${relative(root, file)}: form-associated but not built on CivicFormField`)).toEqual([]);
  });

  it('runs on every form-associated element', () => {
    const suiteCalls = [...texts]
      .filter(([file]) => file.endsWith('.test.ts'))
      .flatMap(([, text]) => [...text.matchAll(/runFormFieldSuite(?:<[^(]*>)?\(\{\s*tag: '([\w-]+)'/g)].map((m) => m[1]));
    const missing = fields.filter((f) => !suiteCalls.includes(f.tag));
    expect(missing.map((f) => `${f.file}: <${f.tag}> (${f.name}) does not run runFormFieldSuite in any *.test.ts`)).toEqual([]);
  });
});
