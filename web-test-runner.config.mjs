// Component tests in real Chromium (Debian's by default; CHROME_PATH overrides).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './scripts/lib/chromium.mjs';
import { referenceServerAvailable, startReferenceServer } from './scripts/lib/reference-server.mjs';
import { countsReporter } from './scripts/lib/wtr-counts-reporter.mjs';
import { startOpen311FixtureServer } from './scripts/lib/open311-fixture-server.mjs';

// The real reference backend, so component tests use real data rather than mocks.
export const REFERENCE_SERVER_PORT = Number(process.env.CIVIC_TEST_SERVER_PORT ?? 8788);
let server;

const referenceServerPlugin = {
  name: 'civic-reference-server',
  async serverStart() {
    if (!referenceServerAvailable()) return;
    try {
      server = await startReferenceServer({ port: REFERENCE_SERVER_PORT });
    } catch (error) {
      // Tests that need the backend will fail with a network error; the rest still run.
      console.warn(`The reference server did not start, so tests that use it will fail:\n${error.message}`);
    }
  },
  async serverStop() {
    await server?.stop();
  },
};

// Payloads captured from real Open311 servers, one profile per path (packages/core/test-fixtures/open311),
// on a free port: the report form and case tracker are run against each (open311-profiles.test.ts).
let fixtureServer;
const open311FixturePlugin = {
  name: 'civic-open311-fixtures',
  async serverStart() {
    fixtureServer = await startOpen311FixtureServer();
  },
  async serverStop() {
    await fixtureServer?.stop();
  },
};

export default {
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  // Generous: the first axe check of a file loads axe-core (~0.5 MB), slow on a busy 2-core machine.
  // In CI, a test that fails is run once more (mocha's retries) before it counts: a busy 2-core
  // machine once failed a whole run on one slow page. A test failing twice still fails.
  testFramework: { config: { timeout: 30_000, retries: process.env.CI ? 1 : 0 } },
  testsFinishTimeout: 600_000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
  // esbuild reads this file raw (no "extends"), so point it at the base config with the decorator settings.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
    referenceServerPlugin,
    open311FixturePlugin,
  ],
  reporters: [process.env.CI ? summaryReporter({ flatten: false }) : defaultReporter(), countsReporter()],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><body>
      <script>window.CIVIC_TEST_SERVER = 'http://localhost:${REFERENCE_SERVER_PORT}';
        window.CIVIC_FIXTURE_SERVER = '${fixtureServer?.url ?? ''}';</script>
      <script type="module" src="${testFramework}"></script></body></html>`,
};
