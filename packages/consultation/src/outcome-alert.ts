import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ConsultationError, type ConsultationClient, type CivicTextInput } from '@civic-widgets/core';

export interface OutcomeAlertOptions {
  client: () => ConsultationClient | undefined;
  consultation: () => string;
  lang: () => 'en' | 'cy';
  failed: (error: unknown) => void;
}

/**
 * "Tell me the outcome", on the confirmation page: the respondent leaves an email address
 * and the server sends a link to confirm; once the council publishes what it decided, the
 * outcome is emailed. Asked after the response is sent, so the answers stay anonymous.
 */
export class OutcomeAlertController implements ReactiveController {
  #busy = false;
  #error = '';
  #problem = '';
  #sentTo = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: OutcomeAlertOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).querySelector<CivicTextInput>('civic-text-input');
    const client = this.o.client();
    if (!field || !client || this.#busy) return;
    await field.updateComplete;
    if (!field.reportValidity()) return;
    const email = field.value.trim();
    this.#busy = true;
    this.#error = this.#problem = '';
    this.host.requestUpdate();
    try {
      await client.subscribeAlerts({ email, consultation: this.o.consultation(), lang: this.o.lang() });
      this.#sentTo = email;
    } catch (error) {
      if (error instanceof ConsultationError && error.errors.some((e) => e.code === 'invalid_email')) {
        this.#error = msg('Enter an email address in the correct format, like name@example.com', { id: 'save.invalidEmail' });
      } else {
        this.#problem = msg('We could not sign you up just now. Try again in a few minutes.', { id: 'outcome.failed' });
      }
      this.o.failed(error);
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }

  render(): TemplateResult {
    return html`<section aria-labelledby="outcome-heading">
      <h2 class="heading-l" id="outcome-heading">${msg('Find out what we decide', { id: 'outcome.heading' })}</h2>
      ${this.#sentTo
        ? html`<p class="body" role="status">
            ${msg(str`We have sent a link to ${this.#sentTo}. Open it to confirm, and we will email you when we publish the outcome.`, {
              id: 'outcome.sent',
            })}
          </p>`
        : html`<p class="body">
              ${msg('We can email you when we publish what people told us and what we decided. Your email address is kept apart from your answers.', {
                id: 'outcome.intro',
              })}
            </p>
            <form novalidate @submit=${(e: Event) => void this.#submit(e)}>
              <civic-text-input
                type="email"
                autocomplete="email"
                required
                .label=${msg('Email address', { id: 'outcome.email' })}
                .hint=${msg('We will send you a link to confirm. Every email has a link to stop them.', { id: 'outcome.hint' })}
                .requiredMessage=${msg('Enter your email address', { id: 'saved.emailRequired' })}
                .errorMessage=${this.#error}
                @input=${() => (this.#error = '')}
              ></civic-text-input>
              ${this.#problem ? html`<p class="error-text" role="alert">${this.#problem}</p>` : nothing}
              <button type="submit" class="button button--secondary" ?disabled=${this.#busy}>
                ${msg('Email me the outcome', { id: 'outcome.submit' })}
              </button>
            </form>`}
    </section>`;
  }
}
