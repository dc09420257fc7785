import { defineConfig } from 'vitest/config';

/**
 * Three kinds of Node-side tests, each its own project so CI can report them apart:
 * - unit: logic next to the source (`*.spec.ts`): clients, validators, routing rules.
 * - server: the reference backend over real HTTP against a real database (PGlite, or
 *   PostgreSQL when DATABASE_URL is set). One PGlite per file costs ~1 s and ~400 MB,
 *   so files run one or two at a time.
 * - e2e: the demo in real Chromium against the real reference server (playwright-core).
 */
/*
 * In CI only, a server or end-to-end test that fails is run once more before it counts as failed.
 * These tests start databases, servers and Chromium on a 2-core machine, and one slow start once
 * cost a whole session's work. A test that fails twice still fails; one that passes at its second
 * try is named at the end of `pnpm test` ("passed at its second try") so it gets fixed, not hidden.
 */
const RETRY_IN_CI = process.env.CI ? 1 : 0;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
          environment: 'node',
          // Projects run one after another (unit, server, e2e): on a 2-core CI machine a
          // PGlite and a Chromium competing with the unit tests only slow everything down.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'server',
          // stories/backend: the Storybook mock backend, compared with this server.
          include: ['packages/server/test/**/*.spec.ts', 'stories/**/*.spec.ts'],
          // A migrated PGlite template, and a throwaway PostgreSQL cluster when Debian's is installed.
          globalSetup: ['packages/server/test/global-setup.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 30_000,
          // Opening a PGlite and starting a server took over 60 s once at load 22.
          hookTimeout: 120_000,
          retry: RETRY_IN_CI,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['examples/**/*.e2e.ts'],
          globalSetup: ['examples/e2e/global-setup.ts'],
          environment: 'node',
          sequence: { groupOrder: 2 },
          pool: 'forks',
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          retry: RETRY_IN_CI,
        },
      },
    ],
  },
});
