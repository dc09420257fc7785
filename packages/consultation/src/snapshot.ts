/*
 * What a reload brings back: the resident's progress as it is kept in sessionStorage (through
 * core's DraftController), and the progress a stored copy gives back. Plain functions so the
 * element keeps its state private and only hands over, and takes back, a copy of it.
 */
import { visibility, type Answers, type Consultation } from './model.js';
import { validStep, type Step } from './navigation.js';

/** What is kept in the browser between reloads. */
export interface Snapshot {
  answers: Answers;
  step: Step;
  /** The Idempotency-Key of this resident's response, made when they start. */
  key: string;
  returnToCheck?: boolean;
  resumeCode?: string;
  expiresAt?: string;
  /** Set once the response is stored: a reload shows the confirmation, never a second form. */
  reference?: string;
}

/** The element's progress, with '' for "none" as the element keeps it. */
export interface Progress {
  answers: Answers;
  step: Step;
  key: string;
  returnToCheck: boolean;
  resumeCode: string;
  expiresAt: string;
  reference: string;
}

/** The progress to store: empty fields are left out, so a stored copy stays small. */
export function toSnapshot(p: Progress): Snapshot {
  return {
    answers: p.answers,
    step: p.step,
    key: p.key,
    returnToCheck: p.returnToCheck,
    resumeCode: p.resumeCode || undefined,
    expiresAt: p.expiresAt || undefined,
    reference: p.reference || undefined,
  };
}

/**
 * The progress a stored copy gives back (none: a fresh start). A sent response comes back at the
 * confirmation; otherwise the step is kept only while the consultation is open and its page is
 * still one the answers show.
 */
export function fromSnapshot(saved: Snapshot | undefined, def: Consultation): Progress {
  const answers = saved?.answers ?? {};
  const reference = saved?.reference ?? '';
  return {
    answers,
    key: saved?.key ?? '',
    returnToCheck: saved?.returnToCheck ?? false,
    resumeCode: saved?.resumeCode ?? '',
    expiresAt: saved?.expiresAt ?? '',
    reference,
    step: reference ? { kind: 'done' } : validStep(saved?.step, visibility(def, answers), def.status === 'open'),
  };
}
