#!/usr/bin/env node
// The packages as a user gets them, outside this repository: every package is packed with
// `pnpm pack`, and the tarballs (no workspace links) are installed in a fresh Node project and a
// fresh Vite app in the system's temporary folder. Then:
//  - the tarballs ship no tests, fixtures, sources or tsconfig, and each has README and LICENSE;
//  - the Vite app (the one-import path of docs/developers.md, typed events, React 19 JSX types)
//    type-checks and builds;
//  - a field test, as a developer of their own field writes it, runs the shared form-field
//    suite from `@civic-widgets/core/testing` in @web/test-runner (Chromium);
//  - `import { createServer } from '@civic-widgets/server'` works from plain Node, and the
//    installed `civic-server` runs compiled JavaScript;
//  - the webmasters' snippet, taken verbatim from docs/webmasters.md (and the README's), runs on
//    a plain HTML page whose origin differs from both the reporting server and the CDN, the CDN
//    files coming from the installed @civic-widgets/cdn at the jsDelivr address the snippet
//    names; a resident completes a report in Chromium by roles and labels, address search
//    included, and the server has it.
// Needs the builds first (`pnpm build`: packages, CDN bundle, manifests); `pnpm test` runs it
// after them. Installs use the pnpm store (--prefer-offline); only missing packages are fetched.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './lib/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'civic-outside-'));
const packs = join(work, 'packs');
const packages = ['core', 'location-picker', 'report-form', 'case-tracker', 'consultation', 'consultation-hub', 'server', 'cdn'];
const version = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')).version;
const tarball = (name) => join(packs, `civic-widgets-${name}-${version}.tgz`);
const cleanup = [];
let failures = 0;

const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
function step(message) {
  console.log(`[${seconds()}] ${message}`);
}
function check(ok, message) {
  if (!ok) {
    failures++;
    console.error(`✗ ${message}`);
  } else console.log(`✓ ${message}`);
  return ok;
}
function run(command, args, cwd, what) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  if (result.status !== 0) throw new Error(`${what} failed (${command} ${args.join(' ')} in ${cwd}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A project outside the workspace whose @civic-widgets/* come from the tarballs only. */
function project(name, pkg) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `civic-outside-${name}`, private: true, type: 'module', ...pkg }, null, 2));
  const overrides = packages.map((p) => `  "@civic-widgets/${p}": "file:${tarball(p)}"`).join('\n');
  // Its own pnpm-workspace.yaml: the overrides point every @civic-widgets/* dependency (also the
  // packages' dependencies on each other) at the tarballs, never at a registry or the repo.
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), `overrides:\n${overrides}\nallowBuilds:\n  esbuild: true\n  sharp: true\n`);
  return dir;
}

/** Waits until `url` answers 200. */
async function answers(url, ms = 90_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first ```html block after `heading` in a Markdown file: what a webmaster copies. */
function snippet(file, heading) {
  const text = readFileSync(join(root, file), 'utf8');
  const from = heading ? text.indexOf(heading) : 0;
  if (from < 0) throw new Error(`${file}: no "${heading}"`);
  const match = /```html\n([\s\S]*?)```/.exec(text.slice(from));
  if (!match) throw new Error(`${file}: no html snippet after "${heading}"`);
  return match[1];
}

try {
  // ---- 1. Pack, as `pnpm publish` would.
  step('packing');
  for (const name of packages) run('pnpm', ['pack', '--pack-destination', packs], join(root, 'packages', name), `pnpm pack (${name})`);
  for (const name of packages) {
    const files = run('tar', ['-tzf', tarball(name)], root, 'tar').split('\n').filter(Boolean);
    const unwanted = files.filter((f) => /(^|\/)(src|test|tests|fixtures|test-fixtures)\/|\.(test|spec)\.|tsconfig|\.stories\./.test(f.replace(/^package\//, '')));
    check(!unwanted.length, `${name}: ships no sources, tests, fixtures or tsconfig${unwanted.length ? ` (found ${unwanted.slice(0, 5).join(', ')})` : ''}`);
    check(files.includes('package/README.md') && files.includes('package/LICENSE'), `${name}: ships README.md and LICENSE`);
  }

  // ---- 2. A fresh Node project: the server from its tarball, and the CDN files.
  step('installing the Node project');
  const node = project('node-app', {
    dependencies: { '@civic-widgets/server': `file:${tarball('server')}`, '@civic-widgets/cdn': `file:${tarball('cdn')}` },
  });
  run('pnpm', ['install', '--prefer-offline', '--reporter=silent'], node, 'pnpm install (Node project)');
  writeFileSync(
    join(node, 'check.mjs'),
    `import { createServer } from '@civic-widgets/server';
const server = await createServer({ demo: true, port: 0, quiet: true, dataDir: process.argv[2] });
const answer = await fetch(server.url + '/open311/v2/services.json');
console.log(answer.status, (await answer.json()).length);
await server.close();
`,
  );

  // ---- 3. The server: compiled JavaScript from the tarball, as civic-server and from plain
  // Node. Both start now (a new embedded database takes a while) and run while the app builds.
  step('starting the installed server');
  const installed = JSON.parse(readFileSync(join(node, 'node_modules/@civic-widgets/server/package.json'), 'utf8'));
  check(
    installed.bin['civic-server'].startsWith('./dist/') && installed.bin['civic-server'].endsWith('.js') && !installed.dependencies.tsx,
    'civic-server runs compiled JavaScript from dist/ (no TypeScript loader)',
  );
  const help = run(join(node, 'node_modules/.bin/civic-server'), ['--help'], node, 'civic-server --help');
  const port = await freePort();
  // The demo council and its sample data: the switch is --demo where the server has one.
  const demo = /--demo\b(?!-)/.test(help) ? ['--demo'] : [];
  const server = spawn(join(node, 'node_modules/.bin/civic-server'), ['--port', String(port), '--data-dir', join(work, 'server-data'), ...demo], {
    cwd: node,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverOutput = '';
  server.stdout.on('data', (c) => (serverOutput += c));
  server.stderr.on('data', (c) => (serverOutput += c));
  cleanup.push(() => server.kill('SIGTERM'));
  const fromNode = exec(process.execPath, ['check.mjs', join(work, 'node-data')], node);
  const api = `http://localhost:${port}`;

  // ---- 4. A fresh Vite app: the one-import path, typed events, React 19 JSX types.
  step('installing the Vite app');
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const app = project('vite-app', {
    scripts: { build: 'vite build' },
    dependencies: {
      '@civic-widgets/report-form': `file:${tarball('report-form')}`,
      '@civic-widgets/case-tracker': `file:${tarball('case-tracker')}`,
      '@civic-widgets/core': `file:${tarball('core')}`,
    },
    devDependencies: {
      vite: rootPkg.devDependencies.vite,
      typescript: rootPkg.devDependencies.typescript,
      '@types/react': '^19.3.0',
      // The shared field suite's test stack (core's optional peer @open-wc/testing).
      ...Object.fromEntries(['@open-wc/testing', '@web/test-runner', '@web/test-runner-playwright'].map((name) => [name, rootPkg.devDependencies[name]])),
    },
  });
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'index.html'), '<!doctype html><html lang="en"><body><main><civic-report-form endpoint="/open311/v2"></civic-report-form></main><script type="module" src="/src/main.ts"></script></body></html>\n');
  writeFileSync(
    join(app, 'src/main.ts'),
    `// docs/developers.md's one import: the element and its events are typed from it alone.
import '@civic-widgets/report-form/define';

const form = document.querySelector('civic-report-form')!;
form.serviceCode = 'potholes';
form.addEventListener('civic-submitted', (event) => {
  const reference: string | null = event.detail.serviceRequestId;
  console.log(reference, event.detail.queued);
});
form.addEventListener('civic-submit', (event) => console.log(event.detail.request.serviceCode));
form.addEventListener('civic-error', (event) => console.warn(event.detail.operation));
`,
  );
  writeFileSync(
    join(app, 'src/jsx.tsx'),
    `// React 19 JSX types from the packages' react entries (type-checked only).
import type {} from '@civic-widgets/report-form/react';
import type {} from '@civic-widgets/case-tracker/react';

export const page = (
  <main>
    <civic-report-form endpoint="/open311/v2" phone="01632 960000" service-code="potholes" map-style="" />
    <civic-case-tracker endpoint="/open311/v2" reference-example="LDC-1001" />
  </main>
);
`,
  );
  writeFileSync(
    join(app, 'src/field-suite.ts'),
    `// The field suite's options are typed from the package (type-checked only).
import { runFormFieldSuite, type FormFieldSuiteOptions } from '@civic-widgets/core/testing';

const options: FormFieldSuiteOptions<string> = { tag: 'civic-text-input', answer: 'LK1 2AB', submitted: ['LK1 2AB'], submittedWhenEmpty: [''] };
export const run = () => runFormFieldSuite(options);
`,
  );
  // A developer's own field (here core's text input under their tag) runs the suite as published.
  mkdirSync(join(app, 'test'));
  writeFileSync(
    join(app, 'test/field.test.js'),
    `import { CivicTextInput, defineElement } from '@civic-widgets/core';
import { runFormFieldSuite } from '@civic-widgets/core/testing';

class PostcodeInput extends CivicTextInput {}
defineElement('council-postcode-input', PostcodeInput);
runFormFieldSuite({ tag: 'council-postcode-input', answer: 'LK1 2AB', submitted: ['LK1 2AB'], submittedWhenEmpty: [''] });
`,
  );
  writeFileSync(
    join(app, 'web-test-runner.config.mjs'),
    `import { playwrightLauncher } from '@web/test-runner-playwright';
export default {
  files: ['test/**/*.test.js'],
  nodeResolve: true,
  // As generous as the repository's own config: axe's first load is slow on a busy 2-core machine.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 600000,
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: ${JSON.stringify(chromiumPath())}, headless: true, args: ${JSON.stringify(chromiumArgs)} } })],
};
`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true, noEmit: true, jsx: 'react-jsx', types: [], skipLibCheck: false, isolatedModules: true,
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  run('pnpm', ['install', '--prefer-offline', '--reporter=silent'], app, 'pnpm install (Vite app)');

  step('type-checking and building the Vite app');
  // Both at once, as an app's CI would: they read the same installed files and write nothing shared.
  const [typecheck, build] = await Promise.all([
    exec(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app),
    exec(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app),
  ]);
  check(typecheck.code === 0, `the Vite app type-checks (one import, typed events, JSX)${typecheck.code ? `:\n${typecheck.out}` : ''}`);
  check(build.code === 0 && existsSync(join(app, 'dist/index.html')), `the Vite app builds${build.code ? `:\n${build.out}` : ''}`);

  step('running the shared field suite from @civic-widgets/core/testing');
  const suite = await exec(join(app, 'node_modules/.bin/web-test-runner'), ['--config', 'web-test-runner.config.mjs', '--port', String(await freePort())], app);
  // The runner prints its progress line several times; the last one has the totals.
  const passed = [...suite.out.matchAll(/(\d+) passed, 0 failed/g)].at(-1)?.[1];
  check(suite.code === 0 && Number(passed) > 0, `a developer's field runs runFormFieldSuite from the installed core (${passed ?? 0} passed)${suite.code || !Number(passed) ? `:\n${suite.out.slice(-3000)}` : ''}`);

  step('waiting for the servers');
  const node311 = await fromNode;
  check(node311.code === 0 && /^200 \d+/.test(node311.out), `import { createServer } from '@civic-widgets/server' in plain Node${node311.code ? `:\n${node311.out}` : ''}`);
  await answers(`${api}/open311/v2/services.json`).catch((error) => {
    throw new Error(`${error.message}\n${serverOutput}`);
  });

  // ---- 5. The snippets, verbatim, on a page of another origin; CDN files from the package.
  step('running the webmasters’ snippet in Chromium');
  const webmasters = snippet('docs/webmasters.md', '## 1. Paste this');
  const readme = snippet('README.md');
  const cdnDir = join(node, 'node_modules/@civic-widgets/cdn');
  const cdnBase = `https://cdn.jsdelivr.net/npm/@civic-widgets/cdn@${version}/`;
  check(webmasters.includes(`${cdnBase}report-form.js`) && readme.includes(`${cdnBase}report-form.js`), 'the snippets load the CDN package of this version');
  // The SRI hash the docs print is the hash of the file in the package.
  const printed = /report-form\.js"\n\s+integrity="(sha384-[^"]+)"/.exec(readFileSync(join(root, 'docs/webmasters.md'), 'utf8'))?.[1];
  const actual = `sha384-${createHash('sha384').update(readFileSync(join(cdnDir, 'report-form.js'))).digest('base64')}`;
  check(printed === actual, `docs/webmasters.md prints the SRI hash of the packed report-form.js (${actual})`);
  // Every modulepreload hint the guide prints (the snippet's, a one-category page's, a Welsh
  // page's) names a file the package has: their names carry content hashes.
  const guide = readFileSync(join(root, 'docs/webmasters.md'), 'utf8');
  const preloads = [...guide.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  const missing = preloads.filter((href) => !href.startsWith(cdnBase) || !existsSync(join(cdnDir, href.slice(cdnBase.length))));
  check(
    /<link rel="modulepreload"/.test(webmasters) && missing.length === 0,
    `the guide's ${preloads.length} modulepreload hints are files of the package${missing.length ? ` (not: ${missing.join(', ')})` : ''}`,
  );

  const pages = { '/': webmasters, '/readme.html': readme };
  const site = createServer((request, response) => {
    const body = pages[new URL(request.url, 'http://x').pathname];
    if (!body) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A council page</title></head>\n<body><main><h1>Report a problem</h1>\n${body}</main></body></html>\n`);
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => site.close());
  // Another port: another origin than the server (and the CDN), one its CORS list allows.
  const pageUrl = `http://localhost:${site.address().port}`;

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  cleanup.push(() => browser.close());
  const context = await browser.newContext({ geolocation: undefined });
  const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.json': 'application/json', '.css': 'text/css' };
  // jsDelivr's address, answered from the installed package, with the CORS header a CDN on
  // another origin must send for module scripts.
  await context.route(`${cdnBase}**`, async (route) => {
    const file = join(cdnDir, decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(cdnBase).pathname.length)));
    if (!file.startsWith(cdnDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not in the package' });
    return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' } });
  });
  // The snippet's reporting system is the installed server.
  await context.route('https://reports.example.gov.uk/**', async (route) => {
    const url = route.request().url().replace('https://reports.example.gov.uk', api);
    const response = await route.fetch({ url });
    return route.fulfill({ response });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(`${pageUrl}/readme.html`);
  await page.getByRole('radio', { name: 'Pothole' }).waitFor({ timeout: 30_000 });
  check(true, "the README's snippet shows the categories");

  await page.goto(`${pageUrl}/`);
  const timeout = { timeout: 30_000 };
  await page.getByRole('radio', { name: 'Pothole' }).check(timeout);
  const next = () => page.getByRole('button', { name: 'Continue' }).click(timeout);
  await next();
  await page.getByRole('radio', { name: '4cm to 10cm' }).check(timeout);
  await next();
  await page.getByRole('radio', { name: 'In a cycle lane' }).check(timeout);
  await next();
  await page.getByRole('heading', { name: /Has it caused an injury/ }).waitFor(timeout);
  await next();
  await page.getByRole('heading', { name: /Tell us more about the problem/ }).waitFor(timeout);
  const description = `Outside the repo ${Date.now()}`;
  await page.getByLabel(/Tell us more about the problem/).fill(description);
  await next();
  await page.getByRole('combobox', { name: 'Address or postcode' }).fill('5 high st', timeout);
  await page.getByRole('option', { name: /5 High Street/ }).first().click(timeout);
  await page.getByText(/Chosen location: 5 High Street/).waitFor(timeout);
  await next();
  const after = page.getByRole('heading', { name: /Has someone already reported it|Add photos/ });
  await after.waitFor(timeout);
  if (/Has someone/.test(await after.textContent())) {
    await page.getByRole('radio', { name: 'No, it is a different problem' }).check(timeout);
    await next();
  }
  await page.getByRole('heading', { name: 'Add photos (optional)' }).or(page.getByRole('heading', { name: /Add photos/ })).first().waitFor(timeout);
  await next();
  await page.getByRole('heading', { name: /Your details/ }).waitFor(timeout);
  await next();
  await page.getByRole('heading', { name: /Check your answers/ }).waitFor(timeout);
  await page.getByRole('button', { name: 'Send report' }).click(timeout);
  await page.getByRole('heading', { name: 'Report sent' }).waitFor(timeout);
  const reference = (await page.getByText(/LDC-\d+/).first().textContent()).match(/LDC-\d+/)[0];
  const stored = await (await fetch(`${api}/open311/v2/requests/${reference}.json`)).json();
  check(stored[0]?.description === description && /5 High Street/.test(stored[0]?.address), `the webmasters' snippet, verbatim, sent report ${reference} with the address found by search`);
  check(!problems.length, `no script errors on the page${problems.length ? `: ${problems.join('; ')}` : ''}`);
} catch (error) {
  failures++;
  console.error(`✗ ${error.stack ?? error}`);
} finally {
  for (const close of cleanup.reverse()) await Promise.resolve(close()).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
console.log(`Outside the repo: ${failures ? `${failures} failure(s)` : 'all checks passed'} in ${seconds()}.`);
process.exit(failures ? 1 : 0);

/** Runs a command without blocking: resolves to its exit code and output. */
function exec(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    // 'close', not 'exit': the output may still be arriving when the process has exited.
    child.on('close', (code) => resolve({ code, out }));
    child.on('error', (error) => resolve({ code: -1, out: String(error) }));
  });
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
