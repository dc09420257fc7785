// Starts the real reference backend (packages/server) as a child process on a fresh data
// directory, in demo mode (the demo council, dev mailbox), for browser tests and benchmarks. Resolves once it prints that it is listening.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverBin = join(root, 'packages', 'server', 'bin', 'civic-server.js');

export function referenceServerAvailable() {
  return existsSync(serverBin);
}

export async function startReferenceServer({ port, args = [], env = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-test-data-'));
  const child = spawn(process.execPath, [serverBin, '--demo', '--port', String(port), '--data-dir', dataDir, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reference server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      if (/listening|http:\/\/\S+:\d+/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reference server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    output: () => output,
    async stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        setTimeout(resolve, 5000);
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
