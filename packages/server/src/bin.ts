#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, createServer, DemoReportsError } from './index.ts';

const usage = `Usage: civic-server [--port 8787] [--host localhost] [--config council.json] [--data-dir ./.civic-data]
                    [--demo-reports reports.json] [--quiet]

--demo-reports: sample reports to create when the database has none yet, like the demo's
packages/server/demo/reports.json (no email is sent about them).

Environment: DATABASE_URL (use PostgreSQL instead of the embedded database), SMTP_URL (send real
email instead of the dev mailbox; DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY sign it), or
NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID (send through GOV.UK Notify), PUBLIC_URL, CIVIC_STAFF_API_KEY, CIVIC_RATE_LIMIT_POST_MAX,
CIVIC_RATE_LIMIT_POST_WINDOW_MS, TRUST_PROXY (proxies in front: a count like 1, or their addresses).`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', short: 'p', default: process.env.PORT ?? '8787' },
        host: { type: 'string', default: 'localhost' },
        config: { type: 'string', short: 'c' },
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
  const server = await createServer({
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
  console.log(`${ctx.config.council.name} reference server listening on ${server.url}`);
  console.log(`  Open311 GeoReport v2: ${ctx.publicUrl}/open311/v2/services.json`);
  console.log(`  OpenAPI:              ${ctx.publicUrl}/openapi.json`);
  if (ctx.mailer.kind === 'dev-mailbox') console.log(`  Dev mailbox:          ${ctx.publicUrl}/dev/mailbox`);
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
  if (error instanceof ConfigError || error instanceof DemoReportsError) console.error(`civic-server: ${error.message}`);
  else console.error('civic-server: could not start:', error.message ?? error);
  process.exit(1);
});
