import type { FieldError, QuestionPageView, Service, ServiceAttribute, ServiceRequest } from '@civic-widgets/core';
import type { Answers, PageId } from '../flow.js';
import type { ReportSettings } from '../settings.js';
import type { PhotoUploads } from './photos.js';

/** Pages outside the question flow. */
export type EndPage = 'done' | 'queued' | 'existing' | 'stopped';

/** What the confirmation shows. */
export interface Confirmation {
  id: string | null;
  token: string | null;
  notice: string;
  email: string;
  /** The resident asked for email updates: the receipt carries the link that confirms them. */
  updates: boolean;
  queued: boolean;
}

/**
 * Everything a page of the report form shows and may do. The element makes one, whose getters
 * read its state as it is now, so pages (and code that awaits) never hold the element itself.
 */
export interface ReportView {
  readonly locale: string;
  readonly page: PageId | EndPage;
  readonly answers: Answers;
  readonly services: readonly Service[];
  /** The chosen category. */
  readonly service: Service | undefined;
  /** The chosen category's questions (its service definition). */
  readonly questions: readonly ServiceAttribute[];
  /** The pages of the flow as the answers stand now. */
  readonly pages: readonly PageId[];
  /** Open reports of the same category near the place. */
  readonly nearby: readonly ServiceRequest[];
  readonly settings: ReportSettings;
  readonly errors: readonly FieldError[];
  /** The category search box's text. */
  readonly search: string;
  readonly busy: boolean;
  /** Sent to a token-only server: waiting for its reference. */
  readonly confirming: boolean;
  readonly privacyUrl: string;
  /** Which contact details must be given: any of `name email phone`. */
  readonly contactRequired: string;
  readonly confirmation: Confirmation | undefined;
  /** Reports waiting in the outbox. */
  readonly waiting: number;
  /** Photo uploads (made with the pages chunk). */
  readonly photos: PhotoUploads | undefined;
  /** The asset question's answer came from the map (so "I can't find it" may clear it). */
  mapFilledAsset: boolean;
  /** Back, the error summary and "Page n of m" for this page (core's question-page shell). */
  readonly frame: Omit<QuestionPageView, 'body'>;

  set(patch: Partial<Answers>): void;
  answer(code: string, value: string | string[]): void;
  setSearch(text: string): void;
  setErrors(errors: FieldError[]): void;
  /** Validates the page's fields and shows the error summary. */
  check(): boolean;
  /** Continue: check (with `extra` problems), do what the page needs, show the next page. */
  next(extra?: FieldError[]): Promise<void>;
  go(page: PageId | EndPage): void;
  /** A "Change" link on the check page. */
  change(page: PageId): void;
  submit(): Promise<void>;
  /** "Try sending it now" on the waiting page. */
  retry(): void;
  startAgain(): void;
  /** Reports a failure to the page (the resident sees their own message). */
  fail(operation: string, cause: unknown): void;
  /** Follow an existing report by email (the subscriptions extension; UnsupportedError without it). */
  follow(serviceRequestId: string, email: string): Promise<void>;
  uploadMedia(file: File, options: { idempotencyKey: string; onProgress: (fraction: number) => void }): Promise<{ mediaUrl: string }>;
  /** Re-renders after a change the view does not see (an upload's progress). */
  requestUpdate(): void;
  find<E extends HTMLElement = HTMLElement>(selector: string): E | null;
  /** A target for page-level errors: the page heading. */
  headingTarget(): HTMLElement;
  /** Resolves once the page shows the latest state. */
  updated(): Promise<unknown>;
}
