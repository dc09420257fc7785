import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { baseStyles } from '../styles/base.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { CivicFormField } from './form-field.js';
import { isoToParts, readDateParts, type DatePart, type DateParts } from './date-parts.js';
import type { Validator } from './validators.js';

/**
 * @summary A date as day, month and year boxes (GOV.UK date input), not a date picker.
 * @tag civic-date-input
 * @csspart input - Each of the three boxes.
 */
export class CivicDateInput extends CivicFormField<string> {
  static override styles = [baseStyles, fieldStyles];

  /** The date as `YYYY-MM-DD`, or '' while the boxes are empty or not yet a real date. */
  @property() value = '';
  /** Reject dates after today (e.g. "when did you notice it?"). */
  @property({ type: Boolean, attribute: 'not-future' }) notFuture = false;

  @state() private parts: DateParts = { day: '', month: '', year: '' };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A value set from outside (a draft, a property) fills the boxes; typing keeps them as typed.
    if (changed.has('value') && this.value !== this.reading.iso) this.parts = isoToParts(this.value);
    super.willUpdate(changed);
  }

  private get reading() {
    const reading = readDateParts(this.parts, { notFuture: this.notFuture });
    return { ...reading, iso: reading.kind === 'valid' ? reading.iso : '' };
  }

  protected get validators(): readonly Validator<string>[] {
    return [
      {
        flag: 'valueMissing',
        validate: () =>
          this.required && this.reading.kind === 'empty'
            ? { isValid: false, message: this.requiredMessage || msg('Enter a date', { id: 'date.required' }) }
            : { isValid: true, message: '' },
      },
      {
        flag: 'badInput',
        validate: () => {
          const reading = this.reading;
          return reading.kind === 'invalid' ? { isValid: false, message: reading.message } : { isValid: true, message: '' };
        },
      },
    ];
  }

  protected toFormValue(value: string): string | null {
    return value || null;
  }

  protected get validationAnchor() {
    return this.renderRoot.querySelector<HTMLInputElement>('input');
  }

  protected restoreFormState(state: string | FormData | null): void {
    this.value = typeof state === 'string' ? state : '';
  }

  private partsInError(): DatePart[] {
    if (!this.visibleError) return [];
    const reading = this.reading;
    return reading.kind === 'invalid' ? reading.parts : ['day', 'month', 'year'];
  }

  private onInput(part: DatePart, event: Event): void {
    this.parts = { ...this.parts, [part]: (event.target as HTMLInputElement).value };
    this.value = this.reading.iso;
  }

  override focus(options?: FocusOptions): void {
    // GOV.UK: the error summary link goes to the first box that is wrong.
    const first = this.partsInError()[0] ?? 'day';
    this.renderRoot.querySelector<HTMLInputElement>(`[data-part="${first}"]`)?.focus(options);
  }

  override render() {
    const wrong = this.partsInError();
    const box = (part: DatePart, label: string, autocomplete: string) => {
      const id = `${this.fieldId}-${part}`;
      return html`<div class="date-item date-item--${part}">
        <label class="label" for=${id}>${label}</label>
        <input
          part="input"
          class="input ${wrong.includes(part) ? 'input--error' : ''}"
          id=${id}
          data-part=${part}
          type="text"
          inputmode="numeric"
          spellcheck="false"
          autocomplete=${ifDefined(autocomplete || undefined)}
          .value=${live(this.parts[part])}
          ?disabled=${this.disabled}
          aria-invalid=${wrong.includes(part) ? 'true' : 'false'}
          @input=${(event: Event) => this.onInput(part, event)}
          @change=${this.dispatchChange}
        />
      </div>`;
    };
    return this.renderGroup(html`
      <fieldset role="group" aria-describedby=${ifDefined(this.describedBy)}>
        ${this.renderLegend()} ${this.renderHint()} ${this.renderError()}
        <div class="date">
          ${box('day', msg('Day', { id: 'date.day' }), '')} ${box('month', msg('Month', { id: 'date.month' }), '')}
          ${box('year', msg('Year', { id: 'date.year' }), '')}
        </div>
      </fieldset>
    `);
  }
}
