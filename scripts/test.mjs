#!/usr/bin/env node
// `pnpm test`: every check, in the order that fails fastest, then one closing line that counts
// tests ("N passed, N failed"). Every step runs even after a failure, so one run shows
// everything that is wrong; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [];
function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = Math.round((Date.now() - started) / 1000);
  steps.push({ name, ok: status === 0, seconds });
  return status === 0;
}

const bin = (name) => `node_modules/.bin/${name}`;

// First, as it takes two seconds: docs/contributors.md's layers (what may import what), so a
// widget reaching into another's files, or core importing a widget, fails naming the import.
run('import rules', process.execPath, ['scripts/import-rules.mjs']);
run('typecheck (browser code)', bin('tsc'), ['-p', 'tsconfig.json']);
run('typecheck (node code)', bin('tsc'), ['-p', 'tsconfig.node.json']);
// The React example against the widgets' types (workspace packages resolve to their source, so
// no build is needed first): a renamed property or event detail breaks it here, not for a user.
run('typecheck (React example)', bin('tsc'), ['-p', 'examples/framework/tsconfig.json']);
if (existsSync('packages/server/tsconfig.json')) run('typecheck (server)', bin('tsc'), ['-p', 'packages/server/tsconfig.json']);
// The npm packages as published: ESM with declarations, widgets typed against core's.
run('npm package builds', 'pnpm', ['-r', '--filter', './packages/*', 'run', 'build']);
const built = run('CDN build', bin('vite'), ['build', '--logLevel', 'warn']);
if (built) {
  run('size budgets', process.execPath, ['scripts/size-check.mjs']);
  // The script tags printed in docs/webmasters.md carry each entry's hash: a widget change that
  // is not followed by `pnpm docs:sri` would hand webmasters tags the browser refuses to run.
  run('docs SRI hashes', process.execPath, ['scripts/docs-sri.mjs', '--check']);
}
// Storybook's docs pages and controls read the Custom Elements Manifest of each package; the
// end-to-end tests render every built story (examples/e2e/storybook.e2e.ts).
if (run('Custom Elements Manifest', bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs'])) {
  run('Storybook build', bin('storybook'), ['build', '-o', 'storybook-static', '--quiet']);
}
// The packages as users install them: packed, installed outside the repo (a Vite app and a Node
// project), and the webmasters' snippet run verbatim against the installed server.
if (built) run('packed packages, outside the repo', process.execPath, ['scripts/test-outside.mjs']);
run(
  'vitest (unit, server, end-to-end)',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`],
  // The end-to-end setup reuses the CDN bundle built above instead of building it again.
  built ? { CIVIC_E2E_SKIP_BUILD: '1' } : {},
);
run('browser component tests (Chromium)', bin('web-test-runner'), [], { CIVIC_WTR_COUNTS: `${process.cwd()}/${results}/wtr.json` });


const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = read(`${results}/vitest.json`);
const wtr = read(`${results}/wtr.json`);
const counts = {
  vitest: vitest
    ? {
        passed: vitest.numPassedTests,
        // A file that fails to load, or whose hook fails, has no failed test of its own: count it as one failure.
        failed:
          vitest.numFailedTests +
          vitest.testResults.filter((file) => file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed')).length,
      }
    : null,
  browser: wtr ? { passed: wtr.passed, failed: wtr.failed } : null,
};
const passed = (counts.vitest?.passed ?? 0) + (counts.browser?.passed ?? 0);
const failed = (counts.vitest?.failed ?? 0) + (counts.browser?.failed ?? 0);
const failedSteps = steps.filter((step) => !step.ok);

console.log('\n━━ Summary');
for (const step of steps) console.log(`${step.ok ? '✓' : '✗'} ${step.name} (${step.seconds} s)`);
for (const [name, count] of Object.entries(counts)) {
  console.log(count ? `  ${name}: ${count.passed} passed, ${count.failed} failed` : `  ${name}: no results (the step did not run to the end)`);
}
// Name what failed (and what passed only at its second try) here, at the end: CI keeps only the
// tail of the log, so a failure scrolled off above it would be a failure nobody can find.
const firstLine = (messages) => String(messages?.[0] ?? '').split('\n')[0].slice(0, 300);
for (const file of vitest?.testResults ?? []) {
  const where = file.name.replace(`${process.cwd()}/`, '');
  // A file can fail with none of its tests failed: it did not load, or a hook failed (timed out).
  if (file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed')) {
    console.log(`  ✗ ${where}: ${firstLine([file.message]) || 'failed outside its tests (a beforeAll/afterAll hook; see the log above)'}`);
  }
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'failed') console.log(`  ✗ ${where} › ${test.fullName}: ${firstLine(test.failureMessages)}`);
    else if (test.status === 'passed' && test.failureMessages?.length) console.log(`  ↻ passed at its second try: ${where} › ${test.fullName}: ${firstLine(test.failureMessages)}`);
  }
}
console.log(`${passed} passed, ${failed} failed${failedSteps.length ? `; ${failedSteps.length} step(s) failed: ${failedSteps.map((s) => s.name).join(', ')}` : ''}`);
process.exit(failed || failedSteps.length ? 1 : 0);
