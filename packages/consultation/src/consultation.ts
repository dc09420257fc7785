import { html, nothing, type PropertyValues } from 'lit';
import { Task, initialState } from '@lit/task';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '@lit/localize';
import {
  CivicElement,
  CivicErrorEvent,
  WidgetConfigController,
  ConsultationClient,
  ConsultationError,
  DraftController,
  baseStyles,
  buttonStyles,
  createIdempotencyKey,
  pageStyles,
  panelStyles,
  type ConsultationResults,
  type Draft,
  type FieldError,
} from '@civic-widgets/core';
import {
  isAnswered,
  visibility,
  type Answers,
  type Consultation,
  type Page,
  type Visibility,
} from './model.js';
import { applyFieldEvent, applyLocationEvent, pageFieldErrors, submitOnEnter, withShownRankings } from './answers.js';
import {
  currentPage,
  firstIncompletePage,
  firstStep,
  nextStep,
  pageChangeDetail,
  previousStep,
  type Step,
} from './navigation.js';
import { problemText, serverErrors } from './problems.js';
import { SaveReturnController } from './save-return.js';
import { LazyViewsController } from './lazy-views.js';
import { fromSnapshot, toSnapshot, type Snapshot } from './snapshot.js';
import { fetchConsultation } from './load.js';
import { renderLoadError, renderLoading } from './pages/status.js';
import { renderOverview } from './pages/overview.js';
import { renderSaved } from './pages/saved.js';
import { renderDone } from './pages/done.js';
import { contactPhone, renderContact } from './pages/contact.js';
import { CivicConsultationPageChangeEvent } from './events/page-change.js';
import { CivicConsultationSubmittedEvent } from './events/submitted.js';
import { styles } from './consultation.styles.js';
import { OutcomeAlertController } from './outcome-alert.js';
import { pickerConfig } from './picker-config.js';
import './i18n.js';

export type { Step } from './navigation.js';

type Load = 'idle' | 'config' | 'loading' | 'error' | 'ready';

/**
 * @summary A consultation residents can understand and answer — overview, one page of questions
 * at a time, save and return, check answers, submit — and, once it has closed and the council
 * has published them, the results: "we asked, you said, we did".
 * @tag civic-consultation
 *
 * @slot fallback - Shown when the consultation cannot be loaded or the element is misconfigured,
 *   e.g. a phone number and a link to a paper form. Also the no-JavaScript content.
 * @slot contact - Other ways to respond, under every page (replaces the sentence with the phone number).
 *
 * @event civic-consultation-page-change - The resident moved to another page (detail: `page`,
 *   `pageNumber`, `pageCount`).
 * @event civic-consultation-submitted - The response was stored (detail: `reference`).
 * @event civic-error - Something failed that the resident was told about (detail: `operation`).
 *
 * @csspart panel - The green confirmation panel.
 * @csspart contact - The "other ways" box under every page.
 * @csspart progress - "Page 2 of 4".
 * @csspart resume-code - The resume code on the "saved" page.
 * @csspart chart - Each results bar chart.
 * @csspart decision - The decision box on the results page.
 *
 * @cssprop --civic-color-panel-text - Text colour of the confirmation panel.
 * @cssprop --civic-consultation-bar-color - Colour of the results bars (default: the brand colour).
 */
export class CivicConsultation extends CivicElement {
  static override styles = [baseStyles, buttonStyles, panelStyles, pageStyles, styles];

  /** The consultation's id, e.g. `town-centre-2026`. */
  @property() consultation = '';
  /**
   * The definition, when the page already has it (no fetch). Responses and drafts still go to
   * `endpoint`.
   */
  @property({ attribute: false }) definition?: Consultation;
  /** Published results to show, when the page already has them (no fetch). */
  @property({ attribute: false }) results?: ConsultationResults;
  /** The council's phone number as residents should see it, e.g. `01632 960000`; default: the definition's "by phone" way, else the endpoint's configuration. */
  @property() phone = '';
  /** "Pin a place" questions: the location picker's address search, e.g. `https://council.example/api/addresses`. */
  @property({ attribute: 'geocoder-url' }) geocoderUrl?: string;
  /** "Pin a place" questions: the map's MapLibre style URL. Without it, address search is the whole route. */
  @property({ attribute: 'map-style' }) mapStyle?: string;
  /** "Pin a place" questions: the council's boundary GeoJSON, so places outside are refused early. */
  @property({ attribute: 'boundary-src' }) boundarySrc?: string;

  /** The endpoint's configuration document (map, boundary, address search), read with the consultation. */
  private readonly config = new WidgetConfigController(this);
  /**
   * Without `consultation`, the page address's query parameter that names it (default
   * `consultation`: `…/consultation?consultation=town-centre-2026`, as a hub's links make).
   */
  @property({ attribute: 'url-param' }) urlParam = 'consultation';
  /** Hides "Find out what we decide" on the confirmation page (for a server without alerts). */
  @property({ type: Boolean, attribute: 'no-outcome-alert' }) noOutcomeAlert = false;

  @state() private load: Load = 'idle';
  @state() private loadError: 'not-found' | 'network' = 'network';
  @state() private def?: Consultation;
  @state() private published?: ConsultationResults;
  @state() private step: Step = { kind: 'overview' };
  @state() private answers: Answers = {};
  @state() private returnToCheck = false;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private summaryErrors: FieldError[] = [];
  @state() private submitting = false;
  @state() private actionError = '';
  @state() private reference = '';

  private key = '';
  private focusHeading = false;

  private readonly draft = new DraftController<Snapshot>(this, {
    key: () => (this.def ? `consultation:${this.endpoint}:${this.def.id}` : ''),
    snapshot: () =>
      this.def && this.load === 'ready' && (this.key || this.reference)
        ? toSnapshot({ answers: this.answers, step: this.step, key: this.key, returnToCheck: this.returnToCheck, reference: this.reference,
            resumeCode: this.saveReturn.resumeCode, expiresAt: this.saveReturn.expiresAt })
        : undefined,
  });

  private readonly views = new LazyViewsController(this, (event) => this.emit(event));

  private readonly saveReturn = new SaveReturnController(this, {
    client: () => this.client,
    consultationId: () => this.def?.id,
    lang: () => this.language,
    answers: () => this.answers,
    sending: () => this.submitting,
    onSaved: (from) => this.go({ kind: 'saved', from }),
    onResumed: (saved) => this.resumed(saved),
    emit: (event) => this.emit(event),
  });

  private get client(): ConsultationClient | undefined {
    return this.endpoint ? new ConsultationClient({ endpoint: this.endpoint }) : undefined;
  }

  private get language(): 'en' | 'cy' {
    return this.locale;
  }

  private readonly outcomeAlert = new OutcomeAlertController(this, {
    client: () => this.client,
    consultation: () => this.def?.id ?? '',
    lang: () => this.language,
    failed: (error) => this.emit(new CivicErrorEvent({ operation: 'subscribe-outcome', message: String(error), cause: error })),
  });

  /** The consultation's id: the attribute, else the given definition's, else the page address's. */
  private get consultationId(): string {
    const fromUrl = this.urlParam ? new URLSearchParams(window.location.search).get(this.urlParam)?.trim() : '';
    return this.consultation || this.definition?.id || fromUrl || '';
  }

  // ---------------------------------------------------------------- loading

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.loadViews();
  }

  /** Starts fetching the module the current view needs: the question pages, results, or the picker. */
  private loadViews(): void {
    if (this.load !== 'ready') return;
    const kind = this.step.kind;
    const view = this.published ? 'results' : kind === 'page' || kind === 'check' ? 'flow' : 'none';
    this.views.need(view, !!this.currentPage()?.questions.some((q) => q.type === 'location'));
  }

  /**
   * The definition (and published results), loaded again when the consultation, endpoint or a
   * given definition changes. Task aborts the load on its way and keeps only the latest answer.
   */
  private readonly loader = new Task(this, {
    args: () => [this.endpoint, this.consultation, this.definition, this.results] as const,
    task: (_, { signal }) => {
      if (!this.consultationId || (!this.endpoint && !this.definition)) {
        this.configError(this.consultationId ? '"endpoint" is required' : '"consultation" (the consultation\'s id) is required');
        this.load = 'config';
        return initialState;
      }
      this.load = 'loading';
      return fetchConsultation(this.client, this.consultationId, this.definition, this.results, signal);
    },
    onComplete: ({ def, published }) => {
      this.def = def;
      this.published = published;
      this.restore();
      this.load = 'ready';
      // A sent response stays sent: the email's link then only shows the confirmation.
      if (def.status === 'open' && !this.reference) void this.saveReturn.resumeFromUrl();
    },
    onError: (error) => {
      this.loadError = error instanceof ConsultationError && error.kind === 'not-found' ? 'not-found' : 'network';
      this.load = 'error';
      this.emit(new CivicErrorEvent({ operation: 'load-consultation', message: String(error), cause: error }));
    },
  });

  private restore(): void {
    const saved = fromSnapshot(this.draft.load(), this.def!);
    ({ answers: this.answers, step: this.step, key: this.key, returnToCheck: this.returnToCheck, reference: this.reference } = saved);
    this.saveReturn.resumeCode = saved.resumeCode;
    this.saveReturn.expiresAt = saved.expiresAt;
  }

  // ---------------------------------------------------------------- derived

  private get visible(): Visibility {
    return visibility(this.def ?? { pages: [] }, this.answers);
  }

  private currentPage(vis = this.visible): Page | undefined {
    return currentPage(this.step, vis);
  }

  // ---------------------------------------------------------------- navigation

  private go(step: Step): void {
    this.step = step;
    this.summaryErrors = [];
    this.actionError = '';
    this.saveReturn.error = '';
    this.focusHeading = true;
    this.emit(new CivicConsultationPageChangeEvent(pageChangeDetail(step, this.visible)));
  }

  private startNow(): void {
    if (!this.key) this.key = createIdempotencyKey();
    this.go(firstStep(this.visible));
  }

  private back(): void {
    const previous = previousStep(this.step, this.visible, this.returnToCheck);
    if (previous) this.go(previous);
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

  // ---------------------------------------------------------------- answers

  private onField(event: Event): void {
    const next = applyFieldEvent(event, this.answers, this.fieldErrors);
    if (!next) return;
    this.answers = next.answers;
    this.fieldErrors = next.errors;
  }

  private onLocation(event: Event): void {
    const next = applyLocationEvent(event, this.answers, this.fieldErrors);
    if (!next) return;
    this.answers = next.answers;
    this.fieldErrors = next.errors;
  }

  /** Checks the fields on the page; shows the error summary. True when the page may be left. */
  private async checkPage(page: Page): Promise<boolean> {
    const answers = withShownRankings(page, this.answers, this.renderRoot);
    this.answers = answers;
    const custom: Record<string, string> = {};
    for (const q of page.questions) {
      const message = this.views.flow!.customError(q, answers);
      if (message) custom[q.id] = message;
    }
    this.fieldErrors = { ...this.fieldErrors, ...custom };
    await this.updateComplete;
    this.summaryErrors = await pageFieldErrors(this.renderRoot, this.views.flow!.validateFields);
    return this.summaryErrors.length === 0;
  }

  private async onContinue(): Promise<void> {
    const page = this.currentPage();
    if (!page || !(await this.checkPage(page))) return;
    this.go(nextStep(page, this.visible, this.returnToCheck));
  }

  // ---------------------------------------------------------------- save and return

  /** The page the resident saves from: a question page, or the one they saved from before. */
  private get savedFrom(): string {
    const step = this.step;
    return step.kind === 'page' ? step.id : step.kind === 'saved' ? step.from : '';
  }

  /** Saved answers came back (typed code or the email's link): carry on at their page. */
  private resumed(saved: Draft): void {
    this.answers = { ...saved.answers };
    if (!this.key) this.key = createIdempotencyKey();
    this.returnToCheck = false;
    const vis = this.visible;
    const page = vis.pages.find((p) => p.id === saved.page) ?? vis.pages[0];
    this.go(page ? { kind: 'page', id: page.id } : { kind: 'check' });
  }

  // ---------------------------------------------------------------- submit

  private async submit(): Promise<void> {
    const client = this.client;
    if (!client || !this.def || this.submitting || this.saveReturn.busy) return;
    const vis = this.visible;
    const incomplete = firstIncompletePage(vis);
    if (incomplete) {
      this.returnToCheck = true;
      this.go({ kind: 'page', id: incomplete.id });
      await this.updateComplete;
      await this.checkPage(incomplete);
      return;
    }
    if (!this.key) this.key = createIdempotencyKey();
    this.submitting = true;
    this.actionError = '';
    try {
      const response = await client.submit(
        this.def.id,
        { answers: vis.answers, lang: this.language, ...(this.saveReturn.resumeCode ? { resumeCode: this.saveReturn.resumeCode } : {}) },
        { idempotencyKey: this.key },
      );
      this.reference = response.reference;
      this.saveReturn.resumeCode = '';
      this.go({ kind: 'done' });
      this.emit(new CivicConsultationSubmittedEvent({ consultation: this.def.id, reference: response.reference }));
    } catch (error) {
      this.emit(new CivicErrorEvent({ operation: 'submit', message: String(error), cause: error }));
      const perQuestion = error instanceof ConsultationError ? error.errors.filter((e) => e.question) : [];
      if (perQuestion.length) {
        await this.showServerErrors(perQuestion);
      } else {
        this.actionError = problemText(error, 'submit');
      }
    } finally {
      this.submitting = false;
    }
  }

  /** The server refused some answers: take the resident to the first page with a problem. */
  private async showServerErrors(items: { code: string; question?: string }[]): Promise<void> {
    const vis = this.visible;
    const errors = serverErrors(items, vis, this.views.flow!.serverErrorMessage, this.language);
    const page = vis.pages.find((p) => p.questions.some((q) => errors[q.id] || errors[`${q.id}.other`]));
    if (!page) {
      this.actionError = msg('Some answers could not be accepted. Check your answers and try again.', { id: 'submit.invalid' });
      return;
    }
    this.fieldErrors = errors;
    this.returnToCheck = true;
    this.go({ kind: 'page', id: page.id });
    await this.updateComplete;
    this.summaryErrors = await pageFieldErrors(this.renderRoot, this.views.flow!.validateFields);
  }

  // ---------------------------------------------------------------- render

  override render(): unknown {
    return html`${this.renderBody()} ${renderContact(contactPhone(this.phone, this.def, this.language, this.config.value?.council?.phone))}`;
  }

  private renderBody(): unknown {
    switch (this.load) {
      case 'idle':
      case 'loading':
        return renderLoading();
      case 'config':
        // One page for every consultation, reached without one in its address (a link cut short):
        // the resident is told it cannot be found. Without an endpoint the webmaster has something
        // to fix (the console says what): the page's fallback shows.
        return this.endpoint && !this.consultationId
          ? renderLoadError({ kind: 'not-found', onRetry: () => this.retry() })
          : html`<slot name="fallback"></slot>`;
      case 'error':
        return renderLoadError({ kind: this.loadError, onRetry: () => this.retry() });
    }
    const def = this.def!;
    const step = this.step;
    const lazy = this.published ? this.views.results : step.kind === 'page' || step.kind === 'check' ? this.views.flow : true;
    if (!lazy) return this.views.failed ? renderLoadError({ kind: this.loadError, onRetry: () => this.retry() }) : renderLoading();
    if (this.published) return this.views.results!.renderResults(this.published, this.language);
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

  private retry(): void {
    this.views.retry();
    if (this.load === 'error') void this.loader.run();
  }

  private renderOverview(def: Consultation) {
    return renderOverview({
      def,
      lang: this.language,
      started: isAnswered(Object.values(this.answers).find(isAnswered)),
      resumeError: this.saveReturn.resumeError,
      resuming: this.saveReturn.busy === 'resume',
      onStart: () => this.startNow(),
      onResume: (e) => (e.preventDefault(), void this.saveReturn.resumeFrom(this.renderRoot)),
      onResumeInput: () => this.saveReturn.clear('resumeError'),
      onEnter: submitOnEnter,
    });
  }

  private renderPage() {
    const vis = this.visible;
    const page = this.currentPage(vis);
    if (!page) return nothing;
    return this.views.flow!.renderPage({
      page,
      number: vis.pages.indexOf(page) + 1,
      count: vis.pages.length,
      lang: this.language,
      answers: this.answers,
      errors: this.fieldErrors,
      picker: this.views.picker === 'idle' ? 'loading' : this.views.picker,
      pickerConfig: pickerConfig(this, this.config.value ?? {}),
      summaryErrors: this.summaryErrors,
      actionError: this.actionError || this.saveReturn.error,
      canSave: !!this.endpoint,
      saving: this.saveReturn.busy === 'save',
      onBack: () => this.back(),
      onContinue: () => void this.onContinue(),
      onField: (e) => this.onField(e),
      onLocation: (e) => this.onLocation(e),
      onEnter: submitOnEnter,
      onSave: () => void this.saveReturn.save(this.savedFrom),
    });
  }

  private renderCheck() {
    const vis = this.visible;
    return this.views.flow!.renderCheck({
      pages: vis.pages,
      answers: vis.answers,
      lang: this.language,
      actionError: this.actionError,
      sending: this.submitting,
      onBack: () => this.back(),
      onChange: (id) => this.change(id),
      onSend: () => void this.submit(),
    });
  }

  private renderSaved() {
    const { from } = this.step as { kind: 'saved'; from: string };
    const back = () => this.go(from ? { kind: 'page', id: from } : { kind: 'overview' });
    return renderSaved(this.saveReturn.savedView(this.renderRoot, this.savedFrom, this.actionError, back));
  }

  private renderDone() {
    return renderDone({
      reference: this.reference,
      closes: this.def?.closes ?? '',
      after: this.endpoint && !this.noOutcomeAlert ? this.outcomeAlert.render() : nothing,
    });
  }
}
