import type { FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '../http/html.ts';
import { crossSiteProblem } from '../http/cross-site.ts';
import { PAGE_CSP } from '../http/security-headers.ts';
import { csrfField } from './sign-in/plugin.ts';
import { DEMO_WARNING } from '../modes.ts';

/*
 * What every page of the back office (/staff) shares: the layout (with the demo warning, or who is
 * signed in and a sign-out button), the CSP, the GOV.UK error summary and the same-origin check
 * on its forms. See routes.ts; sign-in/ guards it outside demo mode.
 */

/** The pages' CSP, with photos from anywhere a report's media_url points. */
export const CSP = { ...PAGE_CSP, 'img-src': ["'self'", 'https:', 'data:'] };

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;line-height:1.45;color:#0b0c0c}
header{background:#0b0c0c;color:#fff;padding:.75rem 1rem}header a{color:#fff;font-weight:700;text-decoration:none}header p{margin:.25rem 0 0;font-size:.9rem}
header nav ul{display:flex;gap:1.25rem;list-style:none;margin:.5rem 0 0;padding:0}header nav a{font-weight:400;text-decoration:underline}header nav a[aria-current]{font-weight:700;text-decoration:none}
main{max-width:70rem;margin:0 auto;padding:1.5rem 1rem 3rem}a{color:#1d70b8}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0}
h1{margin:0 0 1rem;font-size:2rem}h2{font-size:1.4rem;margin:2rem 0 .75rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.5rem .75rem .5rem 0;border-bottom:1px solid #b1b4b6}th{font-weight:700}td.number{text-align:right}
.tag{display:inline-block;padding:.1rem .45rem;background:#d2e2f1;color:#0c2d4a;font-weight:700;font-size:.9rem}.tag.closed{background:#cce2d8;color:#005a30}.tag.grey{background:#eeefef;color:#383f43}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.35rem 1rem}dt{font-weight:700}dd{margin:0}.pre-line{white-space:pre-line}ul.quotes{margin:0;padding-left:1.25rem}
label,legend{display:block;font-weight:700;margin:1rem 0 .35rem}input,select,textarea{font:inherit;border:2px solid #0b0c0c;padding:.35rem;max-width:100%}textarea{width:40rem;min-height:7rem}input[type=url]{width:40rem}
.hint{color:#505a5f;margin:0 0 .35rem}.inset{border-left:10px solid #b1b4b6;padding:.25rem 0 .25rem 1rem;margin:1rem 0}button{font:inherit;margin-top:1rem;padding:.5rem 1rem;background:#00703c;color:#fff;border:0;box-shadow:0 2px #002d18;cursor:pointer}
.banner{border:5px solid #00703c;padding:1rem;margin-bottom:1.5rem}.banner h2{margin:0;font-size:1.2rem}
.errors{border:5px solid #d4351c;padding:1rem;margin-bottom:1.5rem}.errors h2{margin:0 0 .5rem;font-size:1.2rem}.errors a{color:#d4351c;font-weight:700}.errors li{margin:0 0 .4rem}
.field-error{color:#d4351c;font-weight:700;margin:0 0 .35rem}ol.timeline{padding-left:1.25rem}ol.timeline li{margin-bottom:.75rem}
nav.filters ul{display:flex;gap:1rem;list-style:none;padding:0}nav.filters a[aria-current]{font-weight:700;color:#0b0c0c}
.table-scroll{overflow-x:auto;position:relative}.table-scroll:focus{outline:3px solid #fd0}.demo-warning{background:#fd0;color:#0b0c0c;padding:.5rem 1rem;margin:0;font-weight:700}.account{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}.account form button{margin:0;padding:.25rem .75rem;background:#fff;color:#0b0c0c;box-shadow:none}
fieldset{border:0;padding:0;margin:1rem 0 0}.choice{display:flex;flex-wrap:wrap;align-items:center;gap:0 .6rem;margin:.5rem 0}.choice input{width:1.5rem;height:1.5rem;margin:0;flex:none}.choice label{display:inline;font-weight:400;margin:0;flex:1}.choice .hint{flex-basis:100%;padding-left:2.1rem}
input.short{width:6rem}button.warning{background:#d4351c;box-shadow:0 2px #55150b}button.secondary{margin:0;background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px #929191}
ol.questions li{margin-bottom:1rem}p.question{margin:0 0 .35rem}.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}.actions form{margin:0}.condition{border-left:4px solid #b1b4b6;padding-left:1rem;margin:1rem 0}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}`;

export type Section = 'reports' | 'consultations';

/** Who is signed in, and the sign-out button; or, in demo mode, the warning that nobody is. */
function account(request: FastifyRequest): string {
  const staff = request.staff;
  if (!staff) {
    // In a landmark, so a screen reader user moving by landmarks meets it too.
    return `<aside aria-label="Demo warning"><p class="demo-warning">${escapeHtml(DEMO_WARNING.charAt(0).toUpperCase() + DEMO_WARNING.slice(1))}. This back office has no sign-in: anyone who reaches it sees reporters' names, emails and phone numbers. A council runs it with staff sign-in (docs/security.md).</p></aside>`;
  }
  const who = staff.name ? `${staff.name} (${staff.email})` : staff.email;
  return `<div class="account"><p>Signed in as ${escapeHtml(who)}</p><form method="post" action="/staff/sign-out">${csrfField(request)}<button type="submit">Sign out</button></form></div>`;
}

export function page(request: FastifyRequest, title: string, body: string, section: Section = 'reports'): string {
  const ctx = request.server.civic;
  const council = escapeHtml(ctx.config.council.name);
  const link = (href: string, name: string, s: Section) => `<li><a href="${href}"${s === section ? ' aria-current="page"' : ''}>${name}</a></li>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Staff – ${council}</title>
<style>${STYLE}</style>
</head>
<body>
${ctx.demo ? account(request) : ''}
<header><a href="/staff">${council}: back office</a>${ctx.demo ? '' : account(request)}
<nav aria-label="Back office"><ul>${link('/staff', 'Reports', 'reports')}${link('/staff/consultations', 'Consultations', 'consultations')}</ul></nav></header>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * A wide table that scrolls sideways on its own on a phone, instead of widening the whole page
 * (WCAG 1.4.10); focusable, so it can be scrolled by keyboard, and named for screen readers.
 * Positioned, so the visually hidden text in its cells (absolutely positioned) stays inside it.
 */
export const scrollingTable = (label: string, table: string) => `<div class="table-scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">${table}</div>`;

export const when = (date: Date | string, shown?: string) => {
  const d = new Date(date);
  return `<time datetime="${d.toISOString()}">${escapeHtml(shown ?? d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }))}</time>`;
};

export function send(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
}

/** A cross-site page must not be able to post through an officer's browser (http/cross-site.ts's rule). */
export function sameOrigin(request: FastifyRequest): boolean {
  return crossSiteProblem(request, 'same-origin', () => false) === null;
}

/** A problem with what was typed; `field` is the id of the input it is about, when there is one. */
export interface FieldError<F extends string = string> {
  field?: F;
  message: string;
}

/** The GOV.UK error summary: each message links to its field. Empty without errors. */
export function errorSummary(errors: readonly FieldError[]): string {
  if (!errors.length) return '';
  const items = errors.map((e) => `<li>${e.field ? `<a href="#${e.field}">${escapeHtml(e.message)}</a>` : escapeHtml(e.message)}</li>`).join('');
  return `<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2><ul>${items}</ul></div>`;
}
