import { html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  CivicElement,
  CivicErrorEvent,
  DraftController,
  Open311Client,
  OutboxController,
  OutboxStore,
  UnsupportedError,
  WidgetConfigController,
  baseStyles,
  buttonStyles,
  createIdempotencyKey,
  fieldStyles,
  panelStyles,
  validateFields,
  type CreatedRequest,
  type FieldError,
  type NewServiceRequest,
  type OutboxEntry,
  type Service,
  type ServiceAttribute,
  type ServiceRequest,
  type WidgetConfig,
} from '@civic-widgets/core';
import { styles } from './report-form.styles.js';
import { CivicSubmitEvent } from './events/submit.js';
import { CivicSubmittedEvent } from './events/submitted.js';
import { emptyAnswers, hasPoint, nextUnanswered, stopFor, nearbyOpen, pagesFor, toRequest, type Answers, type FlowState, type PageId } from './flow.js';
import { renderCategory } from './pages/category.js';
import { renderDone, renderQueued } from './pages/result.js';
import { questionsError, refusalErrors, refusalsFor, type Refusal } from './send-errors.js';
import { waitForId } from './token.js';
import type { PhotoUploads } from './pages/photos.js';
import { FormHistoryController } from './history.js';
import './i18n.js';

/** The outbox queue every report form on a site shares. */
const OUTBOX_QUEUE = 'report';

/** The settings the pages use: the element's attributes, else the endpoint's configuration document. */
export interface ReportSettings {
  mapStyle: string;
  boundarySrc: string;
  areasSrc: string;
  geocoder: string;
  geocoderUrl: string;
  reverseUrl: string;
  geocoderKey: string;
  trackerUrl: string;
  phone: string;
  openingHours: string;
  /** The chosen category's asset layer (street lights…), from the endpoint's configuration. */
  assets?: { src: string; idProperty: string; attribute: string };
}

/** The asset layer the configuration gives a category, if any. */
function assetLayerFor(c: WidgetConfig, serviceCode: string): ReportSettings['assets'] {
  const layer = c.assetLayers?.find((l) => l.src && serviceCode && l.services?.includes(serviceCode));
  return layer ? { src: layer.src!, idProperty: layer.idProperty ?? '', attribute: layer.attribute || 'asset_id' } : undefined;
}

/** Pages outside the question flow. */
type EndPage = 'done' | 'queued' | 'existing' | 'stopped';

interface Draft {
  answers: Answers;
  page: PageId | EndPage;
  key: string;
  returnToCheck: boolean;
}

/** What the confirmation shows. */
export interface Confirmation {
  id: string | null;
  token: string | null;
  notice: string;
  email: string;
  queued: boolean;
}

/** What the outbox keeps for a report: the request, and what the confirmation needs. */
interface Queued {
  request: NewServiceRequest;
  draftKey: string;
  /** The answers, so a report the server refuses later (even on another visit) can be corrected. */
  answers?: Answers;
}

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
  static override styles = [baseStyles, fieldStyles, buttonStyles, panelStyles, styles];

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

  /** @internal */ @state() page: PageId | EndPage = 'category';
  /** @internal */ @state() answers: Answers = emptyAnswers();
  /** @internal */ @state() errors: FieldError[] = [];
  /** @internal The chosen category's questions (its service definition). */ @state() questions: ServiceAttribute[] = [];
  /** @internal */ @state() nearby: ServiceRequest[] = [];
  /** @internal undefined until probed. */ @state() mediaSupported: boolean | undefined;
  /** @internal */ @state() busy = false;
  /** @internal Sent to a token-only server: waiting for its reference (tokens/{token}). */ @state() confirming = false;
  /** The last list of categories that loaded: kept if a later reload of it fails. */
  @state() private loadedServices?: Service[];
  /** @internal The draft has been read: pages can be shown. */ @state() ready = false;
  /** @internal */ @state() confirmation?: Confirmation;
  /** @internal */ @state() search = '';
  /** @internal Why the last send was refused (a 4xx), in plain words (send-errors.ts). */ @state() refusal = '';
  /** @internal */ returnToCheck = false;
  /** @internal The asset question's answer came from the map (so "I can't find it" may clear it). */ mapFilledAsset = false;
  /** @internal The report's Idempotency-Key: one per report, kept across reloads and retries. */ key = createIdempotencyKey();

  /** @internal Photo uploads (created with the pages chunk). */ photos?: PhotoUploads;
  private pagesModule?: typeof import('./pages/flow-pages.js');
  private chunks = new Map<string, Promise<unknown>>();
  /** @internal 'failed' when a part of the form could not be downloaded (offline). */ @state() chunk: '' | 'loading' | 'failed' = '';
  private definitions = new Map<string, Promise<ServiceAttribute[]>>();
  private focusOnUpdate = false;
  private restored = false;
  private clientCache?: [string, Open311Client];

  /** @internal Loading the categories: '' (not yet), 'loading', 'failed', 'done'. */
  @state() servicesState: '' | 'loading' | 'failed' | 'done' = '';
  private servicesFor = '';

  /**
   * What the categories and questions depend on: the server, the key, and the resident's
   * language (a server with Welsh answers in it; the page's `lang` can change without a reload).
   */
  private get serverKey(): string {
    return `${this.endpoint}\n${this.apiKey}\n${this.jurisdictionId}\n${this.locale}`;
  }

  /**
   * @internal (Re)loads the categories when the endpoint or the language changes, and the chosen
   * category's questions with them; a failed reload keeps the last list.
   */
  async loadServices(): Promise<void> {
    const id = this.serverKey;
    this.servicesFor = id;
    this.servicesState = 'loading';
    try {
      const services = await this.client.services();
      if (this.servicesFor !== id) return;
      this.loadedServices = services;
      this.servicesState = 'done';
      // A restored or chosen category's questions, in the new language.
      if (this.restored && this.answers.serviceCode) await this.loadQuestions(this.answers.serviceCode).catch(() => undefined);
    } catch (error) {
      if (this.servicesFor !== id) return;
      this.fail('load-services', error);
      this.servicesState = 'failed';
    }
  }

  /** The endpoint's configuration document, read in parallel with the categories. */
  private readonly config = new WidgetConfigController(this);

  /** @internal What the pages use: an attribute the page sets wins over the backend's configuration. */
  get settings(): ReportSettings {
    const c = this.config.value ?? {};
    // The address search is one setting: a page that names its geocoder or URL takes none of the backend's.
    const search: NonNullable<WidgetConfig['geocoder']> =
      this.geocoder != null || this.geocoderUrl != null ? { kind: this.geocoder, url: this.geocoderUrl } : (c.geocoder ?? {});
    const phone = this.phone ?? c.council?.phone ?? '';
    return {
      mapStyle: this.mapStyle ?? c.mapStyle ?? '',
      boundarySrc: this.boundarySrc ?? c.boundary ?? '',
      areasSrc: this.areasSrc ?? c.areas ?? '',
      geocoder: search.kind ?? '',
      geocoderUrl: search.url ?? '',
      reverseUrl: search.reverseUrl ?? '',
      geocoderKey: search.key ?? '',
      trackerUrl: this.trackerUrl ?? c.trackerUrl ?? '',
      assets: assetLayerFor(c, this.answers.serviceCode),
      phone,
      // The hours belong to the backend's number: shown only with that number.
      openingHours: phone === c.council?.phone ? (c.council.openingHours ?? '') : '',
    };
  }

  /** Browser Back and Forward between the form's pages (history.ts). */
  private readonly history = new FormHistoryController(this, {
    id: () => (this.endpoint ? `${this.endpoint} ${this.serviceCode}` : ''),
    onPop: (page) => {
      // A sent (or waiting) report's pages are gone; an entry for a page the answers no longer
      // lead to (another category since) is skipped over by staying where we are.
      if (this.page === 'done' || this.page === 'queued' || this.busy) return;
      const known =
        this.pages.includes(page as PageId) ||
        (page === 'existing' && !!this.answers.duplicate) ||
        (page === 'stopped' && !!stopFor(this.questions, this.answers.attributes));
      if (known) this.go(page as PageId | EndPage, false);
    },
  });

  private readonly draft = new DraftController<Draft>(this, {
    key: () => (this.endpoint ? `report:${this.endpoint}:${this.serviceCode}` : ''),
    snapshot: () =>
      this.restored ? { answers: this.answers, page: this.page, key: this.key, returnToCheck: this.returnToCheck } : undefined,
  });

  /*
   * One queue per site, not per endpoint: a report saved on one page is sent by whichever report
   * form the resident opens next on the council's site (a council has one Open311 endpoint).
   */
  private readonly outbox = new OutboxController<Queued, CreatedRequest>(this, {
    queue: () => (this.endpoint ? OUTBOX_QUEUE : ''),
    send: (entry) => this.client.createRequest(entry.payload.request, { idempotencyKey: entry.key }),
    onSent: (entry, created) => void this.sent(entry, created),
    onRejected: (entry, error) => this.rejected(entry, error),
  });

  /** The Open311 client for the current settings. */
  get client(): Open311Client {
    const id = this.serverKey;
    if (this.clientCache?.[0] !== id) {
      this.clientCache = [
        id,
        new Open311Client({
          endpoint: this.endpoint,
          apiKey: this.apiKey || undefined,
          jurisdictionId: this.jurisdictionId || undefined,
          language: this.locale,
        }),
      ];
    }
    return this.clientCache[1];
  }

  /** The categories, once loaded. */
  get services(): Service[] {
    return this.loadedServices ?? [];
  }

  /** @internal The chosen category. */
  get service(): Service | undefined {
    return this.services.find((s) => s.code === this.answers.serviceCode);
  }

  /** @internal */
  get flow(): FlowState {
    return {
      preselected: !!this.serviceCode && !!this.services.find((s) => s.code === this.serviceCode),
      attributes: this.questions,
      answers: this.answers,
      nearby: this.nearby,
      photos: this.mediaSupported !== false,
    };
  }

  /** @internal */
  get pages(): PageId[] {
    return pagesFor(this.flow);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.endpoint) this.configError('"endpoint" is required: the Open311 base URL, e.g. https://council.example/open311/v2');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Also when the language changed: the locale controller re-renders every element on a change.
    if (this.endpoint && this.servicesFor !== this.serverKey) void this.loadServices();
    if (this.chunk !== 'failed') {
      if (!['category', 'done', 'queued'].includes(this.page) && !this.pagesModule) void this.loadChunk('pages', true);
      if (this.page === 'where' && !customElements.get('civic-location-picker')) void this.loadChunk('picker', true);
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
      await this.loadQuestions(this.answers.serviceCode).catch(() => undefined);
      if (this.answers.place && this.pages.includes('photos')) await this.probeMedia();
      // A queued report stays on the "waiting" page; the outbox sends it and shows the confirmation.
      let page = saved.page;
      // "Waiting" with nothing waiting: another tab sent it (or it was refused) and this tab never
      // heard. Back to the check page: sending again with the same Idempotency-Key brings back
      // the reference the server already gave, and stores nothing twice.
      if (page === 'queued' && !(await new OutboxStore<Queued>(OUTBOX_QUEUE).get(this.key))) page = 'check';
      if (this.page !== 'done') {
        this.page = page === 'done' || page === 'existing' || (page !== 'queued' && !this.pages.includes(page as PageId)) ? this.pages[0]! : page;
      }
    } else if (this.flow.preselected) {
      this.answers = { ...this.answers, serviceCode: this.serviceCode };
      await this.loadQuestions(this.serviceCode).catch(() => undefined);
      if (this.page !== 'done') this.page = this.pages[0]!;
    }
    this.ready = true;
    void this.showRefusal();
  }

  /** @internal Reports a failure to the page (the resident sees their own message). */
  fail(operation: string, cause: unknown): void {
    this.emit(new CivicErrorEvent({ operation, message: String((cause as Error)?.message ?? cause).slice(0, 200), cause }));
  }

  /** @internal The category's questions (cached per category and language). */
  async loadQuestions(code: string): Promise<void> {
    const service = this.services.find((s) => s.code === code);
    if (!service?.metadata) {
      this.questions = [];
      return;
    }
    // Per server and language: a Welsh page gets the questions in Welsh.
    const server = this.serverKey;
    const key = `${server}\n${code}`;
    let p = this.definitions.get(key);
    if (!p) {
      p = this.client.serviceDefinition(code).then((d) => d.attributes);
      this.definitions.set(key, p);
      p.catch(() => this.definitions.delete(key));
    }
    const questions = await p;
    if (this.serverKey === server) this.questions = questions;
    // The language (or server) changed while these loaded: load them again for the new one,
    // rather than count on another load having started (nothing else may be on its way).
    else if (this.answers.serviceCode === code) await this.loadQuestions(code);
  }

  /** @internal Media upload is an extension: ask the server once whether it has it. */
  async probeMedia(): Promise<void> {
    if (this.mediaSupported !== undefined) return;
    try {
      // An empty file: a server with uploads refuses it (400), one without answers 404/405/501.
      await this.client.uploadMedia(new Blob([], { type: 'image/jpeg' }));
      this.mediaSupported = true;
    } catch (error) {
      this.mediaSupported = !(error instanceof UnsupportedError);
    }
  }

  /** @internal Updates answers (and so the draft). */
  set(patch: Partial<Answers>): void {
    this.answers = { ...this.answers, ...patch };
  }

  /** @internal Answers one of the category's questions. */
  answer(code: string, value: string | string[]): void {
    this.set({ attributes: { ...this.answers.attributes, [code]: value } });
  }

  /** @internal Shows a page and moves focus to its heading. */
  go(page: PageId | EndPage, push = true): void {
    if (push) this.history.push(this.page, page);
    this.page = page;
    this.errors = [];
    this.refusal = '';
    this.focusOnUpdate = true;
  }

  /** @internal The page before this one, for Back. */
  get previous(): PageId | undefined {
    const pages = this.pages;
    const i = pages.indexOf(this.page as PageId);
    if (this.page === 'existing') return 'duplicates';
    return i > 0 ? pages[i - 1] : undefined;
  }

  /** @internal Validates the page's fields (plus `extra` problems) and shows the error summary. */
  check(extra: FieldError[] = []): boolean {
    const fields = [...this.renderRoot.querySelectorAll<HTMLElement & { reportValidity(): boolean; validationMessage: string }>('[data-field]')];
    this.errors = [...validateFields(fields), ...extra];
    return !this.errors.length;
  }

  /** @internal "Continue": check, do what the page needs, then show the next page. */
  async next(extra: FieldError[] = []): Promise<void> {
    if (this.busy || !this.check(extra)) return;
    const page = this.page as PageId;
    this.busy = true;
    try {
      if (page === 'category') {
        void this.loadChunk('picker');
        if (!(await this.loadChunk('pages'))) return void (this.errors = [questionsError(this, undefined)]);
        try {
          await this.loadQuestions(this.answers.serviceCode);
        } catch (error) {
          this.fail('load-questions', error);
          return void (this.errors = [questionsError(this, error)]);
        }
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
    const pages = this.pages;
    const after = this.returnToCheck ? (nextUnanswered(this.flow, page) ?? 'check') : pages[pages.indexOf(page) + 1];
    if (after === 'check') this.returnToCheck = false;
    this.go(after ?? 'check');
  }

  /** @internal Open reports of the same category near the chosen place. */
  private async findNearby(): Promise<void> {
    const { place, serviceCode } = this.answers;
    this.nearby = [];
    // A place described in words has no point to search near.
    if (!place || !hasPoint(place)) return;
    try {
      // With the near-a-point extension the server filters; without it, it returns recent
      // requests and nearbyOpen() filters them here. Either way the answer is the same.
      const since = new Date(Date.now() - 90 * 86_400_000);
      const found = await this.client.requests({ serviceCode, lat: place.lat, long: place.lng, radius: this.nearbyRadius, startDate: since, status: 'open' });
      this.nearby = nearbyOpen(found, serviceCode, place, this.nearbyRadius);
    } catch (error) {
      // "Is it one of these?" is a help, not a step a resident must pass: carry on without it.
      this.fail('lookup', error);
    }
    if (!this.nearby.some((r) => r.id === this.answers.duplicate)) this.set({ duplicate: '' });
  }

  /** @internal A "Change" link on the check page. */
  change(page: PageId): void {
    this.returnToCheck = true;
    this.go(page);
  }

  /** @internal Back. */
  back(event: Event): void {
    event.preventDefault();
    const previous = this.previous;
    if (previous) this.go(previous);
  }

  /** @internal "Send report". */
  async submit(): Promise<void> {
    // Never twice: a token-only server ignores Idempotency-Key, so a second POST is a second report.
    if (this.busy || this.confirming) return;
    // Never send a report one of whose answers says to call instead (e.g. restored from a draft).
    if (stopFor(this.questions, this.answers.attributes)) {
      this.go('stopped');
      return;
    }
    const request = toRequest(this.flow, msg('More photos:', { id: 'report.morePhotos' }));
    if (!this.emit(new CivicSubmitEvent({ request, idempotencyKey: this.key }))) return;
    this.busy = true;
    this.refusal = '';
    this.draft.flush();
    try {
      const result = await this.outbox.submit(this.key, { request, draftKey: this.key, answers: this.answers });
      if (result.status === 'queued') {
        this.fail('submit', result.error);
        this.go('queued');
      }
    } catch (error) {
      // The outbox itself failed (storage refused): say so, keep the answers.
      this.fail('submit', error);
      this.refusal = msg('Your report could not be sent. Try again.', { id: 'report.error.send' });
      this.errors = [{ message: this.refusal, target: this.headingTarget() }];
    } finally {
      this.busy = false;
    }
  }

  /** @internal "Try sending it now" on the waiting page. */
  retry(): void {
    void this.outbox.flush(true);
  }

  private async sent(entry: OutboxEntry<Queued>, created: CreatedRequest): Promise<void> {
    const queued = entry.attempts > 0;
    let id = created.serviceRequestId;
    if (!id && created.token) {
      // A batch server answers with a token first; it usually has the id within seconds.
      this.confirming = true;
      id = await waitForId(this.client, created.token).finally(() => (this.confirming = false));
    }
    if (entry.payload.draftKey === this.key || entry.payload.draftKey === this.draft.load()?.key) {
      this.draft.clear();
      this.answers = this.serviceCode ? { ...emptyAnswers(), serviceCode: this.serviceCode } : emptyAnswers();
      this.key = createIdempotencyKey();
      this.photos?.clear();
    }
    this.confirmation = { id, token: created.token, notice: created.serviceNotice, email: entry.payload.request.email ?? '', queued };
    const shown = this.ready;
    this.go('done');
    // Sent while the form was still loading (a report saved on an earlier visit): that is the
    // first page the resident sees, so focus stays where the council's page has it.
    if (!shown) this.focusOnUpdate = false;
    this.emit(
      new CivicSubmittedEvent({ serviceRequestId: id, ...(created.token ? { token: created.token } : {}), serviceNotice: created.serviceNotice, queued }),
    );
  }

  private refused?: { entry: OutboxEntry<Queued>; error: unknown };

  private rejected(entry: OutboxEntry<Queued>, error: unknown): void {
    this.fail('submit', error);
    this.refused = { entry, error };
    if (this.ready) void this.showRefusal();
  }

  /**
   * A refusal is final: take the resident back to their answers with the server's reason. A
   * report refused while waiting from an earlier visit brings its own answers back.
   */
  private async showRefusal(): Promise<void> {
    const refused = this.refused;
    this.refused = undefined;
    if (!refused) return;
    const { entry, error } = refused;
    if (entry.payload.draftKey !== this.key) {
      if (!entry.payload.answers) return;
      this.answers = entry.payload.answers;
      await this.loadQuestions(this.answers.serviceCode).catch(() => undefined);
    }
    // Nothing was stored: the corrected report is a new submission with a new key.
    this.key = createIdempotencyKey();
    this.go('check');
    this.focusOnUpdate = false; // the error summary takes focus instead
    await this.updateComplete;
    // In plain words, each linking to the field it names (the questions are loaded by now).
    const refusals: Refusal[] = refusalsFor(this, error);
    this.refusal = refusals.map((r) => r.message).join(' ');
    this.errors = refusalErrors(this, refusals);
  }

  /** @internal Follow an existing report instead of making a duplicate: start again. */
  startAgain(): void {
    this.draft.clear();
    this.answers = this.serviceCode ? { ...emptyAnswers(), serviceCode: this.serviceCode } : emptyAnswers();
    this.key = createIdempotencyKey();
    this.nearby = [];
    this.photos?.clear();
    this.confirmation = undefined;
    this.restored = true;
    this.go(this.pages[0]!);
  }

  /**
   * @internal The pages after the first and the location picker (with its map code) are
   * downloaded when needed, to keep the first load small; both are fetched as soon as a
   * category is chosen. `show` puts "Loading…" (or a way to try again) in place of the page.
   */
  async loadChunk(what: 'pages' | 'picker', show = false): Promise<boolean> {
    let p = this.chunks.get(what);
    if (!p) {
      p =
        what === 'pages'
          ? import('./pages/flow-pages.js').then((m) => {
              this.pagesModule = m;
              this.photos = new m.PhotoUploads(this);
            })
          : import('@civic-widgets/location-picker/define');
      this.chunks.set(what, p);
      p.catch(() => this.chunks.delete(what));
    }
    if (show) this.chunk = 'loading';
    try {
      await p;
      // A page the resident moved to while this loaded gets its heading focused once shown
      // (focusOnUpdate waits for it); a page shown on load or from a draft does not.
      if (show) this.chunk = '';
      return true;
    } catch (error) {
      this.fail('load', error);
      if (show) this.chunk = 'failed';
      return false;
    }
  }

  /** "Try again" after a failure: the page that then loads gets its heading focused (the button is gone). */
  private tryAgain = () => {
    this.focusOnUpdate = true;
    if (this.chunk) this.chunk = '';
    else void this.loadServices();
  };

  /** @internal A target for page-level errors: the page heading. */
  headingTarget(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('h1') ?? this;
  }

  /**
   * GOV.UK: focus moves to the new page's heading only when the resident moves between pages
   * (Continue, Back, Change, Try again): `go()` asks for it. Never on first render or when a
   * draft is restored, so the council's own heading and introduction stay in view.
   */
  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    super.updated(changed);
    if (!this.focusOnUpdate) return;
    // Still "Loading…" (the page's code or the categories): focus its heading once it is shown.
    if (this.chunk === 'loading' || !(this.page === 'done' || this.chunk === 'failed' || this.servicesState === 'failed' || (this.loadedServices && this.ready))) {
      return;
    }
    this.focusOnUpdate = false;
    // Question pages use the field's label as the page's <h1> (GOV.UK): it lives in the field.
    let heading = this.renderRoot.querySelector<HTMLElement>('h1');
    if (!heading) {
      const field = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-field]');
      await field?.updateComplete;
      heading = field?.shadowRoot?.querySelector<HTMLElement>('h1') ?? null;
    }
    if (heading) {
      heading.tabIndex = -1;
      // Focusable only while it has focus (as GOV.UK Frontend does): a question field delegates
      // focus to its first focusable element, which must be its control again once the resident
      // moves on, or an error summary link to the field would land on this heading.
      if (heading.getRootNode() !== this.renderRoot) {
        heading.addEventListener('blur', () => heading.removeAttribute('tabindex'), { once: true });
      }
      heading.focus();
      heading.scrollIntoView?.({ block: 'nearest' });
    }
  }

  /** @internal Back link, page caption and error summary shared by the question pages. */
  renderTop(showBack = true) {
    const pages = this.pages;
    const i = pages.indexOf(this.page as PageId);
    return html`
      ${showBack && this.previous
        ? html`<a class="back" href="#" @click=${this.back}>${msg('Back', { id: 'report.back' })}</a>`
        : nothing}
      <civic-error-summary .errors=${this.errors}></civic-error-summary>
      ${i >= 0
        ? html`<span class="caption">${msg(str`Step ${i + 1} of ${pages.length}`, { id: 'report.progress' })}${this.service
            ? html` · ${this.service.name}`
            : nothing}</span>`
        : nothing}
    `;
  }

  /** @internal The emergency notice, on the first page after the category is chosen. */
  renderEmergency() {
    const notice = this.service?.emergencyNotice;
    const first = this.pages.find((p) => p !== 'category');
    if (!notice || this.page !== first) return nothing;
    return html`<div class="warning" role="note">
      <span class="warning-icon" aria-hidden="true">!</span>
      <p><span class="visually-hidden">${msg('Warning', { id: 'report.warning' })}</span> ${notice}</p>
    </div>`;
  }

  /** @internal The Continue button. */
  renderContinue(extra?: () => FieldError[]) {
    return html`<button class="button" type="button" ?disabled=${this.busy} @click=${() => void this.next(extra?.() ?? [])}>
      ${msg('Continue', { id: 'report.continue' })}
    </button>`;
  }

  private renderPage() {
    const page = this.page;
    if (page === 'done') return renderDone(this);
    if (page === 'queued') return renderQueued(this, this.outbox.pending.length);
    if (page === 'category') return renderCategory(this);
    const m = this.pagesModule;
    if (!m) return nothing;
    if (page === 'existing') return m.renderExisting(this);
    if (page === 'stopped') {
      const stop = stopFor(this.questions, this.answers.attributes);
      return m.renderStopped({
        text: stop?.text ?? '',
        phone: this.settings.phone,
        onChange: () => this.go(stop ? `question:${stop.code}` : this.pages[0]!),
      });
    }
    if (page.startsWith('question:')) return m.renderQuestion(this, page.slice(9));
    if (page === 'description') return m.renderDescription(this);
    if (page === 'where') return m.renderWhere(this);
    if (page === 'duplicates') return m.renderDuplicates(this);
    if (page === 'photos') return m.renderPhotos(this);
    if (page === 'about') return m.renderAbout(this);
    return m.renderCheck(this);
  }

  override render() {
    if (!this.endpoint) {
      return html`<slot></slot>${this.renderContact()}`;
    }
    const showPages = this.page === 'done' || (this.loadedServices && this.ready);
    const failed = this.servicesState === 'failed' || this.chunk === 'failed';
    return html`
      <div @change=${this.onFieldChange} @civic-location-change=${this.onFieldChange}>
        ${showPages && this.chunk !== 'failed'
          ? this.chunk === 'loading'
            ? html`<p role="status">${msg('Loading…', { id: 'report.loading' })}</p>`
            : // One element per page: a field reused from the page before would keep its shown error.
              keyed(this.page, this.renderPage())
          : failed
            ? html`<h1 tabindex="-1">${msg('Sorry, you cannot report a problem online right now', { id: 'report.unavailable.title' })}</h1>
                <p class="body">${msg('We could not reach the council’s system. Try again in a few minutes.', { id: 'report.unavailable.body' })}</p>
                <button class="button button--secondary" type="button" @click=${this.tryAgain}>
                  ${msg('Try again', { id: 'report.tryAgain' })}
                </button>`
            : html`<p role="status">${msg('Loading…', { id: 'report.loading' })}</p>`}
      </div>
      ${this.renderContact()}
    `;
  }

  /**
   * A field the resident has put right leaves the error summary at once (its own message has
   * already gone): a summary still listing a fixed answer reads as if it were still wrong.
   */
  private onFieldChange = (event: Event) => {
    if (!this.errors.length) return;
    const field = event.composedPath().find((n): n is HTMLElement & { checkValidity(): boolean } =>
      n instanceof HTMLElement && n.hasAttribute('data-field'),
    );
    if (!field) return;
    void (field as { updateComplete?: Promise<unknown> }).updateComplete?.then(() => {
      if (field.checkValidity()) this.errors = this.errors.filter((e) => e.target !== field && !field.contains(e.target));
    });
  };

  private renderContact() {
    const { phone, openingHours } = this.settings;
    return html`<div class="contact" part="contact">
      <slot name="contact">
        ${phone
          ? html`<p>${msg('You can also report a problem by phone:', { id: 'report.contact.phone' })}
              <a href=${`tel:${phone.replace(/[^\d+]/g, '')}`}>${phone}</a>${openingHours ? ` (${openingHours})` : nothing}</p>`
          : nothing}
      </slot>
    </div>`;
  }
}
