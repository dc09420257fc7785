/*
 * Where Continue, Back and Change lead: pure functions of the visible pages and the current
 * step, so the element only keeps state and the route through the consultation reads in one place.
 */
import { isAnswered, type Page, type Visibility } from './model.js';

/** Where the resident is. */
export type Step =
  | { kind: 'overview' }
  | { kind: 'page'; id: string }
  | { kind: 'check' }
  | { kind: 'saved'; from: string }
  | { kind: 'done' };

/** The page the step shows, if it is a question page still visible. */
export function currentPage(step: Step, vis: Visibility): Page | undefined {
  return step.kind === 'page' ? vis.pages.find((p) => p.id === step.id) : undefined;
}

/** The first shown page with a required question still unanswered. */
export function firstIncompletePage(vis: Visibility): Page | undefined {
  return vis.pages.find((page) => page.questions.some((q) => q.required && !isAnswered(vis.answers[q.id])));
}

/** The first question page, or check answers when there is none. */
export function firstStep(vis: Visibility): Step {
  const first = vis.pages[0];
  return first ? { kind: 'page', id: first.id } : { kind: 'check' };
}

/** Where Continue leads from a question page that passed its checks. */
export function nextStep(page: Page, vis: Visibility, returnToCheck: boolean): Step {
  if (returnToCheck) {
    // A changed answer may have revealed a page with questions still to answer.
    const incomplete = firstIncompletePage(vis);
    return incomplete && incomplete.id !== page.id ? { kind: 'page', id: incomplete.id } : { kind: 'check' };
  }
  const next = vis.pages[vis.pages.findIndex((p) => p.id === page.id) + 1];
  return next ? { kind: 'page', id: next.id } : { kind: 'check' };
}

/** Where the Back link leads, or undefined where there is none. */
export function previousStep(step: Step, vis: Visibility, returnToCheck: boolean): Step | undefined {
  if (step.kind === 'check') {
    const last = vis.pages.at(-1);
    return last ? { kind: 'page', id: last.id } : { kind: 'overview' };
  }
  if (step.kind !== 'page') return undefined;
  if (returnToCheck) return { kind: 'check' };
  const index = vis.pages.findIndex((p) => p.id === step.id);
  const previous = vis.pages[index - 1];
  return previous ? { kind: 'page', id: previous.id } : { kind: 'overview' };
}

/** A saved step that still makes sense with these answers, else the overview. */
export function validStep(step: Step | undefined, vis: Visibility, open: boolean): Step {
  if (!step || !open) return { kind: 'overview' };
  if (step.kind === 'page' || step.kind === 'saved') {
    const id = step.kind === 'page' ? step.id : step.from;
    return vis.pages.some((p) => p.id === id) ? step : { kind: 'overview' };
  }
  return step.kind === 'done' ? { kind: 'overview' } : step;
}

/** The page-change event's detail for a step. */
export function pageChangeDetail(step: Step, vis: Visibility): { page: string; pageNumber?: number; pageCount?: number } {
  const index = step.kind === 'page' ? vis.pages.findIndex((p) => p.id === step.id) : -1;
  const page = step.kind === 'page' ? step.id : step.kind === 'done' ? 'confirmation' : step.kind;
  return index >= 0 ? { page, pageNumber: index + 1, pageCount: vis.pages.length } : { page };
}
