// `pnpm start`: the demo. Builds the CDN bundle, then runs the reference backend on its
// embedded database with the demo council, the dev mailbox, and the demo council website. A new
// database starts with the sample reports in packages/server/demo/reports.json.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createServer, DEMO_WARNING, demoReportsPath } from '@civic-widgets/server';
import { demoStaticDirs } from '../examples/demo-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8787);

console.log('Building the widgets (CDN bundle)…');
const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await createServer({
  demo: true,
  port,
  dataDir: process.env.CIVIC_DATA_DIR ?? join(root, '.civic-data'),
  databaseUrl: process.env.DATABASE_URL || undefined,
  smtpUrl: process.env.SMTP_URL || undefined,
  staticDirs: demoStaticDirs(root),
  demoReports: demoReportsPath,
});
const url = server.ctx.publicUrl;
// The dev mailbox catches the demo's email unless SMTP_URL sends it for real.
const devMailbox = server.ctx.mailer.kind === 'dev-mailbox';
// A report to try in the tracker: the sample with a repair booked has the fullest story. Asked of
// the API rather than assumed, since a database from before the samples existed has none.
const scheduled = (await fetch(`${server.url}/open311/v2/requests.json?status=action_scheduled`)
  .then((r) => r.json())
  .catch(() => [])) as { service_request_id: string }[];
const example = Array.isArray(scheduled) ? scheduled.at(-1)?.service_request_id : undefined;
console.log(`
Larkmead District Council demo is running. ${DEMO_WARNING.toUpperCase()}.

  Council website:   ${url}/
  Report a pothole:  ${url}/report-a-pothole.html
  Track a report:    ${url}/track-your-report.html${example ? `   (try ${example})` : ''}
  Staff back office: ${url}/staff   (no sign-in in the demo: see reports, change status, post updates)
${devMailbox ? `  Dev mailbox:       ${url}/dev/mailbox   (every email the demo sends)
` : ''}  Embedding tests:   ${url}/examples/hostile-cms/  ${url}/examples/strict-csp/
  Open311 endpoint:  ${url}/open311/v2/services.json
  API reference:     ${url}/openapi.json

Press Ctrl+C to stop.`);

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
