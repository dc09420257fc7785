import type { FastifyInstance } from 'fastify';
import { pageHeaders } from '../http/security-headers.ts';
import { z } from 'zod';
import { answer } from '../http/route-schemas.ts';
import { listCaughtMail } from './dev-mailbox.ts';

const escapeHtml = (value: string | null) =>
  (value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The dev mailbox: every email the server sent, caught by the in-process SMTP server.
 * Mounted at /dev (index.ts), only when SMTP_URL is not set. Mail bodies are shown as text, never as markup.
 */
export default async function devRoutes(app: FastifyInstance) {
  const ctx = app.civic;
  pageHeaders(app);
  // Mail still in the queue is sent first (by a process that sends mail), so the page shows every email already queued (the
  // worker sends it within moments anyway; tests and demos need not wait for it).
  const caught = async () => {
    if (ctx.queue.working) await ctx.queue.drain();
    return listCaughtMail(ctx.db);
  };
  const mailbox = { tags: ['Demo'], summary: 'Emails caught by the dev mailbox (--demo without SMTP_URL only), newest first', response: { 200: answer(z.array(z.object({}).loose()), 'Newest first') } };
  app.get('/mailbox.json', { schema: mailbox }, caught);

  app.get('/mailbox', async (_request, reply) => {
    const mail = await caught();
    const items = mail
      .map(
        (m) => `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <dl><dt>To</dt><dd>${escapeHtml(m.to)}</dd><dt>From</dt><dd>${escapeHtml(m.from)}</dd><dt>Received</dt><dd><time datetime="${m.received_at}">${m.received_at}</time></dd></dl>
  <pre>${escapeHtml(m.text)}</pre>
</article>`,
      )
      .join('\n');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev mailbox – ${escapeHtml(ctx.config.council.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.4}article{border-top:1px solid #b1b4b6;padding:1rem 0}pre{white-space:pre-wrap;background:#f3f2f1;padding:1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:bold}</style>
</head>
<body>
<main>
<h1>Dev mailbox</h1>
<p>Emails the server has sent (${mail.length}), newest first. Set SMTP_URL to send real email instead.</p>
${items || '<p>No emails yet.</p>'}
</main>
</body>
</html>`;
  });
}
