// vitest globalSetup for the e2e project: builds the CDN bundle and starts the demo once, exactly
// as `pnpm start` does (reference server, demo council, dev mailbox, example pages), on a free
// port with a fresh data directory. Every e2e file drives its own Chromium against it.
// CIVIC_E2E_SKIP_BUILD=1 reuses an existing dist/cdn (e.g. right after `pnpm test` built it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createServer } from '@civic-widgets/server';
import { demoStaticDirs } from '../demo-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    civicDemoUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!(process.env.CIVIC_E2E_SKIP_BUILD && existsSync(join(root, 'dist/cdn/sri.json')))) {
    // vitest sets NODE_ENV=test, which vite would carry into the build (lit's development
    // exports, other file hashes): build exactly what `pnpm build` and the CDN package ship.
    const env = { ...process.env, NODE_ENV: 'production' };
    const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
    if (build.status !== 0) throw new Error('The CDN build (vite build) failed: the end-to-end tests need dist/cdn.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const server = await createServer({ demo: true, port: 0, quiet: true, dataDir, staticDirs: demoStaticDirs(root) });
  project.provide('civicDemoUrl', server.url);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
