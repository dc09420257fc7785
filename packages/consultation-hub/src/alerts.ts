import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ConsultationError, type ConsultationClient, type CivicTextInput } from '@civic-widgets/core';
import type { Facet } from './catalogue.js';

export interface AlertsOptions {
  client: () => ConsultationClient | undefined;
  lang: () => 'en' | 'cy';
  /** The server accepted: tell the page. */
  done: (topics: string[], areas: string[]) => void;
  failed: (error: unknown) => void;
}

/** What the alerts form shows: the filters it will subscribe to. */
export interface AlertsView {
  topics: Facet[];
  areas: Facet[];
}

/**
 * "Get emails about new consultations", for the topics and areas ticked in the filters (GOV.UK
 * finders' "Get emails" works the same way): one email field, and a link to confirm is sent.
 */
export class AlertsController implements ReactiveController {
  #busy = false;
  #error = '';
  #problem = '';
  #sentTo = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: AlertsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async #submit(event: Event, view: AlertsView): Promise<void> {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).querySelector<CivicTextInput>('civic-text-input');
    const client = this.o.client();
    if (!field || !client || this.#busy) return;
    await field.updateComplete;
    if (!field.reportValidity()) return;
    const topics = view.topics.map((t) => t.id);
    const areas = view.areas.map((a) => a.id);
    this.#busy = true;
    this.#error = '';
    this.#problem = '';
    this.host.requestUpdate();
    try {
      await client.subscribeAlerts({ email: field.value.trim(), topics, areas, lang: this.o.lang() });
      this.#sentTo = field.value.trim();
      this.o.done(topics, areas);
    } catch (error) {
      if (error instanceof ConsultationError && error.errors.some((e) => e.code === 'invalid_email')) {
        this.#error = msg('Enter an email address in the correct format, like name@example.com', { id: 'hub.alerts.invalid' });
      } else {
        this.#problem = msg('We could not sign you up just now. Try again in a few minutes.', { id: 'hub.alerts.failed' });
      }
      this.o.failed(error);
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }

  render(view: AlertsView): TemplateResult {
    const list = (facets: Facet[]) => facets.map((f) => f.label).join(', ');
    return html`<section class="alerts" aria-labelledby="alerts-heading">
      <h2 class="heading-l" id="alerts-heading">${msg('Get emails about new consultations', { id: 'hub.alerts.heading' })}</h2>
      ${this.#sentTo
        ? html`<div class="notice" role="status">
            <p class="heading-m">${msg('Check your email', { id: 'hub.alerts.checkTitle' })}</p>
            <p class="body">
              ${msg(str`We have sent a link to ${this.#sentTo}. Open it to confirm, and we will email you when we open a consultation you asked about.`, {
                id: 'hub.alerts.check',
              })}
            </p>
          </div>`
        : html`<p class="body">
              ${msg('We will email you when we open a consultation on the topics and areas you chose in the filters.', { id: 'hub.alerts.intro' })}
            </p>
            <dl class="chosen">
              <div>
                <dt>${msg('Topics', { id: 'hub.filter.topics' })}</dt>
                <dd>${view.topics.length ? list(view.topics) : msg('Any topic', { id: 'hub.alerts.anyTopic' })}</dd>
              </div>
              <div>
                <dt>${msg('Areas', { id: 'hub.filter.areas' })}</dt>
                <dd>${view.areas.length ? list(view.areas) : msg('Anywhere in the council area', { id: 'hub.alerts.anyArea' })}</dd>
              </div>
            </dl>
            <form novalidate @submit=${(e: Event) => void this.#submit(e, view)}>
              <civic-text-input
                type="email"
                autocomplete="email"
                required
                .label=${msg('Email address', { id: 'hub.alerts.email' })}
                .hint=${msg('We will send you a link to confirm. Every email has a link to stop them.', { id: 'hub.alerts.hint' })}
                .requiredMessage=${msg('Enter your email address', { id: 'hub.alerts.required' })}
                .errorMessage=${this.#error}
                @input=${() => (this.#error = '')}
              ></civic-text-input>
              ${this.#problem ? html`<p class="error-text" role="alert">${this.#problem}</p>` : nothing}
              <button type="submit" class="button button--secondary" ?disabled=${this.#busy}>
                ${msg('Subscribe', { id: 'hub.alerts.submit' })}
              </button>
            </form>`}
    </section>`;
  }
}
