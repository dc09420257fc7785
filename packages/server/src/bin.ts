#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, createServer, DEMO_WARNING, DemoReportsError, StartupError } from './index.ts';

const usage = `Usage: civic-server --config council.json [--no-email] [--port 8787] [--host localhost] [--data-dir ./.civic-data] [--quiet]
       civic-server --demo [--config council.json] [--demo-reports reports.json] [--port 8787] …

--config: the council's council.json (docs/server.md). Required without --demo.
--demo: the demo council (${DEMO_WARNING}): sample config, dev mailbox at /dev/mailbox (no SMTP_URL),
  a back office at /staff without sign-in.
--no-email: send no email (a council that only uses the Open311 feed); otherwise SMTP_URL is required.
--demo-reports: with --demo, sample reports to create when the database has none yet, like
  packages/server/demo/reports.json (no email is sent about them).

Environment: PUBLIC_URL (required without --demo), SMTP_URL (send real email; DKIM_DOMAIN,
DKIM_SELECTOR, DKIM_PRIVATE_KEY sign it) or NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID (GOV.UK Notify):
one is required without --demo or --no-email. DATABASE_URL (PostgreSQL instead of the embedded
database), CIVIC_SESSION_SECRET and the client secret named by staff_sign_in.client_secret_env
(staff sign-in), CIVIC_STAFF_API_KEY, CIVIC_RATE_LIMIT_POST_MAX, CIVIC_RATE_LIMIT_POST_WINDOW_MS,
TRUST_PROXY (proxies in front: a count like 1, or their addresses). See docs/security.md.`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', short: 'p', default: process.env.PORT ?? '8787' },
        host: { type: 'string', default: 'localhost' },
        config: { type: 'string', short: 'c' },
        demo: { type: 'boolean', default: false },
        'no-email': { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: './.civic-data' },
        'demo-reports': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`civic-server: ${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`civic-server: --port must be a number from 0 to 65535, not "${values.port}"`);
    process.exit(2);
  }
  if (values['demo-reports'] && !values.demo) {
    console.error('civic-server: --demo-reports only works with --demo (sample reports are not for a real council)');
    process.exit(2);
  }
  if (values.demo) console.warn(`civic-server: ${DEMO_WARNING.toUpperCase()}. Staff pages have no sign-in; every email goes to the dev mailbox.`);
  const server = await createServer({
    demo: values.demo,
    email: !values['no-email'],
    port,
    host: values.host,
    configPath: values.config,
    dataDir: values['data-dir'],
    demoReports: values['demo-reports'],
    databaseUrl: process.env.DATABASE_URL || undefined,
    smtpUrl: process.env.SMTP_URL || undefined,
    publicUrl: process.env.PUBLIC_URL || undefined,
    quiet: values.quiet,
  });
  const { ctx } = server;
  console.log(`${ctx.config.council.name} reference server listening on ${server.url}${ctx.demo ? ` (${DEMO_WARNING})` : ''}`);
  console.log(`  Open311 GeoReport v2: ${ctx.publicUrl}/open311/v2/services.json`);
  console.log(`  OpenAPI:              ${ctx.publicUrl}/openapi.json`);
  if (ctx.demo && ctx.mailer.kind === 'dev-mailbox') console.log(`  Dev mailbox:          ${ctx.publicUrl}/dev/mailbox`);
  if (ctx.demo) console.log(`  Staff (no sign-in):   ${ctx.publicUrl}/staff`);
  else if (ctx.config.staff_sign_in) console.log(`  Staff (sign-in):      ${ctx.publicUrl}/staff`);
  if (ctx.mailer.kind === 'none') console.log('  Email:                none (--no-email)');
  console.log(`  Database:             ${ctx.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${values['data-dir']}`}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`civic-server: ${signal}, closing`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  if (error instanceof ConfigError || error instanceof DemoReportsError || error instanceof StartupError) console.error(`civic-server: ${error.message}`);
  else console.error('civic-server: could not start:', error.message ?? error);
  process.exit(1);
});
