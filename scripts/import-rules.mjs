#!/usr/bin/env node
// The import rules of docs/contributors.md, checked on every source file of every package so the
// guide stays true: `pnpm test` runs this, and a broken rule names the file, the line and the
// import. The TypeScript parser reads the imports (static, type-only, re-exports and dynamic
// `import()`), so a rule can tell `import type` and a lazy import from a static one.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * What each package may import of the others (ARCHITECTURE.md's table). `lazy` ones only through
 * `import()` (or `import type`), so their code is a chunk fetched when it is needed.
 */
export const layers = {
  core: { may: [] },
  'location-picker': { may: ['core'] },
  'report-form': { may: ['core', 'location-picker'] },
  'case-tracker': { may: ['core'], lazy: ['location-picker'] },
  consultation: { may: ['core'], lazy: ['location-picker'] },
  'consultation-hub': { may: ['core'] },
  server: { may: [] },
};
const widgets = ['location-picker', 'report-form', 'case-tracker', 'consultation', 'consultation-hub'];

/**
 * Imports that break a rule today and are being removed, each with the issue that removes it
 * (none now: issue #20 made the report form's pages functions of a view object). Listed so the
 * rule guards every other file meanwhile; an entry that no longer matches is reported, to be deleted.
 */
export const pending = [];

/** Every import of a file: `{ specifier, line, typeOnly, dynamic }`. */
export function importsOf(file, text = readFileSync(file, 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const add = (node, specifier, typeOnly, dynamic) =>
    found.push({ specifier, typeOnly, dynamic, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      // `import { type A, type B } from` is as type-only as `import type { A, B } from`.
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0] ?? {})) {
      add(node, node.arguments[0].text, false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Generated @lit/localize modules import nothing of ours.
    if (entry.isDirectory()) return entry.name === 'locales' || entry.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative `.js` import as the `.ts` file it names. */
function resolveRelative(from, specifier) {
  const target = resolve(dirname(from), specifier);
  return target.replace(/\.js$/, '.ts');
}

/**
 * Checks the packages under `root` and returns one message per broken rule, each naming the
 * file (relative to `root`), the line and the import.
 */
export function findViolations(root) {
  const problems = [];
  const unusedPending = new Set(pending);
  const packagesDir = join(root, 'packages');
  const names = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, 'package.json')));
  const exportsOf = new Map(
    names.map((name) => {
      const pkg = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8'));
      return [name, Object.keys(pkg.exports ?? { '.': '' })];
    }),
  );

  for (const name of names) {
    const dir = join(packagesDir, name);
    // Element files: the ones the package's define.ts registers (pages must not import them).
    const define = join(dir, 'src', 'define.ts');
    const elements = new Set(
      existsSync(define)
        ? importsOf(define)
            .filter((i) => i.specifier.startsWith('.'))
            .map((i) => resolveRelative(define, i.specifier))
        : [],
    );
    const files = [...sources(join(dir, 'src')), ...sources(join(dir, 'test'))];
    for (const file of files) {
      const where = relative(root, file).split(sep).join('/');
      const inTests = /\.(test|spec)\.ts$/.test(file) || where.includes('/test/') || where.includes('/src/testing/');
      for (const imp of importsOf(file)) {
        const at = `${where}:${imp.line} imports '${imp.specifier}'`;
        const fail = (why) => {
          if (unusedPending.delete(`${where} -> ${imp.specifier}`)) return;
          problems.push(`${at}: ${why}`);
        };

        if (imp.specifier.startsWith('.')) {
          const target = resolveRelative(file, imp.specifier);
          // Tests may use the repository's shared helpers (scripts/lib); never another package's files.
          if (target.startsWith(packagesDir + sep) && !target.startsWith(dir + sep)) {
            fail(`it reaches into another package's files. Import that package by its name and a public entry ('@civic-widgets/<name>' or '/define'), never its internals.`);
            continue;
          }
          if (where.includes('/src/pages/') && elements.has(target) && !inTests) {
            fail(`pages never import their element. Give the page a view object (the state and callbacks it needs) and let the element build it.`);
          }
          continue;
        }

        const ours = /^@civic-widgets\/([^/]+)(\/.*)?$/.exec(imp.specifier);
        if (ours) {
          const [, other, sub] = ours;
          if (other === name) {
            fail(`a package imports its own files by relative path, not by its package name.`);
            continue;
          }
          if (!inTests || name === 'core' || name === 'server') {
            const layer = layers[name];
            const allowed = layer?.may.includes(other) || (layer?.lazy?.includes(other) && (imp.dynamic || imp.typeOnly));
            if ((name === 'core' || name === 'server') && widgets.includes(other)) {
              fail(`${name} never imports a widget: widgets build on ${name}, not the other way round.`);
              continue;
            }
            if (layer && !allowed) {
              fail(
                layer.lazy?.includes(other)
                  ? `${name} loads ${other} only when it is needed: use \`await import('${imp.specifier}')\` (or \`import type\`).`
                  : `${name} may import only ${[...layer.may, ...(layer.lazy ?? [])].map((p) => `@civic-widgets/${p}`).join(', ') || 'its own dependencies'} (docs/contributors.md).`,
              );
              continue;
            }
          }
          const entry = `.${sub ?? ''}`;
          if (exportsOf.has(other) && !exportsOf.get(other).includes(entry)) {
            fail(`'${entry}' is not a public entry of @civic-widgets/${other} (its package.json exports: ${exportsOf.get(other).join(', ')}).`);
          }
          continue;
        }

        // The map library is ~430 kB: only the location picker's map/ folder imports it, and the
        // picker loads that folder with import(), so a page without a map never downloads it.
        if (/^maplibre-gl(\/|$)/.test(imp.specifier) && !imp.typeOnly && !imp.dynamic && !inTests) {
          if (!(name === 'location-picker' && where.includes('/src/map/'))) {
            fail(`only packages/location-picker/src/map/ imports maplibre-gl, and the picker loads that folder with import().`);
          }
        }
      }
      if (name === 'location-picker' && !where.includes('/src/map/') && !inTests) {
        for (const imp of importsOf(file)) {
          if (imp.specifier.startsWith('.') && resolveRelative(file, imp.specifier).includes(`${sep}src${sep}map${sep}`) && !imp.dynamic && !imp.typeOnly) {
            problems.push(`${where}:${imp.line} imports '${imp.specifier}': the map (and maplibre-gl with it) is loaded only with import(), so a page without a map never downloads it.`);
          }
        }
      }
    }
  }
  return { problems, unusedPending: [...unusedPending] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { problems, unusedPending } = findViolations(root);
  for (const entry of unusedPending) console.warn(`import-rules: '${entry}' no longer happens; delete it from \`pending\` in scripts/import-rules.mjs.`);
  if (problems.length) {
    console.error(`import-rules: ${problems.length} import(s) break the rules in docs/contributors.md#what-may-import-what:`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    process.exit(1);
  }
  console.log('import-rules: every import follows docs/contributors.md');
}
