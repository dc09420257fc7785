import type { FastifyReply } from 'fastify';

/** Escapes text for HTML: everything stored is shown as data, never as markup. */
export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain, accessible page for the few things the server shows a person directly. */
export function htmlPage(title: string, council: string, body: string, lang: 'en' | 'cy' = 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(council)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}
button{font:inherit;padding:.5rem 1rem;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;cursor:pointer}
button:focus{outline:3px solid #fd0;outline-offset:0}ol{padding-left:1.25rem}li{margin-bottom:1rem}
pre{white-space:pre-wrap;background:#f3f2f1;padding:1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:bold}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * Sends `htmlPage`, never cached (the pages show a resident's report or email). Its routes get
 * the pages' CSP from pageHeaders (security-headers.ts).
 */
export function sendPage(reply: FastifyReply, status: number, council: string, title: string, body: string, lang: 'en' | 'cy' = 'en') {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(htmlPage(title, council, body, lang));
}
