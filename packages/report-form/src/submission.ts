import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { OutboxStore, type Open311Client, type OutboxEntry } from '@civic-widgets/core';
import { stopFor, type Answers, type FlowState, type PageId } from './flow.js';
import { ReportOutbox, OUTBOX_QUEUE, type Queued, type Sent } from './outbox.js';
import { CivicSubmitEvent } from './events/submit.js';
import type { FlowChunks } from './chunks.js';
import type { EndPage, ReportView } from './pages/view.js';

/** What sending needs from the form: the report as it stands, and the form's moves. */
export interface SubmissionOptions {
  client(): Open311Client;
  /** '' while the element has no endpoint: the outbox is left alone. */
  endpoint(): string;
  /** The pages chunk: it builds the request and words a refusal, which the first page never needs. */
  chunks: FlowChunks;
  /** The report now: its Idempotency-Key (also its draft's key) and the flow's state. */
  report(): { key: string; flow: FlowState };
  /** What the pages see (the refusal's words link to their fields through it). */
  view(): ReportView;
  /** Dispatches one of the form's events; false when a listener cancelled it. */
  emit(event: Event): boolean;
  setBusy(busy: boolean): void;
  /** Writes the draft now (the page may be closed while the report waits). */
  flushDraft(): void;
  /** The server took a report: show its confirmation. */
  onSent(sent: Sent): void;
  /** A refused report from an earlier visit: its answers (and their questions) come back. */
  restore(answers: Answers): Promise<void>;
  /** Nothing was stored: the corrected report is a new submission with a new Idempotency-Key. */
  renewKey(): void;
  /** Shows `page`; `focus: false` leaves focus alone (the error summary takes it). */
  go(page: PageId | EndPage, focus?: boolean): void;
  /** The form shows pages (its categories and draft are in). */
  ready(): boolean;
  /** Settles once the form's first page is drawn: an earlier visit's report is sent then (issue #18). */
  drawn(): Promise<unknown>;
}

/**
 * Sending a report and what comes back, so the element stays the flow: "Send report", the outbox
 * that keeps a report on the device until the server has it (outbox.ts), and a refusal taken
 * back to "Check your answers" in plain words. A refusal of a report saved on an earlier visit
 * can come before the form shows anything: it waits for `showRefusal()` once the form is ready.
 */
export class ReportSubmission {
  readonly #o: SubmissionOptions;
  readonly #outbox: ReportOutbox;
  #refused?: { entry: OutboxEntry<Queued>; error: unknown };
  /** Fetching the pages chunk for a report sent before it came. */
  #fetching = false;
  #acted = false;

  constructor(host: ReactiveControllerHost, o: SubmissionOptions) {
    this.#o = o;
    this.#outbox = new ReportOutbox(host, {
      client: o.client,
      endpoint: o.endpoint,
      onSent: o.onSent,
      drawn: o.drawn,
      onRejected: (entry, error) => {
        o.view().fail('submit', error);
        this.#refused = { entry, error };
        if (o.ready()) void this.showRefusal();
      },
    });
  }

  /**
   * The resident pressed "Send report" or "Try sending it now" on this visit. If not, a
   * confirmation is of a report an earlier visit saved, sent once the form had loaded.
   */
  get acted(): boolean {
    return this.#acted;
  }

  /** Sent to a token-only server: waiting for its reference. */
  get confirming(): boolean {
    return this.#outbox.confirming;
  }

  /** Reports waiting in the outbox. */
  get waiting(): number {
    return this.#outbox.outbox.pending.length;
  }

  /** "Try sending it now" on the waiting page. */
  retry(): void {
    this.#acted = true;
    void this.#outbox.outbox.flush(true);
  }

  /**
   * Whether the report with `key` still waits in the outbox. "Waiting" in a draft with nothing
   * waiting: another tab sent it (or it was refused) and this tab never heard.
   */
  async waits(key: string): Promise<boolean> {
    return !!(await new OutboxStore<Queued>(OUTBOX_QUEUE).get(key));
  }

  /** "Send report" (on "Check your answers", drawn by the pages chunk, which builds the request). */
  async submit(): Promise<void> {
    const { chunks } = this.#o;
    const v = this.#o.view();
    // Never twice: a token-only server ignores Idempotency-Key, so a second POST is a second report.
    if (v.busy || this.confirming || this.#fetching) return;
    this.#acted = true;
    if (!chunks.pages) {
      // Sent before the pages chunk is in (a script or story sending straight away): fetch it first.
      this.#fetching = true;
      const loaded = await chunks.load('pages').finally(() => (this.#fetching = false));
      return loaded ? this.submit() : undefined;
    }
    const { key, flow } = this.#o.report();
    // Never send a report one of whose answers says to call instead (e.g. restored from a draft).
    if (stopFor(flow.attributes, flow.answers.attributes)) return this.#o.go('stopped');
    const request = chunks.pages.toRequest(flow, msg('More photos:', { id: 'report.morePhotos' }));
    if (!this.#o.emit(new CivicSubmitEvent({ request, idempotencyKey: key }))) return;
    this.#o.setBusy(true);
    this.#o.flushDraft();
    try {
      const result = await this.#outbox.outbox.submit(key, { request, draftKey: key, answers: flow.answers });
      if (result.status === 'queued') {
        v.fail('submit', result.error);
        this.#o.go('queued');
      }
    } catch (error) {
      // The outbox itself failed (storage refused): say so, keep the answers.
      v.fail('submit', error);
      v.setErrors([{ message: msg('Your report could not be sent. Try again.', { id: 'report.error.send' }), target: v.headingTarget() }]);
    } finally {
      this.#o.setBusy(false);
    }
  }

  /**
   * A refusal is final: take the resident back to their answers with the server's reason. A
   * report refused while waiting from an earlier visit brings its own answers back.
   */
  async showRefusal(): Promise<void> {
    const refused = this.#refused;
    this.#refused = undefined;
    if (!refused) return;
    const { entry, error } = refused;
    const o = this.#o;
    if (entry.payload.draftKey !== o.report().key) {
      if (!entry.payload.answers) return;
      await o.restore(entry.payload.answers);
    }
    o.renewKey();
    o.go('check', false);
    // "Check your answers" and the refusal's words come with the pages chunk (already here
    // unless the refusal is of a report from an earlier visit).
    const pages = (await o.chunks.load('pages')) && o.chunks.pages;
    const v = o.view();
    await v.updated();
    // In plain words, each linking to the field it names (the questions are loaded by now).
    if (pages) v.setErrors(pages.refusalErrors(v, pages.refusalsFor(v, error)));
  }
}
