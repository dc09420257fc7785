import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  CivicElement,
  CivicErrorEvent,
  WidgetConfigController,
  loadWidgetConfig,
  Open311Client,
  baseStyles,
  buttonStyles,
  currentLocale,
  translationsReady,
  type CivicTextInput,
  type ServiceRequest,
} from '@civic-widgets/core';
import { styles } from './case-tracker.styles.js';
import { CivicCaseLoadEvent } from './events/case-load.js';
import { CivicCaseSelectEvent } from './events/case-select.js';
import type { SubscribeController } from './subscribe-controller.js';
import { loadFields, showFieldError } from './forms.js';
import { renderLookup } from './lookup-view.js';
import { renderContact, renderError, renderLoading } from './status-view.js';
import { checkReference } from './reference.js';
import { RefreshController } from './refresh-controller.js';
import {
  isClosed,
  parseStatusLabels,
  statusLabel,
  statusTone,
  type StatusLabels,
} from './status.js';
import type { ListLoader } from './list.js';
import { renderCase, renderPending, type Case } from './case-view.js';
import { fetchCase } from './find-request.js';
import './i18n.js';

/** What the element is loading: a case by its reference, or a page of the list. */
type Load = { kind: 'case'; reference: string; moveFocus: boolean } | { kind: 'list'; page: number; quiet: boolean };
type ListPage = { items: ServiceRequest[]; hasNext: boolean };
/** A load's outcome: its data, or the error that stopped it. */
type Loaded<K extends Load['kind'] = Load['kind']> = {
  load: Extract<Load, { kind: K }>;
  data?: K extends 'case' ? Awaited<ReturnType<typeof fetchCase>> : ListPage;
  error?: unknown;
};

type View =
  | { kind: 'lookup' }
  | { kind: 'loading' }
  | { kind: 'error'; retry: () => void }
  | { kind: 'case'; data: Case }
  | { kind: 'pending'; token: string }
  | { kind: 'list'; items: ServiceRequest[]; page: number; hasNext: boolean };

/**
 * @summary Lets a resident look up their report by its reference and see what the council has done.
 * @tag civic-case-tracker
 *
 * Case mode (default): a reference typed in, or from the `ref` attribute or the page URL's
 * `?ref=`, shows the case: what, where, when, who deals with it, its status in plain words and
 * the council's updates, newest first. List mode (`mode="list"`): recent reports near a point
 * or of one category.
 *
 * @slot contact - Other ways to get in touch (e.g. the council's phone number), shown under every
 *   view: the look-up form, a case, a list, and when something goes wrong (replaces the sentence
 *   built from `phone`). Light-DOM children without a slot are the no-JavaScript fallback and are
 *   not shown once the element has loaded.
 * @event civic-case-load - A case was shown (detail: request, updates, status).
 * @event civic-case-select - List mode: the resident chose a case; cancel it to show it yourself.
 * @event civic-case-subscribe - The resident asked for email updates and the server accepted.
 * @event civic-error - Something went wrong; the resident already sees a message.
 * @csspart heading - The heading of the case or list.
 * @csspart status - The status tag.
 * @csspart summary - The case details (a description list).
 * @csspart timeline - The list of updates.
 * @csspart photos - The thumbnails when a report has several photos.
 * @csspart button - Buttons.
 * @csspart contact - The "other ways to get in touch" box under every view.
 * @cssprop --civic-case-tracker-max-width - Width of the element (default 40em).
 * @cssprop --civic-case-tracker-timeline - Colour of the timeline line and dots.
 * @cssprop --civic-case-tracker-photo-width - Largest width of a photo (default 240px).
 * @cssprop --civic-case-tracker-thumbnail-width - Width of each thumbnail when a report has several photos (default 144px).
 * @cssprop --civic-case-tracker-map-height - Height of the small map (default 200px).
 * @cssprop --civic-case-tracker-tag-new - Background of a new case's tag (also -active, -done, -closed; add -text for the text colour).
 */
export class CivicCaseTracker extends CivicElement {
  static override styles = [baseStyles, buttonStyles, styles];

  /** The council's phone number, written as residents should see it, e.g. `01632 960000`: shown under every view. Default: the endpoint's configuration. */
  @property() phone?: string;
  /** The reference of the case to show. Without it, the page URL's `?ref=` or a look-up form. */
  @property({ attribute: 'ref' }) reference = '';
  /** `case` (default): one case by its reference. `list`: recent reports near a point or of a category. */
  @property({ reflect: true }) mode: 'case' | 'list' = 'case';
  /** The council's words for statuses, merged over ours: `{"fixed": "Repaired", "open": {"en": "Logged", "cy": "Wedi'i gofnodi"}}`. */
  @property({ attribute: 'status-labels' }) statusLabels = '';
  /** An example reference for the hint, e.g. `LDC-1001`. */
  @property({ attribute: 'reference-example' }) referenceExample = '';
  /**
   * An Open311 client to use instead of one made from `endpoint`, `api-key` and `jurisdiction-id`: for
   * an XML-only server, your own `fetch` or timeouts.
   */
  @property({ attribute: false }) client?: Open311Client;
  /** A regular expression a reference must match (without ^ $), e.g. `LDC-\d+`. */
  @property({ attribute: 'reference-pattern' }) referencePattern = '';
  /** The URL query parameter that carries a reference (default `ref`). Empty: don't read the URL. */
  @property({ attribute: 'url-param' }) urlParam = 'ref';
  /** The site's public key, sent as `api_key` on every call (private endpoints ask for it on GETs too). */
  @property({ attribute: 'api-key' }) apiKey = '';
  /** Sent as `jurisdiction_id` on every call, for servers that host several councils (FixMyStreet asks for it). */
  @property({ attribute: 'jurisdiction-id' }) jurisdictionId = '';
  /** Seconds between quiet refreshes while the page is visible: at least 60; 0 turns polling off. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 60;
  /**
   * A MapLibre style URL for a small map of the place. Shown only when the location picker
   * package is available with its read-only mode; otherwise the address alone.
   */
  @property({ attribute: 'map-style' }) mapStyle?: string;
  /** Passed to the map: where MapLibre's worker script is served (see docs/location-picker.md). */
  @property({ attribute: 'worker-url' }) workerUrl = '';
  /** Passed to the map: MapLibre's worker URL and CSS for toolchains that cannot import them (see docs/location-picker.md). */
  @property({ attribute: false }) mapAssets?: unknown;
  /** List mode: latitude of the point to list reports near. */
  @property({ type: Number }) lat?: number;
  /** List mode: longitude of the point to list reports near. */
  @property({ type: Number }) long?: number;
  /** List mode: metres around the point (default 500). */
  @property({ type: Number }) radius = 500;
  /** List mode: only this category (Open311 service_code). */
  @property({ attribute: 'service-code' }) serviceCode = '';
  /** List mode: only this status, e.g. `open`. */
  @property() status = '';
  /** List mode: reports per page (default 10). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  /** List mode: a link for each case, `{ref}` standing for its reference (e.g. `/track?ref={ref}`). Without it, the case opens here. */
  @property({ attribute: 'case-url' }) caseUrl = '';
  /** List mode: the heading (default "Recent reports"). */
  @property() heading = '';

  @state() private view: View = { kind: 'lookup' };
  @state() private lookupError = '';
  @state() private announcement = '';
  @state() private mapReady = false;
  /** List mode: the list to go back to after opening a case in place. */
  @state() private listView?: Extract<View, { kind: 'list' }>;

  @query('#reference') private referenceInput?: CivicTextInput;

  private ownClient?: Open311Client;
  private language?: string;
  /** Where focus goes after the next render (a new page's heading, an error summary). */
  private focusNext = '';
  private typedReference = '';
  // List mode and email updates are fetched when needed: most trackers show one case, and the
  // email offer appears only after the server has said it supports it.
  private listMode?: typeof import('./list-mode.js');
  private list?: ListLoader;
  private paged = false;
  private subscribe?: SubscribeController;
  private refresh = new RefreshController(this, {
    refresh: () => this.quietRefresh(),
    interval: () => this.pollInterval,
    active: () =>
      (this.view.kind === 'case' && !isClosed(this.view.data.status)) || (this.view.kind === 'list' && !this.listView),
  });

  /** The case on screen, if any. */
  get case(): Case | undefined {
    return this.view.kind === 'case' ? this.view.data : undefined;
  }

  private get labels(): StatusLabels {
    const parsed = parseStatusLabels(this.statusLabels);
    if (parsed instanceof Error) {
      this.configError(parsed.message);
      return {};
    }
    return parsed;
  }

  private get api(): Open311Client | undefined {
    if (this.client) return this.client;
    if (!this.endpoint) return undefined;
    const [apiKey, jurisdictionId] = [this.apiKey || undefined, this.jurisdictionId || undefined];
    const own = this.ownClient;
    if (own?.endpoint !== this.endpoint.replace(/\/+$/, '') || own.apiKey !== apiKey || own.jurisdictionId !== jurisdictionId || own.language !== this.locale) {
      // In the page's language: a server with Welsh answers the category, notice and updates in it.
      this.ownClient = new Open311Client({ endpoint: this.endpoint, apiKey, jurisdictionId, language: this.locale });
    }
    return this.ownClient;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.api) {
      this.configError('"endpoint" is required: the Open311 base URL, like https://council.example/open311/v2');
      return;
    }
    const firstTime = !this.hasUpdated || changed.has('client');
    // The page's language changed (a CMS switcher): read the shown case again in the new one.
    const languageChanged = this.language !== undefined && this.language !== this.locale;
    this.language = this.locale;
    if (languageChanged && this.view.kind === 'case') this.lookUp(this.view.data.request.id, false);
    if (this.mode === 'list') {
      const listKeys = ['endpoint', 'mode', 'lat', 'long', 'radius', 'serviceCode', 'status', 'pageSize'] as const;
      if (firstTime || listKeys.some((k) => changed.has(k))) this.loadList(1);
      return;
    }
    if (firstTime || changed.has('reference') || changed.has('endpoint') || changed.has('mode')) {
      const ref = this.reference || (firstTime ? this.fromUrl() : '');
      if (ref) this.lookUp(ref, false);
      else if (!firstTime && changed.has('reference')) this.view = { kind: 'lookup' };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusNext && this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (target) {
      this.focusNext = '';
      target.focus();
    }
  }

  private fromUrl(): string {
    if (!this.urlParam) return '';
    return new URLSearchParams(location.search).get(this.urlParam)?.trim() ?? '';
  }

  private fail(operation: string, message: string, cause?: unknown): void {
    this.emit(new CivicErrorEvent({ operation, message, cause }));
  }

  /**
   * Case look-ups and list pages through one Task: a new load aborts the one on its way, and only
   * the latest load's answer is shown (choosing a case while the list reloads, a language change
   * while a case loads).
   */
  private readonly loads = new Task<readonly [Load], Loaded>(this, {
    autoRun: false,
    task: async ([load], { signal }) => {
      try {
        return { load, data: load.kind === 'case' ? await fetchCase(this.api!, load.reference, signal) : await this.fetchList(load.page, signal) };
      } catch (error) {
        return { load, error };
      }
    },
    onComplete: (loaded) => void (loaded.load.kind === 'case' ? this.caseLoaded(loaded as Loaded<'case'>) : this.listLoaded(loaded as Loaded<'list'>)),
  });

  private lookUp(reference: string, moveFocus: boolean): void {
    this.refresh.stop();
    this.lookupError = '';
    this.view = { kind: 'loading' };
    void this.loads.run([{ kind: 'case', reference, moveFocus }]);
  }

  private async caseLoaded({ load, data, error }: Loaded<'case'>): Promise<void> {
    const { reference, moveFocus } = load;
    if (error) {
      this.view = { kind: 'error', retry: () => this.lookUp(reference, true) };
      if (moveFocus) this.focusNext = 'h2';
      this.fail('lookup', 'Could not load the report', error);
    } else if (!data) {
      this.typedReference = reference;
      this.lookupError = msg(str`We cannot find a report with the reference ${reference}. Check it against the one in your email.`, {
        id: 'tracker.lookup.notFound',
      });
      this.view = { kind: 'lookup' };
      this.fail('lookup', 'No report has this reference');
      await showFieldError(this, '#lookup-summary', '#reference', this.lookupError);
    } else if ('token' in data) {
      this.view = { kind: 'pending', token: data.token };
      if (moveFocus) this.focusNext = 'h2';
    } else this.show(data, moveFocus);
  }

  private show(data: Case, moveFocus: boolean): void {
    const previous = this.case;
    this.view = { kind: 'case', data };
    if (moveFocus) this.focusNext = 'h2';
    this.announcement = '';
    this.mapReady = false;
    if (previous?.request.id !== data.request.id) this.subscribe?.reset();
    this.emit(new CivicCaseLoadEvent({ request: data.request, updates: data.updates, status: data.status }));
    this.refresh.schedule();
    if (!isClosed(data.status)) void this.offerEmailUpdates(data.request.id);
    void this.loadMap(data.request);
  }

  private async offerEmailUpdates(id: string): Promise<void> {
    try {
      const { SubscribeController } = await import('./subscribe-controller.js');
      this.subscribe ??= new SubscribeController(this, {
        api: () => this.api,
        caseId: () => this.case?.request.id,
        focus: (selector) => (this.focusNext = selector),
      });
    } catch {
      return; // The chunk did not arrive (offline): the offer is an extra, not the case itself.
    }
    await this.subscribe.offer(id);
  }

  private async quietRefresh(): Promise<void> {
    const current = this.case;
    if (current) {
      try {
        const data = await fetchCase(this.api!, current.request.id);
        if (!data || 'token' in data || this.case?.request.id !== current.request.id) return;
        const changed =
          data.status !== current.status ||
          (data.updates?.length ?? 0) !== (current.updates?.length ?? 0) ||
          data.request.updatedAt?.getTime() !== current.request.updatedAt?.getTime();
        if (!changed) return;
        this.announcement =
          data.status !== current.status
            ? msg(str`This report's status has changed to ${statusLabel(data.status, this.labels, currentLocale())}.`, {
                id: 'tracker.announce.status',
              })
            : msg('The council has updated this report.', { id: 'tracker.announce.update' });
        this.view = { kind: 'case', data };
        if (isClosed(data.status)) this.subscribe?.reset();
        this.emit(new CivicCaseLoadEvent({ request: data.request, updates: data.updates, status: data.status }));
      } catch (error) {
        // What is on screen is still right as far as we know: say nothing, try again later.
        this.fail('refresh', 'Could not check the report for changes', error);
      }
    } else if (this.view.kind === 'list') {
      this.loadList(this.view.page, true);
    }
  }

  /** The endpoint's configuration document (its map style), read in parallel with the first request. */
  private config = new WidgetConfigController(this);
  /** The map style in use: the attribute, else the configuration document's. */
  private shownMapStyle = '';

  private async loadMap(request: ServiceRequest): Promise<void> {
    if (request.lat === null || request.long === null) return;
    // The configuration document was asked for when the element first rendered: it is usually
    // here already, and only the small map waits for it.
    // An attribute wins ("" for no map).
    this.shownMapStyle = this.mapStyle ?? (this.endpoint ? ((await loadWidgetConfig(this.endpoint, this.locale))?.mapStyle ?? '') : '');
    if (!this.shownMapStyle) return;
    try {
      // The picker (and MapLibre behind it) is optional and heavy: fetched only when the council
      // configured a map and the case has a place. Without the package, the address alone.
      // @ts-ignore -- optional: a build or checkout without the picker package takes the catch below.
      await import('@civic-widgets/location-picker/define');
      // Its strings in the tracker's language come in a chunk of their own: the map waits for them.
      await translationsReady(this.locale);
      // Only a picker that can show a place without offering to change it will do.
      const picker = customElements.get('civic-location-picker') as { elementProperties?: Map<PropertyKey, unknown> } | undefined;
      if (!picker?.elementProperties?.has('readonly')) return;
      if (this.case?.request.id === request.id) this.mapReady = true;
    } catch {
      this.mapReady = false;
    }
  }

  private loadList(page: number, quiet = false): void {
    if (!this.api) return;
    if (!quiet) {
      this.view = { kind: 'loading' };
      this.refresh.stop();
    }
    void this.loads.run([{ kind: 'list', page, quiet }]);
  }

  /** One page of the list, near the point and of the category and status asked for. */
  private async fetchList(page: number, signal: AbortSignal): Promise<ListPage> {
    const near = this.lat !== undefined && this.long !== undefined && Number.isFinite(this.lat) && Number.isFinite(this.long);
    const query = {
      serviceCode: this.serviceCode || undefined,
      status: this.status || undefined,
      lat: near ? this.lat : undefined,
      long: near ? this.long : undefined,
      radius: near ? this.radius : undefined,
      pageSize: Math.max(1, Math.floor(this.pageSize) || 10),
    };
    this.listMode ??= await import('./list-mode.js');
    this.list ??= new this.listMode.ListLoader();
    return this.list.page(this.api!, query, page, signal);
  }

  private listLoaded({ load, data, error }: Loaded<'list'>): void {
    const { page, quiet } = load;
    if (error || !data) {
      if (quiet) return this.fail('refresh', 'Could not check the list for changes', error);
      this.view = { kind: 'error', retry: () => this.loadList(page) };
      return this.fail('list', 'Could not load the reports', error);
    }
    this.view = { kind: 'list', items: data.items, page, hasNext: data.hasNext };
    if (!quiet && (page > 1 || this.paged)) this.focusNext = 'h2';
    if (!quiet && page > 1) this.paged = true;
    this.refresh.schedule();
  }

  private onLookup(event: Event): void {
    event.preventDefault();
    const input = this.referenceInput!;
    const check = checkReference(input.value, this.referencePattern || undefined);
    if (!check.ok) {
      this.typedReference = input.value;
      const example = this.referenceExample;
      this.lookupError =
        check.reason === 'empty'
          ? msg('Enter the reference of your report', { id: 'tracker.lookup.empty' })
          : example
            ? msg(str`Enter the reference as it appears in your email, like ${example}`, { id: 'tracker.lookup.malformedExample' })
            : msg('Enter the reference as it appears in your email, using only letters, numbers and dashes', {
                id: 'tracker.lookup.malformed',
              });
      void showFieldError(this, '#lookup-summary', '#reference', this.lookupError);
      return;
    }
    this.typedReference = check.value;
    this.lookUp(check.value, true);
  }

  private select(event: Event, request: ServiceRequest): void {
    if (this.caseUrl) return; // A real link: let the browser follow it.
    event.preventDefault();
    if (!this.emit(new CivicCaseSelectEvent({ serviceRequestId: request.id }))) return;
    if (this.view.kind === 'list') this.listView = this.view;
    this.lookUp(request.id, true);
  }

  private backToList(): void {
    if (!this.listView) return;
    this.view = this.listView;
    this.listView = undefined;
    this.focusNext = 'h2';
    this.refresh.schedule();
  }

  private lookUpAnother(): void {
    this.refresh.stop();
    this.typedReference = '';
    this.lookupError = '';
    this.view = { kind: 'lookup' };
    this.focusNext = '#reference';
  }

  override render() {
    if (!this.api) {
      return html`<p class="body">${msg('Case tracking is not available on this page yet.', { id: 'tracker.config' })}</p>
        ${renderContact(this.phone ?? this.config.value?.council?.phone ?? '')}`;
    }
    return html`${this.renderView()} ${renderContact(this.phone ?? this.config.value?.council?.phone ?? '')}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderView(): TemplateResult | typeof nothing {
    const view = this.view;
    switch (view.kind) {
      case 'lookup':
        void loadFields();
        return renderLookup({ example: this.referenceExample, typed: this.typedReference, error: this.lookupError, onSubmit: (e) => this.onLookup(e) });
      case 'loading':
        return renderLoading(this.mode === 'list');
      case 'error':
        return renderError({ list: this.mode === 'list' && !this.listView, onRetry: view.retry, before: this.backLink() });
      case 'case':
        return renderCase({
          case: view.data,
          tag: (status) => this.tag(status),
          base: this.api!.endpoint,
          map: this.mapReady ? { style: this.shownMapStyle, workerUrl: this.workerUrl, assets: this.mapAssets } : null,
          before: this.backLink(),
          after: this.subscribe?.render() ?? nothing,
          lookUpAnother: !this.reference && !this.listView ? () => this.lookUpAnother() : undefined,
          language: this.locale,
        });
      case 'pending':
        return renderPending({ token: view.token, lookUpAnother: !this.reference ? () => this.lookUpAnother() : undefined });
      case 'list':
        return this.listMode!.renderList({
          ...view,
          heading: this.heading,
          caseUrl: this.caseUrl,
          tag: (status) => this.tag(status),
          select: (event, request) => this.select(event, request),
          go: (page) => this.loadList(page),
        });
    }
  }

  private backLink(): TemplateResult | typeof nothing {
    return this.listView
      ? html`<p class="back"><button class="link-button" type="button" @click=${this.backToList}>${msg('Back to the list', { id: 'tracker.list.back' })}</button></p>`
      : nothing;
  }

  private tag(status: string) {
    return html`<strong class="tag tag--${statusTone(status)}" part="status">${statusLabel(status, this.labels, currentLocale())}</strong>`;
  }
}
