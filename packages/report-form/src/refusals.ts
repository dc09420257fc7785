import { msg, str } from '@lit/localize';
import { ApiError, errorSubject, type ErrorSubject, type FieldError } from '@civic-widgets/core';
import type { PageId } from './flow.js';
import type { ReportView } from './pages/view.js';
import { callUs } from './questions-error.js';

/*
 * A server's refusal of a report, in plain words on "Check your answers". Only a sent report can
 * be refused, so this rides in the pages chunk, not in the form's first load.
 */

/** A server's refusal in plain words, and the page of the field it names (none: nothing to change). */
export interface Refusal {
  message: string;
  page?: PageId;
  /** The field's name on a page of several (Your details). */
  field?: string;
}

/** What to tell the resident about one error, and where its field is. */
function explain(subject: ErrorSubject, v: ReportView): Refusal {
  const has = (page: PageId) => (v.pages.includes(page) ? page : undefined);
  switch (subject.kind) {
    case 'service':
      return { message: msg('The council’s system did not accept the problem you chose. Choose it again, or choose another.', { id: 'report.refused.service' }), page: has('category') };
    case 'location':
      return { message: msg('The council’s system did not accept where the problem is. Choose the place again.', { id: 'report.refused.location' }), page: 'where' };
    case 'email':
      return { message: msg('The council’s system did not accept your email address. Check it is right.', { id: 'report.refused.email' }), page: 'about', field: 'email' };
    case 'name':
      return { message: msg('The council’s system did not accept your name. Check it is right.', { id: 'report.refused.name' }), page: 'about', field: 'name' };
    case 'phone':
      return { message: msg('The council’s system did not accept your phone number. Check it is right.', { id: 'report.refused.phone' }), page: 'about', field: 'phone' };
    case 'description':
      return { message: msg('The council’s system did not accept your description of the problem. Check it.', { id: 'report.refused.description' }), page: 'description' };
    case 'media':
      return { message: msg('The council’s system did not accept your photo. Remove it, or add another.', { id: 'report.refused.photo' }), page: has('photos') };
    case 'key':
      return { message: msg('The council’s system is not taking reports from this website at the moment.', { id: 'report.refused.key' }) };
    case 'attribute': {
      const question = v.questions.find((q) => q.code === subject.code);
      const page = has(`question:${subject.code}`);
      // A hidden or server-set attribute: nothing the resident can change.
      if (question && page) {
        const name = question.description || question.code;
        return { message: msg(str`The council’s system did not accept your answer to “${name}”. Check your answer.`, { id: 'report.refused.answer' }), page };
      }
    }
  }
  return { message: msg('The council’s system did not accept your report.', { id: 'report.error.refused' }) };
}

/**
 * A refusal (4xx) in plain words, one per field the server named, each with the phone number.
 * The server's own text stays in the `civic-error` event's detail (`message`, `cause.errors`)
 * for the council's integrators: it is written for developers, in the server's language.
 */
export function refusalsFor(v: ReportView, error: unknown): Refusal[] {
  const items = error instanceof ApiError ? error.errors : [];
  const status = error instanceof ApiError ? String(error.status) : '';
  const codes = v.questions.map((q) => q.code);
  const out = new Map<string, Refusal>();
  for (const item of items.length ? items : [{ code: status, description: '' }]) {
    const r = explain(errorSubject(item, codes), v);
    // A server that writes its refusals for residents ("This location is in Westshire. Report
    // it to Westshire Council.", the reference server's) says more than we can: keep its words.
    if (forResidents(item.description)) r.message = item.description.trim();
    out.set(r.message, r);
  }
  return [...out.values()].map((r) => ({ ...r, message: r.message + callUs(v.settings.phone) }));
}

/**
 * Whether a server's error reads as a sentence for residents: no field names or code
 * (`service_code:`, `attribute[x]`, `api_key`, `--`), starting with a capital, ending a sentence.
 */
const forResidents = (d: string) => /^[A-Z][^]*[.!]$/.test(d.trim()) && !/\w_\w|[[\]{}<>]|^[\w/, ]+:\s|--/.test(d);

/**
 * The refusals on "Check your answers": each links to the field it names, on its own page
 * (the error summary calls `follow`), and is shown there again until the resident moves on.
 */
export function refusalErrors(v: ReportView, refusals: Refusal[]): FieldError[] {
  return refusals.map((r) => {
    const change = r.page && v.find(`[data-change="${r.page}"]`);
    return change ? { message: r.message, target: change, follow: () => void fixOn(v, r) } : { message: r.message, target: v.headingTarget() };
  });
}

/** Takes the resident to the page of the field a refusal names, with the error linking to it. */
async function fixOn(v: ReportView, r: Refusal): Promise<void> {
  v.change(r.page!);
  await v.updated();
  const field = fieldFor(v, r);
  await (field as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
  // After the page's own focus move to its heading, so the error summary is read out first.
  await new Promise((resolve) => setTimeout(resolve));
  if (field && v.page === r.page) v.setErrors([{ message: r.message, target: field }]);
}

function fieldFor(v: ReportView, { page, field }: Refusal): HTMLElement | null {
  if (field) return v.find(`[data-field][name="${field}"]`);
  if (page === 'category') return v.find('input[name=category]:checked') ?? v.find('input[name=category]');
  return v.find('[data-field]');
}
