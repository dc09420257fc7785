/** Models of the consultation JSON API, exactly as docs/consultation-api.md defines them. */

/** Text a resident reads: one string for every language, or English with optional Welsh. */
export type LocalizedText = string | { en: string; cy?: string };

export type ConsultationStatus = 'upcoming' | 'open' | 'closed' | 'results_published';

/** A topic or an area a consultation is about: a stable id and the words residents read. */
export interface ConsultationTag {
  id: string;
  label: LocalizedText;
}

/** GET /api/consultations: one entry of the list. Date-times are ISO 8601 strings (UTC). */
export interface ConsultationSummary {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  status: ConsultationStatus;
  opens: string;
  closes: string;
  /** What it is about, e.g. transport; absent or empty: no topic given. */
  topics?: ConsultationTag[];
  /** Where it applies; absent or empty: the whole council area. */
  areas?: ConsultationTag[];
}

/** Another way to respond, always shown. */
export interface OtherWay {
  kind: 'post' | 'phone' | 'email' | 'event' | 'other';
  label: LocalizedText;
  detail: LocalizedText;
  href?: string;
  date?: string;
}

/** The small condition language of `showIf` (pages and questions). */
export type Condition =
  | { question: string; equals: string }
  | { question: string; in: string[] }
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export interface QuestionOption {
  value: string;
  label: LocalizedText;
  hint?: LocalizedText;
}

export type QuestionType =
  | 'text'
  | 'textarea'
  | 'radios'
  | 'checkboxes'
  | 'scale'
  | 'ranking'
  | 'yes_no'
  | 'date'
  | 'location';

/** One question; the keys after `showIf` apply to the types the doc names. */
export interface Question {
  id: string;
  type: QuestionType;
  label: LocalizedText;
  hint?: LocalizedText;
  required?: boolean;
  showIf?: Condition;
  /** radios, checkboxes, scale, ranking. */
  options?: QuestionOption[];
  /** radios, checkboxes: adds an "Other" choice whose text goes in `answers["<id>.other"]`. */
  other?: { label: LocalizedText };
  /** checkboxes. */
  maxSelections?: number;
  /** text (default 500), textarea (default 10 000). */
  maxLength?: number;
  /** textarea. */
  maxWords?: number;
  /** date: `YYYY-MM-DD`. */
  min?: string;
  max?: string;
  /** location: must be inside the council's area (default true). */
  withinArea?: boolean;
}

export interface Page {
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  showIf?: Condition;
  questions: Question[];
}

/** GET /api/consultations/{id}: the whole definition. */
export interface Consultation extends ConsultationSummary {
  languages: string[];
  overview: {
    proposal: LocalizedText;
    reasons: LocalizedText;
    audience: LocalizedText;
    estimatedMinutes: number;
    otherWays: OtherWay[];
    documents?: { label: LocalizedText; href: string }[];
    privacy: LocalizedText;
    privacyUrl?: string;
  };
  pages: Page[];
}

/** A location answer. */
export interface LocationAnswer {
  lat: number;
  lng: number;
  address?: string;
}

/** Question id (or `<id>.other`) → answer. */
export type Answers = Record<string, string | string[] | LocationAnswer | null | undefined>;

/** POST …/responses body. */
export interface ResponseInput {
  answers: Answers;
  lang?: 'en' | 'cy';
  /** A draft of this consultation to delete once the response is stored. */
  resumeCode?: string;
}

export interface SubmittedResponse {
  reference: string;
  submittedAt: string;
}

/** POST and PUT …/drafts body. */
export interface DraftInput {
  answers: Answers;
  /** The page the resident was on, to resume there. */
  page?: string;
  /** Send the resume code and link here (not stored). */
  email?: string;
  /** The page the widget is on: the email links back to it with `resume=<code>`. */
  returnUrl?: string;
  lang?: 'en' | 'cy';
}

export interface SavedDraft {
  resumeCode: string;
  expiresAt: string;
  /** An email with the code was queued. */
  emailed: boolean;
}

/** GET …/drafts/{code}. */
export interface Draft {
  resumeCode: string;
  answers: Answers;
  page?: string;
  updatedAt: string;
  expiresAt: string;
}

export interface QuestionResult {
  id: string;
  type: QuestionType;
  label: LocalizedText;
  answered: number;
  options?: { value: string; label: LocalizedText; count: number; percent: number }[];
  other?: { count: number; percent: number };
  ranking?: { value: string; label: LocalizedText; meanRank: number; firstChoice: number }[];
}

/** GET …/results: "we asked, you said, we did". */
export interface ConsultationResults {
  id: string;
  title: LocalizedText;
  status: ConsultationStatus;
  closes: string;
  publishedAt: string;
  responseCount: number;
  weAsked: LocalizedText;
  youSaid: LocalizedText;
  weDid: LocalizedText;
  decision: { text: LocalizedText; url?: string; date?: string };
  questions: QuestionResult[];
  quotes: { text: string; question?: string }[];
}

/**
 * POST …/alerts body: email me about new consultations on these topics or in these areas
 * (none chosen: every new one), or, with `consultation`, tell me the outcome of that one.
 */
export interface AlertInput {
  email: string;
  topics?: string[];
  areas?: string[];
  consultation?: string;
  lang?: 'en' | 'cy';
}

/** The answer to POST …/alerts: a link to confirm was emailed (whether or not already subscribed). */
export interface AlertAccepted {
  status: 'confirmation_sent';
}
