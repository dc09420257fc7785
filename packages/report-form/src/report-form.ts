import { html, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { property, state } from 'lit/decorators.js';
import {
  CivicElement,
  CivicErrorEvent,
  DraftController,
  WidgetConfigController,
  baseStyles,
  buttonStyles,
  createIdempotencyKey,
  fieldStyles,
  pageStyles,
  panelStyles,
  validateFields,
  type FieldError,
  type Service,
  type ServiceAttribute,
  type ServiceRequest,
} from '@civic-widgets/core';
import { styles } from './report-form.styles.js';
import { canReturnTo, emptyAnswers, pageAfter, pageBefore, stopFor, pagesFor, type Answers, type Draft, type FlowState, type PageId } from './flow.js';
import { whenFieldFixed, withoutField } from './field-errors.js';
import { codeFor, renderLoading, renderPage, renderUnavailable } from './pages/page.js';
import { renderContact } from './pages/contact.js';
import type { Confirmation, EndPage, ReportView } from './pages/view.js';
import { questionsError } from './questions-error.js';
import { ReportSubmission } from './submission.js';
import type { Sent } from './outbox.js';
import { CivicSubmittedEvent } from './events/submitted.js';
import { reportSettings, type ReportSettings } from './settings.js';
import type { PhotoUploads } from './pages/photos.js';
import { FormHistoryController } from './history.js';
import { FlowChunks } from './chunks.js';
import { Catalogue } from './catalogue.js';
import { focusHeading } from './heading-focus.js';
import './i18n.js';

export type { ReportSettings } from './settings.js';
export type { Confirmation } from './pages/view.js';

/**
 * @summary Report a problem to the council: category, its questions, where, photos, your details,
 * check your answers, and a reference number — saved in an outbox when the network fails.
 * @tag civic-report-form
 *
 * @slot - No-JavaScript fallback (e.g. a link to the old form and the phone number), shown until the element upgrades.
 * @slot contact - Other ways to report, shown under every page (replaces the sentence built from `phone`).
 * @event civic-submit - The resident pressed "Send report" (cancelable). Detail: `{ request, idempotencyKey }`.
 * @event civic-submitted - The council has the report. Detail: `{ serviceRequestId, token?, serviceNotice, queued }`.
 * @event civic-error - Something failed (loading categories, uploading a photo, sending). The resident already sees a message.
 * @csspart contact - The "other ways to report" box.
 * @csspart panel - The confirmation panel with the reference.
 * @cssprop --civic-color-panel-text - Text colour of the confirmation panel.
 */
export class CivicReportForm extends CivicElement {
  static override styles = [baseStyles, fieldStyles, buttonStyles, panelStyles, pageStyles, styles];

  /** The site's public Open311 key (`api_key`), as the spec asks on POST. */
  @property({ attribute: 'api-key' }) apiKey = '';
  /** Sent as `jurisdiction_id`, for servers that host several councils. */
  @property({ attribute: 'jurisdiction-id' }) jurisdictionId = '';
  /** Preselects a category (a page only about potholes): its page is skipped. */
  @property({ attribute: 'service-code' }) serviceCode = '';
  /** The council's phone number, always shown as another way to report. Default: the endpoint's configuration. */
  @property() phone?: string;
  /** Where to follow a report: a URL template with `{id}`, e.g. `/track?ref={id}`. Default: the endpoint's configuration. */
  @property({ attribute: 'tracker-url' }) trackerUrl?: string;
  /** The council's privacy notice, linked from "Your details". */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';
  /** Which contact details must be given: any of `name email phone`, space-separated. */
  @property({ attribute: 'contact-required' }) contactRequired = '';
  /** How far (metres) to look for open reports of the same problem. */
  @property({ type: Number, attribute: 'nearby-radius' }) nearbyRadius = 100;
  /*
   * The settings below default to the endpoint's configuration document (docs/integrators.md).
   * An attribute set on the page wins; set to "" it turns that part off (e.g. `map-style=""`).
   */
  /** The map style URL, passed to the location picker. */
  @property({ attribute: 'map-style' }) mapStyle?: string;
  /** The council's boundary (GeoJSON URL), passed to the location picker: places outside are refused. */
  @property({ attribute: 'boundary-src' }) boundarySrc?: string;
  /** Area polygons such as parishes (GeoJSON URL), passed to the location picker. */
  @property({ attribute: 'areas-src' }) areasSrc?: string;
  /** The picker's address search: `custom` (a gazetteer), `postcodes-io`, `nominatim` or `os-places`. */
  @property() geocoder?: string;
  /** The address search URL for the picker (a gazetteer base URL or `{query}` template). */
  @property({ attribute: 'geocoder-url' }) geocoderUrl?: string;

  @state() private page: PageId | EndPage = 'category';
  @state() private answers: Answers = emptyAnswers();
  @state() private errors: FieldError[] = [];
  /** The chosen category's questions (its service definition). */
  @state() private questions: ServiceAttribute[] = [];
  @state() private nearby: ServiceRequest[] = [];
  /** undefined until probed. */
  @state() private mediaSupported: boolean | undefined;
  @state() private busy = false;
  /** The last list of categories that loaded: kept if a later reload of it fails. */
  @state() private loadedServices?: Service[];
  /** The draft has been read: pages can be shown. */
  @state() private ready = false;
  @state() private confirmation?: Confirmation;
  @state() private search = '';
  private returnToCheck = false;
  /** The asset question's answer came from the map (so "I can't find it" may clear it). */
  private mapFilledAsset = false;
  /** The report's Idempotency-Key: one per report, kept across reloads and retries. */
  private key = createIdempotencyKey();
  /** Photo uploads (created with the pages chunk). */
  private photos?: PhotoUploads;
  private focusOnUpdate = false;
  private restored = false;
  /** Settles once the first page (or a state to act on) is drawn: see `updated()`. */
  private drawn = new Promise<void>((resolve) => (this.onDrawn = resolve));
  private onDrawn?: () => void;

  /** The categories, the chosen category's questions, photos and nearby reports, from the server. */
  private readonly catalogue = new Catalogue(this, {
    serviceCode: () => this.answers.serviceCode,
    preselected: () => this.serviceCode,
    onServices: (services) => {
      this.loadedServices = services;
      // A restored or chosen category's questions, in the new language.
      if (this.restored && this.answers.serviceCode) void this.catalogue.loadQuestions().catch(() => undefined);
    },
    onQuestions: (questions) => (this.questions = questions),
    fail: (operation, error) => this.fail(operation, error),
  });

  /** The endpoint's configuration document, read in parallel with the categories. */
  private readonly config = new WidgetConfigController(this);

  /** What the pages use: an attribute the page sets wins over the backend's configuration. */
  private get settings(): ReportSettings {
    return reportSettings(this, this.config.value ?? {}, this.answers.serviceCode);
  }

  /** Browser Back and Forward between the form's pages (history.ts). */
  private readonly history = new FormHistoryController(this, {
    id: () => (this.endpoint ? `${this.endpoint} ${this.serviceCode}` : ''),
    onPop: (page) => {
      // A sent (or waiting) report's pages are gone; an entry for a page the answers no longer
      // lead to (another category since) is skipped over by staying where we are.
      if (this.page === 'done' || this.page === 'queued' || this.busy) return;
      if (canReturnTo(page, this.flow)) this.go(page as PageId | EndPage, false);
    },
  });

  private readonly draft = new DraftController<Draft>(this, {
    key: () => (this.endpoint ? `report:${this.endpoint}:${this.serviceCode}` : ''),
    snapshot: () =>
      this.restored ? { answers: this.answers, page: this.page, key: this.key, returnToCheck: this.returnToCheck } : undefined,
  });

  private readonly chunks = new FlowChunks(
    this,
    (m) => (this.photos = new m.PhotoUploads(this.view)),
    (error) => this.fail('load', error),
  );

  /** "Send report", the outbox, and a refusal brought back to the check page (submission.ts). */
  private readonly sending = new ReportSubmission(this, {
    client: () => this.catalogue.client,
    endpoint: () => this.endpoint,
    chunks: this.chunks,
    report: () => ({ key: this.key, flow: this.flow }),
    view: () => this.view,
    emit: (event) => this.emit(event),
    setBusy: (busy) => (this.busy = busy),
    flushDraft: () => this.draft.flush(),
    onSent: (sent) => this.sent(sent),
    restore: async (answers) => {
      this.answers = answers;
      await this.catalogue.loadQuestions().catch(() => undefined);
    },
    renewKey: () => (this.key = createIdempotencyKey()),
    go: (page, focus = true) => {
      this.go(page);
      this.focusOnUpdate = focus;
    },
    ready: () => this.ready,
    drawn: () => this.drawn,
  });

  /** The categories, once loaded. */
  private get services(): Service[] {
    return this.loadedServices ?? [];
  }

  /** The chosen category. */
  private get service(): Service | undefined {
    return this.services.find((s) => s.code === this.answers.serviceCode);
  }

  private get flow(): FlowState {
    return {
      preselected: !!this.serviceCode && !!this.services.find((s) => s.code === this.serviceCode),
      attributes: this.questions,
      answers: this.answers,
      nearby: this.nearby,
      photos: this.mediaSupported !== false,
      photosPerReport: this.settings.photosPerReport,
    };
  }

  private get pages(): PageId[] {
    return pagesFor(this.flow);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The page's own category: its first question needs core's fields. Start importing them now,
    // not at the first update, so they are in by the time the questions are (issue #18); the
    // later pages follow once that question is drawn.
    if (this.endpoint && this.serviceCode) this.chunks.prefetch('fields');
    // A draft past the first page (a reload, or Back from another site) may show a later page,
    // drawn by the pages chunk: fetch it alongside the categories, not once they are in.
    else if (this.endpoint && (this.draft.load()?.page ?? 'category') !== 'category') this.chunks.prefetch('pages');
    if (!this.endpoint) this.configError('"endpoint" is required: the Open311 base URL, e.g. https://council.example/open311/v2');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // With a category set by the page, its first question needs core's fields: fetch them
    // alongside the categories and the questions (catalogue.ts), not after them (issue #18).
    if (this.endpoint && this.serviceCode) this.chunks.prefetch('fields');
    if (this.chunks.state !== 'failed') {
      const code = codeFor(this.page);
      if (code && !this.chunks.has(code)) void this.chunks.load(code, true);
      if (this.page === 'where' && !customElements.get('civic-location-picker')) void this.chunks.load('picker', true);
    }
    // Restore the draft once the categories are known, so its questions can be reloaded.
    if (!this.restored && this.loadedServices) void this.restore();
    if (changed.has('serviceCode') && this.serviceCode && !this.answers.serviceCode) this.answers = { ...this.answers, serviceCode: this.serviceCode };
  }

  private async restore(): Promise<void> {
    this.restored = true;
    if (this.serviceCode && !this.flow.preselected) {
      this.configError(`"service-code" is "${this.serviceCode}", which is not one of the server's services: showing them all`);
    }
    const saved = this.draft.load();
    if (saved?.answers && this.services.some((s) => s.code === saved.answers.serviceCode)) {
      this.answers = { ...emptyAnswers(), ...saved.answers };
      this.key = saved.key || this.key;
      this.returnToCheck = saved.returnToCheck;
      // What the saved page needs is asked for at once, not one answer after another: its
      // category's questions, whether the server takes photos (asked once, and only when a place
      // was chosen, as the photos page comes after it), and whether a "waiting" report still
      // waits. On a slow line each would otherwise add a round trip before the page shows.
      const [, , stillWaiting] = await Promise.all([
        this.catalogue.loadQuestions().catch(() => undefined),
        this.answers.place ? this.probeMedia().catch(() => undefined) : undefined,
        saved.page === 'queued' ? this.sending.waits(this.key).catch(() => false) : true,
      ]);
      // A queued report stays on the "waiting" page; the outbox sends it and shows the confirmation.
      let page = saved.page;
      // "Waiting" with nothing waiting: another tab sent it (or it was refused) and this tab never
      // heard. Back to the check page: sending again with the same Idempotency-Key brings back
      // the reference the server already gave, and stores nothing twice.
      if (page === 'queued' && !stillWaiting) page = 'check';
      if (this.page !== 'done') {
        this.page = page === 'done' || page === 'existing' || (page !== 'queued' && !this.pages.includes(page as PageId)) ? this.pages[0]! : page;
      }
    } else if (this.flow.preselected) {
      this.answers = { ...this.answers, serviceCode: this.serviceCode };
      await this.catalogue.loadQuestions().catch(() => undefined);
      if (this.page !== 'done') this.page = this.pages[0]!;
    }
    this.ready = true;
    void this.sending.showRefusal();
  }

  /** Reports a failure to the page (the resident sees their own message). */
  private fail(operation: string, cause: unknown): void {
    this.emit(new CivicErrorEvent({ operation, message: String((cause as Error)?.message ?? cause).slice(0, 200), cause }));
  }

  /** Media upload is an extension: ask the server once whether it has it. */
  private async probeMedia(): Promise<void> {
    this.mediaSupported ??= await this.catalogue.hasMedia();
  }

  /** Updates answers (and so the draft). */
  private set(patch: Partial<Answers>): void {
    this.answers = { ...this.answers, ...patch };
  }

  /** Shows a page and moves focus to its heading. */
  private go(page: PageId | EndPage, push = true): void {
    if (push) this.history.push(this.page, page);
    this.page = page;
    this.errors = [];
    this.focusOnUpdate = true;
  }

  /** The page before this one, for Back. */
  private get previous(): PageId | undefined {
    return pageBefore(this.pages, this.page);
  }

  /** Validates the page's fields (plus `extra` problems) and shows the error summary. */
  private check(extra: FieldError[] = []): boolean {
    const fields = [...this.renderRoot.querySelectorAll<HTMLElement & { reportValidity(): boolean; validationMessage: string }>('[data-field]')];
    this.errors = [...validateFields(fields), ...extra];
    return !this.errors.length;
  }

  /** "Continue": check, do what the page needs, then show the next page. */
  private async next(extra: FieldError[] = []): Promise<void> {
    // A place chosen a moment ago may still be on its way in (its area, its address): wait for
    // it, rather than tell the resident to choose a place they have just chosen.
    const picker = this.page === 'where' ? this.renderRoot.querySelector<HTMLElement & { settled?: Promise<void>; updateComplete?: Promise<unknown> }>('civic-location-picker') : null;
    if (picker?.settled) {
      await picker.settled;
      await picker.updateComplete;
      await this.updateComplete;
    }
    if (this.busy || !this.check(extra)) return;
    const page = this.page as PageId;
    this.busy = true;
    try {
      if (page === 'category') {
        // The next page (the category's first question, or "Tell us more") needs the questions
        // and core's fields, asked for together; the later pages and the picker follow behind.
        void this.chunks.load('picker');
        this.chunks.prefetch('pages');
        const [fields, questionsFailed] = await Promise.all([
          this.chunks.load('fields'),
          this.catalogue.loadQuestions().then(
            () => null,
            (error: unknown) => ({ error }),
          ),
        ]);
        if (questionsFailed) {
          this.fail('load-questions', questionsFailed.error);
          return void (this.errors = [questionsError(this.view, questionsFailed.error)]);
        }
        if (!fields) return void (this.errors = [questionsError(this.view, undefined)]);
      }
      if (page === 'where') await Promise.all([this.findNearby(), this.probeMedia()]);
    } finally {
      this.busy = false;
    }
    // An answer that stops the form (a street light's wires showing): the interruption page.
    if (page.startsWith('question:') && stopFor(this.questions, this.answers.attributes)?.code === page.slice(9)) {
      this.go('stopped');
      return;
    }
    const after = pageAfter(this.flow, page, this.returnToCheck);
    if (after === 'check') this.returnToCheck = false;
    this.go(after);
  }

  /** Open reports of the same category near the chosen place. */
  private async findNearby(): Promise<void> {
    this.nearby = [];
    this.nearby = await this.catalogue.nearby(this.answers, this.nearbyRadius);
    if (!this.nearby.some((r) => r.id === this.answers.duplicate)) this.set({ duplicate: '' });
  }

  /** A "Change" link on the check page. */
  private change(page: PageId): void {
    this.returnToCheck = true;
    this.go(page);
  }

  /** "Send report" (submission.ts). */
  private submit(): Promise<void> {
    return this.sending.submit();
  }

  private sent({ payload, id, created, queued }: Sent): void {
    if (payload.draftKey === this.key || payload.draftKey === this.draft.load()?.key) this.clear();
    this.confirmation = { id, token: created.token, notice: created.serviceNotice, email: payload.request.email ?? '', updates: !!payload.request.emailUpdates, queued };
    this.go('done');
    // A report saved on an earlier visit, sent as the form loaded: the resident did nothing to
    // move here, so focus stays where the council's page has it.
    if (!this.sending.acted) this.focusOnUpdate = false;
    this.emit(
      new CivicSubmittedEvent({ serviceRequestId: id, ...(created.token ? { token: created.token } : {}), serviceNotice: created.serviceNotice, queued }),
    );
  }

  /** A new report: the draft, answers, key and photos of the last one are gone. */
  private clear(): void {
    this.draft.clear();
    this.answers = this.serviceCode ? { ...emptyAnswers(), serviceCode: this.serviceCode } : emptyAnswers();
    this.key = createIdempotencyKey();
    this.photos?.clear();
  }

  /** Follow an existing report instead of making a duplicate, or report another: start again. */
  private startAgain(): void {
    this.clear();
    this.nearby = [];
    this.confirmation = undefined;
    this.restored = true;
    this.go(this.pages[0]!);
  }

  /** "Try again" after a failure: the page that then loads gets its heading focused (the button is gone). */
  private tryAgain = () => {
    this.focusOnUpdate = true;
    if (this.chunks.state) this.chunks.retry();
    else void this.catalogue.services.run();
  };

  /** A target for page-level errors: the page heading. */
  private headingTarget(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('h1') ?? this;
  }

  /**
   * GOV.UK: focus moves to the new page's heading only when the resident moves between pages
   * (Continue, Back, Change, Try again): `go()` asks for it. Never on first render or when a
   * draft is restored, so the council's own heading and introduction stay in view.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Still "Loading…" (the page's code or the categories)?
    const failed = this.chunks.state === 'failed' || this.catalogue.failed;
    if (this.chunks.state === 'loading' || !(this.page === 'done' || failed || (this.loadedServices && this.ready))) return;
    // The first page is drawn: what an earlier visit left in the outbox may be sent now, after
    // the browser has painted it (on a slow phone, opening IndexedDB and sending would delay it).
    if (this.onDrawn) {
      setTimeout(this.onDrawn);
      this.onDrawn = undefined;
      // Then the later pages, so they are in by the time the resident has answered: a page with
      // `service-code` opens on its first question, which did not need them.
      if (codeFor(this.page) === 'fields') this.chunks.prefetch('pages');
    }
    if (!this.focusOnUpdate) return;
    this.focusOnUpdate = false;
    void focusHeading(this.renderRoot);
  }

  /** What the pages see and may do (pages/view.ts): live getters over this element's private state. */
  private readonly view: ReportView = ((el: CivicReportForm): ReportView => ({
    get locale() { return el.locale; },
    get page() { return el.page; },
    get answers() { return el.answers; },
    get services() { return el.services; },
    get service() { return el.service; },
    get questions() { return el.questions; },
    get pages() { return el.pages; },
    get nearby() { return el.nearby; },
    get settings() { return el.settings; },
    get errors() { return el.errors; },
    get search() { return el.search; },
    get busy() { return el.busy; },
    get confirming() { return el.sending.confirming; },
    get privacyUrl() { return el.privacyUrl; },
    get contactRequired() { return el.contactRequired; },
    get confirmation() { return el.confirmation; },
    get waiting() { return el.sending.waiting; },
    get photos() { return el.photos; },
    get mapFilledAsset() { return el.mapFilledAsset; },
    set mapFilledAsset(value) { el.mapFilledAsset = value; },
    get frame() {
      const i = el.pages.indexOf(el.page as PageId);
      return {
        onBack: el.previous && (() => el.previous && el.go(el.previous)),
        errors: el.errors,
        progress: i >= 0 ? { page: i + 1, of: el.pages.length, detail: el.service?.name } : undefined,
        busy: el.busy,
      };
    },
    set: (patch) => el.set(patch),
    answer: (code, value) => el.set({ attributes: { ...el.answers.attributes, [code]: value } }),
    setSearch: (text) => (el.search = text),
    setErrors: (errors) => (el.errors = errors),
    check: () => el.check(),
    next: (extra) => el.next(extra),
    go: (page) => el.go(page),
    change: (page) => el.change(page),
    submit: () => el.submit(),
    retry: () => el.sending.retry(),
    startAgain: () => el.startAgain(),
    fail: (operation, cause) => el.fail(operation, cause),
    follow: (id, email) => el.catalogue.client.subscribe(id, email),
    uploadMedia: (file, options) => el.catalogue.client.uploadMedia(file, options),
    requestUpdate: () => el.requestUpdate(),
    find: (selector) => el.renderRoot.querySelector(selector),
    headingTarget: () => el.headingTarget(),
    updated: () => el.updateComplete,
  }))(this);

  override render() {
    const contact = renderContact(this.settings);
    if (!this.endpoint) return html`<slot></slot>${contact}`;
    const showPages = this.page === 'done' || (this.loadedServices && this.ready);
    const chunk = this.chunks.state;
    return html`
      <div @change=${this.onFieldChange} @civic-location-change=${this.onFieldChange}>
        ${showPages && chunk !== 'failed'
          ? chunk === 'loading'
            ? renderLoading()
            : // One element per page: a field reused from the page before would keep its shown error.
              keyed(this.page, renderPage(this.view, this.chunks.pages))
          : this.catalogue.failed || chunk === 'failed'
            ? renderUnavailable(this.tryAgain)
            : renderLoading()}
      </div>
      ${contact}
    `;
  }

  /** A field put right leaves the error summary at once (field-errors.ts). */
  private onFieldChange = (event: Event) => {
    if (this.errors.length) whenFieldFixed(event, (field) => (this.errors = withoutField(this.errors, field)));
  };
}
