// `pnpm start`: the demo. Builds the CDN bundle, then runs the reference backend on its
// embedded database with the demo council, the dev mailbox, and the demo council website.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createServer } from '@civic-widgets/server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8787);

console.log('Building the widgets (CDN bundle)…');
const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await createServer({
  port,
  dataDir: process.env.CIVIC_DATA_DIR ?? join(root, '.civic-data'),
  databaseUrl: process.env.DATABASE_URL || undefined,
  smtpUrl: process.env.SMTP_URL || undefined,
  staticDirs: [
    { prefix: '/cdn/', root: join(root, 'dist/cdn') },
    { prefix: '/', root: join(root, 'examples/council-site') },
    { prefix: '/examples/', root: join(root, 'examples') },
  ],
});
const url = server.ctx.publicUrl;
console.log(`
Larkmead District Council demo is running.

  Council website:   ${url}/
  Dev mailbox:       ${url}/dev/mailbox   (every email the demo sends)
  Open311 endpoint:  ${url}/open311/v2/services.json
  API reference:     ${url}/openapi.json

Press Ctrl+C to stop.`);

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
