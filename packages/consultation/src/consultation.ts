import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import {
  CivicElement,
  CivicErrorEvent,
  ConsultationClient,
  ConsultationError,
  DraftController,
  baseStyles,
  buttonStyles,
  createIdempotencyKey,
  formatDate,
  formatDateTime,
  panelStyles,
  type ConsultationResults,
  type FieldError,
  type LocationAnswer,
} from '@civic-widgets/core';
import {
  formatResumeCode,
  isAnswered,
  looksLikeResumeCode,
  normaliseResumeCode,
  tr,
  visibility,
  type Answers,
  type Consultation,
  type Page,
  type Visibility,
} from './model.js';
import { paragraphs, safeUrl } from './text.js';
import { CivicConsultationPageChangeEvent } from './events/page-change.js';
import { CivicConsultationSubmittedEvent } from './events/submitted.js';
import { styles } from './consultation.styles.js';
import './i18n.js';

/** The picker's value (which also carries the area) as the API's location answer. */
function toLocationAnswer(value: unknown): LocationAnswer | undefined {
  const v = value as { lat?: unknown; lng?: unknown; address?: unknown } | null;
  if (!v || typeof v.lat !== 'number' || typeof v.lng !== 'number') return undefined;
  return { lat: v.lat, lng: v.lng, ...(typeof v.address === 'string' && v.address ? { address: v.address } : {}) };
}

const textFields = new Set(['civic-text-input', 'civic-textarea', 'civic-date-input']);

/** Where the resident is. */
export type Step =
  | { kind: 'overview' }
  | { kind: 'page'; id: string }
  | { kind: 'check' }
  | { kind: 'saved'; from: string }
  | { kind: 'done' };

/** What is kept in the browser between reloads (sessionStorage, through core's DraftController). */
interface Snapshot {
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

type Load = 'idle' | 'config' | 'loading' | 'error' | 'ready';
type Busy = '' | 'submit' | 'save' | 'resume' | 'email';
type FieldLike = HTMLElement & { reportValidity(): boolean; validationMessage: string; updateComplete?: Promise<unknown> };

/**
 * @summary A consultation residents can understand and answer — overview, one page of questions
 * at a time, save and return, check answers, submit — and, once it has closed and the council
 * has published them, the results: "we asked, you said, we did".
 * @tag civic-consultation
 *
 * @slot fallback - Shown when the consultation cannot be loaded or the element is misconfigured,
 *   e.g. a phone number and a link to a paper form. Also the no-JavaScript content.
 *
 * @event civic-consultation-page-change - The resident moved to another page (detail: `page`,
 *   `pageNumber`, `pageCount`).
 * @event civic-consultation-submitted - The response was stored (detail: `reference`).
 * @event civic-error - Something failed that the resident was told about (detail: `operation`).
 *
 * @csspart panel - The green confirmation panel.
 * @csspart progress - "Page 2 of 4".
 * @csspart resume-code - The resume code on the "saved" page.
 * @csspart chart - Each results bar chart.
 * @csspart decision - The decision box on the results page.
 *
 * @cssprop --civic-color-panel-text - Text colour of the confirmation panel.
 * @cssprop --civic-consultation-bar-color - Colour of the results bars (default: the brand colour).
 */
export class CivicConsultation extends CivicElement {
  static override styles = [baseStyles, buttonStyles, panelStyles, styles];

  /** The consultation's id, e.g. `town-centre-2026`. */
  @property() consultation = '';
  /**
   * The definition, when the page already has it (no fetch). Responses and drafts still go to
   * `endpoint`.
   */
  @property({ attribute: false }) definition?: Consultation;
  /** Published results to show, when the page already has them (no fetch). */
  @property({ attribute: false }) results?: ConsultationResults;
  /** "Pin a place" questions: the location picker's address search, e.g. `https://council.example/api/addresses`. */
  @property({ attribute: 'geocoder-url' }) geocoderUrl = '';
  /** "Pin a place" questions: the map's MapLibre style URL. Without it, address search is the whole route. */
  @property({ attribute: 'map-style' }) mapStyle = '';
  /** "Pin a place" questions: the council's boundary GeoJSON, so places outside are refused early. */
  @property({ attribute: 'boundary-src' }) boundarySrc = '';

  @state() private load: Load = 'idle';
  @state() private loadError: 'not-found' | 'network' = 'network';
  @state() private def?: Consultation;
  @state() private published?: ConsultationResults;
  @state() private step: Step = { kind: 'overview' };
  @state() private answers: Answers = {};
  @state() private returnToCheck = false;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private summaryErrors: FieldError[] = [];
  @state() private busy: Busy = '';
  @state() private actionError = '';
  @state() private resumeCode = '';
  @state() private expiresAt = '';
  @state() private resumeError = '';
  @state() private emailError = '';
  @state() private emailedTo = '';
  @state() private reference = '';
  @state() private picker: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';

  /** The question pages and check answers (flow.ts), loaded when the resident starts. */
  @state() private flow?: typeof import('./flow.js');
  /** The results view (results.ts), loaded for published results only. */
  @state() private resultsView?: typeof import('./results.js');
  @state() private lazyFailed = false;

  private key = '';
  private loadCount = 0;
  private loadingLazy = false;
  private focusHeading = false;
  private abort?: AbortController;

  private readonly draft = new DraftController<Snapshot>(this, {
    key: () => (this.def ? `consultation:${this.endpoint}:${this.def.id}` : ''),
    snapshot: () =>
      this.def && this.load === 'ready' && (this.key || this.reference)
        ? {
            answers: this.answers,
            step: this.step,
            key: this.key,
            returnToCheck: this.returnToCheck,
            resumeCode: this.resumeCode || undefined,
            expiresAt: this.expiresAt || undefined,
            reference: this.reference || undefined,
          }
        : undefined,
  });

  private get client(): ConsultationClient | undefined {
    return this.endpoint ? new ConsultationClient({ endpoint: this.endpoint }) : undefined;
  }

  private get language(): 'en' | 'cy' {
    return this.locale;
  }

  /** The consultation's id: the attribute, else the given definition's. */
  private get consultationId(): string {
    return this.consultation || this.definition?.id || '';
  }

  // ---------------------------------------------------------------- loading

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('endpoint') || changed.has('consultation') || changed.has('definition') || changed.has('results')) {
      void this.loadConsultation();
    }
    // After loading, which may finish synchronously when the definition was given.
    this.loadViews();
  }

  /** Starts fetching the module the current view needs: the question pages, results, or the picker. */
  private loadViews(): void {
    if (this.load !== 'ready') return;
    const kind = this.step.kind;
    if (!this.loadingLazy && !this.lazyFailed) {
      if (this.published && !this.resultsView) void this.loadLazy(() => import('./results.js'), (m) => (this.resultsView = m));
      else if (!this.published && (kind === 'page' || kind === 'check') && !this.flow)
        void this.loadLazy(() => import('./flow.js'), (m) => (this.flow = m));
    }
    if (this.picker === 'idle' && this.currentPage()?.questions.some((q) => q.type === 'location')) void this.loadPicker();
  }

  private async loadConsultation(): Promise<void> {
    const count = ++this.loadCount;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    if (!this.consultationId || (!this.endpoint && !this.definition)) {
      this.configError(this.consultationId ? '"endpoint" is required' : '"consultation" (the consultation\'s id) is required');
      this.load = 'config';
      return;
    }
    this.load = 'loading';
    try {
      const client = this.client;
      const def = this.definition ?? (await client!.get(this.consultationId, { signal: abort.signal }));
      let published = this.results;
      if (!published && def.status === 'results_published' && client) {
        // Published but unreadable (404): the overview with "closed" is still worth showing.
        published = await client.results(def.id, { signal: abort.signal }).catch((error: unknown) => {
          if (error instanceof ConsultationError && error.kind === 'not-found') return undefined;
          throw error;
        });
      }
      if (count !== this.loadCount) return;
      this.def = def;
      this.published = def.status === 'results_published' ? published : undefined;
      this.restore();
      this.load = 'ready';
      if (def.status === 'open') await this.resumeFromUrl();
    } catch (error) {
      if (count !== this.loadCount || abort.signal.aborted) return;
      this.loadError = error instanceof ConsultationError && error.kind === 'not-found' ? 'not-found' : 'network';
      this.load = 'error';
      this.emit(new CivicErrorEvent({ operation: 'load-consultation', message: String(error), cause: error }));
    }
  }

  private restore(): void {
    const saved = this.draft.load();
    this.answers = saved?.answers ?? {};
    this.key = saved?.key ?? '';
    this.returnToCheck = saved?.returnToCheck ?? false;
    this.resumeCode = saved?.resumeCode ?? '';
    this.expiresAt = saved?.expiresAt ?? '';
    this.reference = saved?.reference ?? '';
    this.step = this.reference ? { kind: 'done' } : this.validStep(saved?.step);
  }

  /** A saved step that still makes sense with these answers, else the overview. */
  private validStep(step: Step | undefined): Step {
    if (!step || !this.def || this.def.status !== 'open') return { kind: 'overview' };
    if (step.kind === 'page' || step.kind === 'saved') {
      const id = step.kind === 'page' ? step.id : step.from;
      return this.visible.pages.some((p) => p.id === id) ? step : { kind: 'overview' };
    }
    return step.kind === 'done' ? { kind: 'overview' } : step;
  }

  /** `?resume=CODE` in the page's address: the link in the resume email. */
  private async resumeFromUrl(): Promise<void> {
    const code = new URL(window.location.href).searchParams.get('resume');
    if (!code || this.reference) return;
    // The link was already used in this tab: the answers here are newer than the saved ones.
    if (this.resumeCode && normaliseResumeCode(code) === this.resumeCode) return;
    await this.resume(code, false);
  }

  /** Fetches a view's module (a chunk of its own in the CDN build). */
  private async loadLazy<M>(load: () => Promise<M>, done: (module: M) => void): Promise<void> {
    this.loadingLazy = true;
    try {
      done(await load());
    } catch (error) {
      this.lazyFailed = true;
      this.emit(new CivicErrorEvent({ operation: 'load-view', message: String(error), cause: error }));
    } finally {
      this.loadingLazy = false;
    }
  }

  private async loadPicker(): Promise<void> {
    this.picker = 'loading';
    try {
      // Only pages with a "pin a place" question pay for the picker (and its map, which it loads lazily itself).
      await import('@civic-widgets/location-picker/define');
      this.picker = customElements.get('civic-location-picker') ? 'ready' : 'failed';
    } catch (error) {
      this.picker = 'failed';
      this.emit(new CivicErrorEvent({ operation: 'load-location-picker', message: String(error), cause: error }));
    }
  }

  // ---------------------------------------------------------------- derived

  private get visible(): Visibility {
    return visibility(this.def ?? { pages: [] }, this.answers);
  }

  private currentPage(vis = this.visible): Page | undefined {
    const step = this.step;
    return step.kind === 'page' ? vis.pages.find((p) => p.id === step.id) : undefined;
  }

  /** The first shown page with a required question still unanswered. */
  private firstIncompletePage(vis: Visibility): Page | undefined {
    return vis.pages.find((page) =>
      page.questions.some((q) => q.required && !isAnswered(vis.answers[q.id])),
    );
  }

  // ---------------------------------------------------------------- navigation

  private go(step: Step): void {
    this.step = step;
    this.summaryErrors = [];
    this.actionError = '';
    this.focusHeading = true;
    const vis = this.visible;
    const index = step.kind === 'page' ? vis.pages.findIndex((p) => p.id === step.id) : -1;
    const page =
      step.kind === 'page' ? step.id : step.kind === 'done' ? 'confirmation' : step.kind;
    this.emit(
      new CivicConsultationPageChangeEvent(
        index >= 0 ? { page, pageNumber: index + 1, pageCount: vis.pages.length } : { page },
      ),
    );
  }

  private startNow(): void {
    if (!this.key) this.key = createIdempotencyKey();
    const first = this.visible.pages[0];
    this.go(first ? { kind: 'page', id: first.id } : { kind: 'check' });
  }

  private back(): void {
    const step = this.step;
    const vis = this.visible;
    if (step.kind === 'check') {
      const last = vis.pages.at(-1);
      this.go(last ? { kind: 'page', id: last.id } : { kind: 'overview' });
      return;
    }
    if (step.kind !== 'page') return;
    if (this.returnToCheck) {
      this.go({ kind: 'check' });
      return;
    }
    const index = vis.pages.findIndex((p) => p.id === step.id);
    const previous = vis.pages[index - 1];
    this.go(previous ? { kind: 'page', id: previous.id } : { kind: 'overview' });
  }

  private change(pageId: string): void {
    this.returnToCheck = true;
    this.go({ kind: 'page', id: pageId });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The heading may arrive a little later, with the page's module.
    const h1 = this.focusHeading && this.renderRoot.querySelector<HTMLElement>('h1');
    if (h1) {
      this.focusHeading = false;
      h1.focus();
    }
  }

  /**
   * Enter in a text box submits its form, as with native inputs: a form-associated element's
   * input sits in a shadow root, where the browser's implicit submission does not reach.
   */
  private onEnter(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const inner = event.composedPath()[0];
    // core's text input submits on Enter itself and says so with preventDefault().
    if (event.key !== 'Enter' || event.defaultPrevented || !(inner instanceof HTMLInputElement)) return;
    if (target.localName !== 'civic-text-input' && target.localName !== 'civic-date-input') return;
    event.preventDefault();
    (event.currentTarget as HTMLFormElement).requestSubmit();
  }

  // ---------------------------------------------------------------- answers

  private onField(event: Event): void {
    const field = event.target as HTMLElement & { value?: unknown; order?: string[] };
    const id = field.dataset?.q;
    if (!id) return;
    // A choice field updates its value on 'change', after the inner input's 'input': reading it
    // on 'input' would render the old value back over the resident's click.
    if (event.type === 'input' && !textFields.has(field.localName)) return;
    const part = field.dataset.part;
    const answers = { ...this.answers };
    const errors = { ...this.fieldErrors };
    if (part === 'other') {
      answers[`${id}.other`] = String(field.value ?? '');
      delete errors[`${id}.other`];
    } else if (field.localName === 'civic-location-picker') {
      answers[id] = toLocationAnswer(field.value);
      delete errors[id];
    } else if (part === 'address') {
      const address = String(field.value ?? '');
      const previous = answers[id] as LocationAnswer | undefined;
      answers[id] = address.trim() ? ({ ...previous, address } as LocationAnswer) : undefined;
      delete errors[id];
    } else {
      answers[id] = field.value as Answers[string];
      delete errors[id];
    }
    this.answers = answers;
    this.fieldErrors = errors;
  }

  private onLocation(event: Event): void {
    const field = event.target as HTMLElement;
    const id = field.dataset?.q;
    if (!id) return;
    this.answers = { ...this.answers, [id]: toLocationAnswer((event as CustomEvent).detail) };
    const errors = { ...this.fieldErrors };
    delete errors[id];
    this.fieldErrors = errors;
  }

  /** Checks the fields on the page; shows the error summary. True when the page may be left. */
  private async checkPage(page: Page): Promise<boolean> {
    // A ranking the resident saw and left as it was is their answer (docs: every option, in order).
    const answers = { ...this.answers };
    for (const q of page.questions) {
      if (q.type !== 'ranking' || isAnswered(answers[q.id])) continue;
      const field = this.renderRoot.querySelector<HTMLElement & { order: string[] }>(`[data-q="${q.id}"]`);
      if (field) answers[q.id] = field.order;
    }
    this.answers = answers;
    const custom: Record<string, string> = {};
    for (const q of page.questions) {
      const message = this.flow!.customError(q, answers);
      if (message) custom[q.id] = message;
    }
    this.fieldErrors = { ...this.fieldErrors, ...custom };
    await this.updateComplete;
    const fields = [...this.renderRoot.querySelectorAll<FieldLike>('form.questions [data-q]')];
    await Promise.all(fields.map((f) => f.updateComplete));
    this.summaryErrors = this.flow!.validateFields(fields);
    return this.summaryErrors.length === 0;
  }

  private async onContinue(event: Event): Promise<void> {
    event.preventDefault();
    const page = this.currentPage();
    if (!page || !(await this.checkPage(page))) return;
    const vis = this.visible;
    if (this.returnToCheck) {
      // A changed answer may have revealed a page with questions still to answer.
      const incomplete = this.firstIncompletePage(vis);
      this.go(incomplete && incomplete.id !== page.id ? { kind: 'page', id: incomplete.id } : { kind: 'check' });
      return;
    }
    const next = vis.pages[vis.pages.findIndex((p) => p.id === page.id) + 1];
    this.go(next ? { kind: 'page', id: next.id } : { kind: 'check' });
  }

  // ---------------------------------------------------------------- save and return

  private returnUrl(): string {
    const url = new URL(window.location.href);
    url.searchParams.delete('resume');
    url.hash = '';
    return url.href;
  }

  private async save(email?: string): Promise<void> {
    const client = this.client;
    const step = this.step;
    const from = step.kind === 'page' ? step.id : step.kind === 'saved' ? step.from : '';
    if (!client || !this.def || this.busy) return;
    this.busy = email ? 'email' : 'save';
    this.actionError = '';
    this.emailError = '';
    const body = {
      answers: this.answers,
      page: from || undefined,
      lang: this.language,
      returnUrl: this.returnUrl(),
      ...(email ? { email } : {}),
    };
    try {
      let saved;
      try {
        saved = this.resumeCode
          ? await client.updateDraft(this.def.id, this.resumeCode, body)
          : await client.saveDraft(this.def.id, body);
      } catch (error) {
        // The saved copy expired: save a new one.
        if (!(error instanceof ConsultationError && error.errors.some((e) => e.code === 'draft_not_found'))) throw error;
        saved = await client.saveDraft(this.def.id, body);
      }
      this.resumeCode = normaliseResumeCode(saved.resumeCode);
      this.expiresAt = saved.expiresAt;
      if (email) this.emailedTo = saved.emailed ? email : '';
      if (!email) {
        this.emailedTo = '';
        this.go({ kind: 'saved', from });
      }
    } catch (error) {
      const invalidEmail = error instanceof ConsultationError && error.errors.some((e) => e.code === 'invalid_email');
      if (invalidEmail) {
        this.emailError = msg('Enter an email address in the correct format, like name@example.com', { id: 'save.invalidEmail' });
      } else {
        this.actionError = this.problemText(error, 'save');
      }
      this.emit(new CivicErrorEvent({ operation: email ? 'email-resume-code' : 'save-draft', message: String(error), cause: error }));
    } finally {
      this.busy = '';
    }
  }

  private async onEmail(event: Event): Promise<void> {
    event.preventDefault();
    const field = this.renderRoot.querySelector<FieldLike & { value: string }>('[data-email]');
    if (!field) return;
    await field.updateComplete;
    if (!field.reportValidity()) return;
    await this.save(field.value.trim());
  }

  private async onResume(event: Event): Promise<void> {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLElement & { value: string }>('[data-resume]');
    await this.resume(field?.value ?? '', true);
  }

  private async resume(code: string, typed: boolean): Promise<void> {
    const client = this.client;
    if (!client || !this.def || this.busy) return;
    this.resumeError = '';
    if (!looksLikeResumeCode(code)) {
      this.resumeError = code.trim()
        ? msg('Enter the resume code exactly as it was given to you, like K7M3 QX9P', { id: 'resume.format' })
        : msg('Enter your resume code', { id: 'resume.required' });
      return;
    }
    this.busy = 'resume';
    try {
      const saved = await client.getDraft(this.def.id, normaliseResumeCode(code));
      this.answers = { ...saved.answers };
      this.resumeCode = normaliseResumeCode(saved.resumeCode || code);
      this.expiresAt = saved.expiresAt;
      if (!this.key) this.key = createIdempotencyKey();
      this.returnToCheck = false;
      const vis = this.visible;
      const page = vis.pages.find((p) => p.id === saved.page) ?? vis.pages[0];
      this.go(page ? { kind: 'page', id: page.id } : { kind: 'check' });
    } catch (error) {
      const codes = error instanceof ConsultationError ? error.errors.map((e) => e.code) : [];
      this.resumeError = codes.includes('draft_not_found')
        ? msg('We could not find saved answers with that code. Check the code, or start again. Saved answers are kept for 30 days.', {
            id: 'resume.notFound',
          })
        : codes.includes('consultation_closed')
          ? msg('This consultation has closed, so saved answers can no longer be sent.', { id: 'resume.closed' })
          : this.problemText(error, 'resume');
      this.emit(new CivicErrorEvent({ operation: 'resume-draft', message: String(error), cause: error }));
      if (typed) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[data-resume]')?.focus();
      }
    } finally {
      this.busy = '';
    }
  }

  // ---------------------------------------------------------------- submit

  private async submit(): Promise<void> {
    const client = this.client;
    if (!client || !this.def || this.busy) return;
    const vis = this.visible;
    const incomplete = this.firstIncompletePage(vis);
    if (incomplete) {
      this.returnToCheck = true;
      this.go({ kind: 'page', id: incomplete.id });
      await this.updateComplete;
      await this.checkPage(incomplete);
      return;
    }
    if (!this.key) this.key = createIdempotencyKey();
    this.busy = 'submit';
    this.actionError = '';
    try {
      const response = await client.submit(
        this.def.id,
        { answers: vis.answers, lang: this.language, ...(this.resumeCode ? { resumeCode: this.resumeCode } : {}) },
        { idempotencyKey: this.key },
      );
      this.reference = response.reference;
      this.resumeCode = '';
      this.go({ kind: 'done' });
      this.emit(new CivicConsultationSubmittedEvent({ consultation: this.def.id, reference: response.reference }));
    } catch (error) {
      this.emit(new CivicErrorEvent({ operation: 'submit', message: String(error), cause: error }));
      const perQuestion = error instanceof ConsultationError ? error.errors.filter((e) => e.question) : [];
      if (perQuestion.length) {
        await this.showServerErrors(perQuestion);
      } else {
        this.actionError = this.problemText(error, 'submit');
      }
    } finally {
      this.busy = '';
    }
  }

  /** The server refused some answers: take the resident to the first page with a problem. */
  private async showServerErrors(items: { code: string; question?: string }[]): Promise<void> {
    const vis = this.visible;
    const errors: Record<string, string> = {};
    for (const item of items) {
      const question = vis.questions.get(item.question!);
      if (!question) continue;
      const key = item.code === 'other_required' ? `${question.id}.other` : question.id;
      errors[key] = this.flow!.serverErrorMessage(item.code, question, this.language);
    }
    const page = vis.pages.find((p) => p.questions.some((q) => errors[q.id] || errors[`${q.id}.other`]));
    if (!page) {
      this.actionError = msg('Some answers could not be accepted. Check your answers and try again.', { id: 'submit.invalid' });
      return;
    }
    this.fieldErrors = errors;
    this.returnToCheck = true;
    this.go({ kind: 'page', id: page.id });
    await this.updateComplete;
    const fields = [...this.renderRoot.querySelectorAll<FieldLike>('form.questions [data-q]')];
    await Promise.all(fields.map((f) => f.updateComplete));
    this.summaryErrors = this.flow!.validateFields(fields);
  }

  private problemText(error: unknown, operation: 'submit' | 'save' | 'resume'): string {
    const codes = error instanceof ConsultationError ? error.errors.map((e) => e.code) : [];
    if (codes.includes('consultation_closed')) {
      return msg('This consultation has closed, so we cannot accept responses any more.', { id: 'problem.closed' });
    }
    if (codes.includes('consultation_not_open')) {
      return msg('This consultation has not opened yet.', { id: 'problem.notOpen' });
    }
    if (codes.includes('idempotency_key_reused')) {
      return msg('We already received a response from this page with different answers. If you want to change your response, contact us.', {
        id: 'problem.keyReused',
      });
    }
    if (error instanceof ConsultationError && error.kind === 'rate-limited') {
      return msg('Too many responses have been sent from your connection. Wait a few minutes, then try again.', { id: 'problem.rateLimited' });
    }
    if (operation === 'submit') {
      return msg('Your response has not been sent. Check your internet connection, then try again. Your answers are still here.', {
        id: 'problem.submit',
      });
    }
    if (operation === 'save') {
      return msg('Your answers could not be saved. Check your internet connection, then try again.', { id: 'problem.save' });
    }
    return msg('We could not check your code. Check your internet connection, then try again.', { id: 'problem.resume' });
  }

  // ---------------------------------------------------------------- render

  override render(): unknown {
    switch (this.load) {
      case 'idle':
      case 'loading':
        return this.renderLoading();
      case 'config':
        return html`<slot name="fallback"></slot>`;
      case 'error':
        return this.renderLoadError();
    }
    const def = this.def!;
    const step = this.step;
    const lazy = this.published ? this.resultsView : step.kind === 'page' || step.kind === 'check' ? this.flow : true;
    if (!lazy) return this.lazyFailed ? this.renderLoadError() : this.renderLoading();
    if (this.published) return this.resultsView!.renderResults(this.published, this.language);
    return keyed(
      step.kind === 'page' ? `page:${step.id}` : step.kind,
      step.kind === 'page'
        ? this.renderPage()
        : step.kind === 'check'
          ? this.renderCheck()
          : step.kind === 'saved'
            ? this.renderSaved()
            : step.kind === 'done'
              ? this.renderDone()
              : this.renderOverview(def),
    );
  }

  private renderLoading() {
    return html`<p class="body" role="status">${msg('Loading the consultation…', { id: 'load.loading' })}</p>`;
  }

  private renderLoadError() {
    return html`<div class="notice" role="alert">
        <h2 class="heading-l">
          ${this.loadError === 'not-found'
            ? msg('We could not find this consultation', { id: 'load.notFoundTitle' })
            : msg('Sorry, the consultation could not be loaded', { id: 'load.errorTitle' })}
        </h2>
        <p class="body">
          ${this.loadError === 'not-found'
            ? msg('It may have been removed. Contact the council to find out how to respond.', { id: 'load.notFound' })
            : msg('Check your internet connection, then try again.', { id: 'load.error' })}
        </p>
        ${this.loadError === 'network'
          ? html`<button type="button" class="button button--secondary" @click=${this.retry}>
              ${msg('Try again', { id: 'load.retry' })}
            </button>`
          : nothing}
      </div>
      <slot name="fallback"></slot>`;
  }

  private retry(): void {
    this.lazyFailed = false;
    if (this.load === 'error') void this.loadConsultation();
  }

  private renderBack() {
    return html`<button type="button" class="link-button back-link" @click=${this.back}>${msg('Back', { id: 'nav.back' })}</button>`;
  }

  private renderOverview(def: Consultation): TemplateResult {
    const lang = this.language;
    const o = def.overview;
    const closes = formatDateTime(def.closes);
    const opens = formatDateTime(def.opens);
    const minutes = o.estimatedMinutes;
    const open = def.status === 'open';
    const started = isAnswered(Object.values(this.answers).find(isAnswered));
    return html`<article class="overview">
      <h1 class="heading-xl" tabindex="-1">${tr(def.title, lang)}</h1>
      ${paragraphs(tr(def.summary, lang), 'lead')}
      <dl class="facts">
        <div>
          <dt>${open || def.status === 'upcoming' ? msg('Closes', { id: 'overview.closes' }) : msg('Closed', { id: 'overview.closed' })}</dt>
          <dd>${closes}</dd>
        </div>
        ${def.status === 'upcoming'
          ? html`<div>
              <dt>${msg('Opens', { id: 'overview.opens' })}</dt>
              <dd>${opens}</dd>
            </div>`
          : nothing}
        ${minutes
          ? html`<div>
              <dt>${msg('Time to answer', { id: 'overview.time' })}</dt>
              <dd>${msg(str`About ${minutes} minutes`, { id: 'overview.minutes' })}</dd>
            </div>`
          : nothing}
      </dl>
      ${def.status === 'closed' || def.status === 'results_published'
        ? html`<div class="notice">
            <p class="body">
              ${msg(str`This consultation closed on ${closes}. We are considering the responses and will publish what people told us and what we decided.`, {
                id: 'overview.closedNotice',
              })}
            </p>
          </div>`
        : def.status === 'upcoming'
          ? html`<div class="notice">
              <p class="body">${msg(str`This consultation opens on ${opens}.`, { id: 'overview.upcomingNotice' })}</p>
            </div>`
          : nothing}
      <h2 class="heading-l">${msg('What we propose', { id: 'overview.proposal' })}</h2>
      ${paragraphs(tr(o.proposal, lang))}
      <h2 class="heading-l">${msg('Why', { id: 'overview.reasons' })}</h2>
      ${paragraphs(tr(o.reasons, lang))}
      <h2 class="heading-l">${msg('Who can answer', { id: 'overview.audience' })}</h2>
      ${paragraphs(tr(o.audience, lang))}
      ${o.documents?.length
        ? html`<h2 class="heading-l">${msg('Read more', { id: 'overview.documents' })}</h2>
            <ul class="list">
              ${o.documents.map((d) => (safeUrl(d.href) ? html`<li><a href=${safeUrl(d.href)!}>${tr(d.label, lang)}</a></li>` : nothing))}
            </ul>`
        : nothing}
      ${open
        ? html`<h2 class="heading-l">${msg('How we use your answers', { id: 'overview.privacy' })}</h2>
            ${paragraphs(tr(o.privacy, lang))}
            ${safeUrl(o.privacyUrl)
              ? html`<p class="body"><a href=${safeUrl(o.privacyUrl)!}>${msg('Read the full privacy notice', { id: 'overview.privacyLink' })}</a></p>`
              : nothing}
            <button type="button" class="button button--start" @click=${this.startNow}>
              ${started ? msg('Continue', { id: 'overview.continue' }) : msg('Start now', { id: 'overview.start' })}
            </button>`
        : nothing}
      ${this.renderOtherWays(def)} ${open ? this.renderResumeForm() : nothing}
    </article>`;
  }

  private renderOtherWays(def: Consultation) {
    const ways = def.overview.otherWays ?? [];
    if (!ways.length) return nothing;
    const lang = this.language;
    return html`<section class="other-ways" aria-labelledby="other-ways">
      <h2 class="heading-l" id="other-ways">${msg('Other ways to respond', { id: 'overview.otherWays' })}</h2>
      ${ways.map(
        (way) => html`<h3 class="heading-m">${tr(way.label, lang)}</h3>
          ${paragraphs(tr(way.detail, lang))}
          ${way.date ? html`<p class="body">${formatDateTime(way.date)}</p>` : nothing}
          ${safeUrl(way.href)
            ? html`<p class="body"><a href=${safeUrl(way.href)!}>${way.href!.replace(/^(tel|mailto):/, '')}</a></p>`
            : nothing}`,
      )}
    </section>`;
  }

  private renderResumeForm() {
    return html`<section class="resume" aria-labelledby="resume-heading">
      <h2 class="heading-l" id="resume-heading">${msg('Continue where you left off', { id: 'resume.heading' })}</h2>
      <p class="body">
        ${msg('If you saved your answers, enter the resume code you were given.', { id: 'resume.intro' })}
      </p>
      <form novalidate @submit=${this.onResume} @keydown=${this.onEnter}>
        <civic-text-input
          data-resume
          .label=${msg('Resume code', { id: 'resume.label' })}
          .hint=${msg('For example, K7M3 QX9P', { id: 'resume.hint' })}
          required
          autocomplete="off"
          .errorMessage=${this.resumeError}
          @input=${() => (this.resumeError = '')}
        ></civic-text-input>
        <button type="submit" class="button button--secondary" ?disabled=${this.busy === 'resume'}>
          ${msg('Continue with my saved answers', { id: 'resume.submit' })}
        </button>
      </form>
    </section>`;
  }

  private renderPage() {
    const vis = this.visible;
    const page = this.currentPage(vis);
    if (!page) return nothing;
    return this.flow!.renderPage({
      page,
      number: vis.pages.indexOf(page) + 1,
      count: vis.pages.length,
      lang: this.language,
      answers: this.answers,
      errors: this.fieldErrors,
      picker: this.picker === 'idle' ? 'loading' : this.picker,
      pickerConfig: { geocoderUrl: this.geocoderUrl, mapStyle: this.mapStyle, boundarySrc: this.boundarySrc },
      summaryErrors: this.summaryErrors,
      actionError: this.actionError,
      canSave: !!this.endpoint,
      saving: this.busy === 'save',
      back: this.renderBack(),
      onContinue: (e) => void this.onContinue(e),
      onField: (e) => this.onField(e),
      onLocation: (e) => this.onLocation(e),
      onEnter: (e) => this.onEnter(e),
      onSave: () => void this.save(),
    });
  }

  private renderCheck() {
    const vis = this.visible;
    return this.flow!.renderCheck({
      pages: vis.pages,
      answers: vis.answers,
      lang: this.language,
      actionError: this.actionError,
      sending: this.busy === 'submit',
      back: this.renderBack(),
      onChange: (id) => this.change(id),
      onSend: () => void this.submit(),
    });
  }

  private renderSaved() {
    const expires = this.expiresAt ? formatDate(this.expiresAt) : '';
    const step = this.step as { kind: 'saved'; from: string };
    return html`<div class="panel panel--neutral">
        <h1 class="heading-xl" tabindex="-1">${msg('Your answers have been saved', { id: 'saved.title' })}</h1>
        <p>${msg('Your resume code is', { id: 'saved.codeIs' })}</p>
        <p class="resume-code" part="resume-code">${formatResumeCode(this.resumeCode)}</p>
      </div>
      <p class="body">
        ${expires
          ? msg(str`Write the code down or email it to yourself. To carry on, come back to this page before ${expires} and enter the code under “Continue where you left off”.`, {
              id: 'saved.instructions',
            })
          : nothing}
      </p>
      <h2 class="heading-l">${msg('Email me the code', { id: 'saved.emailTitle' })}</h2>
      ${this.emailedTo
        ? html`<p class="body" role="status">${msg(str`We have sent the code and a link to ${this.emailedTo}.`, { id: 'saved.emailed' })}</p>`
        : nothing}
      <form novalidate @submit=${this.onEmail} @keydown=${this.onEnter}>
        <civic-text-input
          data-email
          type="email"
          autocomplete="email"
          required
          .label=${msg('Email address', { id: 'saved.emailLabel' })}
          .hint=${msg('We will send you the code and a link back to this page. We do not keep your email address.', { id: 'saved.emailHint' })}
          .requiredMessage=${msg('Enter your email address', { id: 'saved.emailRequired' })}
          .errorMessage=${this.emailError}
          @input=${() => (this.emailError = '')}
        ></civic-text-input>
        <button type="submit" class="button button--secondary" ?disabled=${this.busy === 'email'}>
          ${msg('Send me the code', { id: 'saved.emailSubmit' })}
        </button>
      </form>
      ${this.actionError ? html`<p class="error-text" role="alert">${this.actionError}</p>` : nothing}
      <p class="body">
        <button type="button" class="button" @click=${() => this.go(step.from ? { kind: 'page', id: step.from } : { kind: 'overview' })}>
          ${msg('Continue answering', { id: 'saved.continue' })}
        </button>
      </p>`;
  }

  private renderDone() {
    const closes = this.def ? formatDate(this.def.closes) : '';
    return html`<div class="panel" part="panel">
        <h1 class="heading-xl" tabindex="-1">${msg('Response sent', { id: 'done.title' })}</h1>
        <p class="panel-body">
          ${msg('Your reference is', { id: 'done.referenceIs' })}<br /><strong class="reference">${this.reference}</strong>
        </p>
      </div>
      <h2 class="heading-l">${msg('What happens next', { id: 'done.nextTitle' })}</h2>
      <p class="body">
        ${msg(str`We will read every response. After the consultation closes on ${closes}, we will publish what people told us and what we decided.`, {
          id: 'done.next',
        })}
      </p>
      <p class="body">${msg('Keep your reference if you want to contact us about your response.', { id: 'done.keep' })}</p>`;
  }
}
