// The demo (reference server, demo council site, CDN build and the plain form) on a port, for
// bench/page-cost.mjs: `tsx bench/lib/page-server.ts <port> <data dir> [site root]`. Prints
// "listening <url>". The site root (default: this checkout) is where dist/cdn and examples/ are
// read from: bench/lib/ab-page.mjs serves a second build from another.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../packages/server/src/index.ts';
import { demoStaticDirs } from '../../examples/demo-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [port, dataDir, siteRoot = root] = [Number(process.argv[2]), process.argv[3]!, process.argv[4]];
const server = await createServer({ demo: true, port, host: '127.0.0.1', dataDir, quiet: true, env: {}, staticDirs: demoStaticDirs(siteRoot) });
console.log(`listening ${server.url.replace('localhost', '127.0.0.1')}`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
