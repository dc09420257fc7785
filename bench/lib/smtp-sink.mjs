#!/usr/bin/env node
// An SMTP server that accepts every message and throws it away, counting them: what the benches
// point SMTP_URL at, so the server under test delivers email as in production (to another
// process, over SMTP) without the dev mailbox's parsing and storing in the server's own process.
//   node bench/lib/smtp-sink.mjs <port>   (prints "listening" once it accepts connections)
import { createRequire } from 'node:module';

// smtp-server is a dependency of the server package, not of the workspace root.
const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const { SMTPServer } = require('smtp-server');

const port = Number(process.argv[2]);
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  // smtp-server's bundled certificate has expired (docs: TOOLCHAIN.md): no TLS upgrade.
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      count++;
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`smtp sink listening on ${port}`));
// The bench asks how many arrived by sending SIGUSR2; the count goes to stdout.
process.on('SIGUSR2', () => console.log(`received ${count}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
