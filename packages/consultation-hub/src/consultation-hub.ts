import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import {
  CivicElement,
  CivicErrorEvent,
  ConsultationClient,
  baseStyles,
  buttonStyles,
  fieldStyles,
  type ConsultationSummary,
} from '@civic-widgets/core';
import { AlertsController } from './alerts.js';
import { arrange, facets, type Filters } from './catalogue.js';
import { countText, renderHub } from './hub-view.js';
import { CivicAlertsSubscribeEvent } from './events/alerts-subscribe.js';
import { styles } from './consultation-hub.styles.js';
import './i18n.js';

/**
 * @summary A council's "Have your say" page: open consultations, closed ones awaiting a
 * decision and published outcomes, with search, topic and area filters, and email alerts.
 * @tag civic-consultation-hub
 *
 * Open consultations are listed closing soonest first; closed ones most recently closed first.
 * Each title links to the consultation through `consultation-url`.
 *
 * @slot fallback - Shown when the list cannot be loaded or the element is misconfigured, e.g. a
 *   phone number. Light-DOM children are also the no-JavaScript content.
 * @event civic-alerts-subscribe - The resident asked for emails about new consultations and a
 *   link to confirm was sent (detail: `topics`, `areas`).
 * @event civic-error - Loading the list or subscribing failed; the resident already sees a message.
 * @csspart entry - Each consultation in the lists.
 * @csspart count - "3 consultations found".
 * @csspart button - The search button.
 * @cssprop --civic-consultation-hub-max-width - Width of the element (default 60em).
 */
export class CivicConsultationHub extends CivicElement {
  static override styles = [baseStyles, buttonStyles, fieldStyles, styles];

  /**
   * The link to each consultation, `{id}` standing for its id, e.g.
   * `/have-your-say/consultation?consultation={id}` (a page with `<civic-consultation>`).
   */
  @property({ attribute: 'consultation-url' }) consultationUrl = '';
  /** Hides "Get emails about new consultations" (for a server without alerts). */
  @property({ type: Boolean, attribute: 'no-alerts' }) noAlerts = false;
  /** The list, when the page already has it (no fetch). */
  @property({ attribute: false }) consultations?: ConsultationSummary[];

  @state() private words = '';
  @state() private topics: string[] = [];
  @state() private areas: string[] = [];
  @state() private announcement = '';

  #quiet?: ReturnType<typeof setTimeout>;
  #client?: ConsultationClient;

  private get client(): ConsultationClient | undefined {
    if (!this.endpoint) return undefined;
    if (this.#client?.endpoint !== this.endpoint.replace(/\/+$/, '')) this.#client = new ConsultationClient({ endpoint: this.endpoint });
    return this.#client;
  }

  #list = new Task(this, {
    task: async ([, given], { signal }) => {
      if (given) return given;
      const client = this.client;
      if (!client) throw new Error('no endpoint');
      try {
        return await client.list({ signal });
      } catch (error) {
        if (!signal.aborted) this.emit(new CivicErrorEvent({ operation: 'list-consultations', message: String(error), cause: error }));
        throw error;
      }
    },
    args: () => [this.endpoint, this.consultations] as const,
  });

  #alerts = new AlertsController(this, {
    client: () => this.client,
    lang: () => this.locale,
    done: (topics, areas) => this.emit(new CivicAlertsSubscribeEvent({ topics, areas })),
    failed: (error) => this.emit(new CivicErrorEvent({ operation: 'subscribe-alerts', message: String(error), cause: error })),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.endpoint && !this.consultations) this.configError('"endpoint" is required: the consultation API, like https://council.example/api/consultations');
    if (!this.consultationUrl) this.configError('"consultation-url" is required to link each consultation, like /have-your-say/consultation?consultation={id}');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#quiet);
  }

  private get filters(): Filters {
    return { words: this.words, topics: this.topics, areas: this.areas };
  }

  /**
   * Says the new count in the live region once the resident pauses, so a screen reader reads
   * one number rather than one per key pressed.
   */
  #announce(list: readonly ConsultationSummary[], wait: number): void {
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => {
      const groups = arrange(list, this.filters);
      this.announcement = countText(groups.open.length + groups.awaiting.length + groups.outcome.length);
    }, wait);
  }

  override render() {
    if (!this.endpoint && !this.consultations) return html`<slot name="fallback"></slot>`;
    return this.#list.render({
      initial: () => this.#loading(),
      pending: () => this.#loading(),
      error: () => html`<div class="notice" role="alert">
          <h2 class="heading-l">${msg('Sorry, there is a problem with the service', { id: 'hub.error.title' })}</h2>
          <p class="body">${msg('We could not load the consultations just now. Try again in a few minutes.', { id: 'hub.error.body' })}</p>
          <button type="button" class="button button--secondary" @click=${() => void this.#list.run()}>
            ${msg('Try again', { id: 'hub.error.retry' })}
          </button>
        </div>
        <slot name="fallback"></slot>`,
      complete: (list) => {
        const lang = this.locale;
        const topics = facets(list, 'topics', lang);
        const areas = facets(list, 'areas', lang);
        return html`${renderHub({
          lang,
          groups: arrange(list, this.filters),
          topics,
          areas,
          filters: this.filters,
          consultationUrl: this.consultationUrl,
          announcement: this.announcement,
          onWords: (words) => {
            this.words = words;
            this.#announce(list, 700);
          },
          onTopics: (ids) => {
            this.topics = ids;
            this.#announce(list, 0);
          },
          onAreas: (ids) => {
            this.areas = ids;
            this.#announce(list, 0);
          },
          onSearch: (event) => {
            event.preventDefault();
            this.#announce(list, 0);
          },
          onClear: () => {
            this.words = '';
            this.topics = [];
            this.areas = [];
            this.#announce(list, 0);
            void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#search')?.focus());
          },
        })}
        ${this.noAlerts || !this.client
          ? ''
          : this.#alerts.render({
              topics: topics.filter((t) => this.topics.includes(t.id)),
              areas: areas.filter((a) => this.areas.includes(a.id)),
            })}`;
      },
    });
  }

  #loading() {
    return html`<p class="body" role="status">${msg('Loading consultations…', { id: 'hub.loading' })}</p>`;
  }
}
