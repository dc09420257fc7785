import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { ApiError, CivicErrorEvent, UnsupportedError, type CivicTextInput, type Open311Client } from '@civic-widgets/core';
import { CivicCaseSubscribeEvent } from './events/case-subscribe.js';
import { loadFields, showFieldError, submitOnEnter } from './forms.js';

type State = 'hidden' | 'form' | 'sending' | 'sent' | 'failed';

/** Whether each endpoint has the subscriptions extension, asked once per page. */
const support = new Map<string, Promise<boolean>>();

export interface SubscribeOptions {
  api: () => Open311Client | undefined;
  /** The reference of the case on screen. */
  caseId: () => string | undefined;
  /** Asks the host to move focus to `selector` after its next render. */
  focus: (selector: string) => void;
}

/**
 * "Email me when this changes": the subscriptions extension (`POST subscriptions`), offered
 * only where the server has it.
 */
export class SubscribeController implements ReactiveController {
  #state: State = 'hidden';

  constructor(
    private readonly host: LitElement,
    private readonly options: SubscribeOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  #set(state: State): void {
    this.#state = state;
    this.host.requestUpdate();
  }

  /** Hides the offer (another case, or this one closed). */
  reset(): void {
    if (this.#state !== 'hidden') this.#set('hidden');
  }

  /** Offers email updates on case `id` if the server has the extension. */
  async offer(id: string): Promise<void> {
    const client = this.options.api();
    if (!client) return;
    let known = support.get(client.endpoint);
    if (!known) {
      // A POST without an email is refused by a server that has the extension (400) and is
      // unknown to one that hasn't (404/405/501). Nothing is stored either way.
      known = client.subscribe(id, '').then(
        () => true,
        (error: unknown) => {
          if (error instanceof UnsupportedError) return false;
          // Offline or a server error says nothing about the extension: ask again next time.
          if (!(error instanceof ApiError) || error.status >= 500) support.delete(client.endpoint);
          return error instanceof ApiError && error.status < 500;
        },
      );
      support.set(client.endpoint, known);
    }
    if ((await known) && this.options.caseId() === id && this.#state === 'hidden') this.#set('form');
  }

  #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const input = this.host.renderRoot.querySelector<CivicTextInput>('#email');
    const id = this.options.caseId();
    const client = this.options.api();
    if (!input || !id || !client) return;
    input.errorMessage = '';
    if (!input.reportValidity()) {
      void showFieldError(this.host, '#subscribe-summary', '#email', input.validationMessage);
      return;
    }
    this.#set('sending');
    try {
      await client.subscribe(id, input.value.trim());
      this.#set('sent');
      this.options.focus('#subscribe-heading');
      this.host.dispatchEvent(new CivicCaseSubscribeEvent({ serviceRequestId: id }));
    } catch (error) {
      if (error instanceof UnsupportedError) {
        support.set(client.endpoint, Promise.resolve(false));
        this.#set('hidden');
        return;
      }
      this.host.dispatchEvent(new CivicErrorEvent({ operation: 'subscribe', message: 'Could not ask for email updates', cause: error }));
      if (error instanceof ApiError && error.kind === 'invalid') {
        // The server refused the address: say so on the field, as the browser-side check would.
        this.#set('form');
        const message = msg('Enter an email address in the correct format, like name@example.com', { id: 'tracker.subscribe.invalid' });
        await showFieldError(this.host, '#subscribe-summary', '#email', message, true);
      } else {
        this.#set('failed');
        this.options.focus('#subscribe-heading');
      }
    }
  };

  render(): TemplateResult | typeof nothing {
    switch (this.#state) {
      case 'hidden':
        return nothing;
      case 'sent':
        return html`<div class="subscribe">
          <h3 class="heading-m" id="subscribe-heading" tabindex="-1">${msg('Check your email', { id: 'tracker.subscribe.sentTitle' })}</h3>
          <p class="body">
            ${msg('We have sent you an email with a link. Open it to confirm you want updates about this report.', {
              id: 'tracker.subscribe.sent',
            })}
          </p>
        </div>`;
      case 'failed':
        return html`<div class="subscribe">
          <h3 class="heading-m" id="subscribe-heading" tabindex="-1">${msg('We could not set up email updates', { id: 'tracker.subscribe.failedTitle' })}</h3>
          <p class="body">${msg('Try again in a few minutes.', { id: 'tracker.subscribe.failed' })}</p>
          <button class="button button--secondary" part="button" type="button" @click=${() => this.#set('form')}>
            ${msg('Try again', { id: 'tracker.error.retry' })}
          </button>
        </div>`;
      default:
        void loadFields();
        return html`<form class="subscribe" novalidate @submit=${this.#submit}>
          <civic-error-summary id="subscribe-summary"></civic-error-summary>
          <h3 class="heading-m">${msg('Get updates by email', { id: 'tracker.subscribe.title' })}</h3>
          <civic-text-input
            id="email"
            type="email"
            autocomplete="email"
            required
            label=${msg('Email address', { id: 'tracker.subscribe.label' })}
            hint=${msg('We will only use it to tell you about this report.', { id: 'tracker.subscribe.hint' })}
            required-message=${msg('Enter your email address', { id: 'tracker.subscribe.required' })}
            @keydown=${submitOnEnter}
          ></civic-text-input>
          <button class="button button--secondary" part="button" type="submit" ?disabled=${this.#state === 'sending'}>
            ${msg('Email me when this changes', { id: 'tracker.subscribe.submit' })}
          </button>
        </form>`;
    }
  }
}
