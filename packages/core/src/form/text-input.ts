import { html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { baseStyles } from '../styles/base.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { CivicFormField } from './form-field.js';
import {
  emailValidator,
  maxLengthValidator,
  numberValidator,
  phoneValidator,
  requiredValidator,
  type Validator,
} from './validators.js';

/**
 * @summary A single-line answer: text, email, telephone or number (GOV.UK text input).
 * @tag civic-text-input
 * @csspart input - The input.
 * @cssprop --civic-input-max-width - Caps the input's width, e.g. `10ch` for a postcode.
 */
export class CivicTextInput extends CivicFormField<string> {
  static override styles = [baseStyles, fieldStyles];

  /** The answer. */
  @property() value = '';
  /** The kind of answer: `text`, `email`, `tel` or `number` (a number is typed as text, per GOV.UK). */
  @property() type: 'text' | 'email' | 'tel' | 'number' = 'text';
  /** Browser autofill hint, e.g. `email`, `given-name`, `postal-code`. */
  @property() autocomplete?: string;
  /** Most characters allowed; longer answers get an error rather than being cut off. */
  @property({ type: Number }) maxlength?: number;
  /** Smallest number allowed (type="number"). */
  @property({ type: Number }) min?: number;
  /** Largest number allowed (type="number"). */
  @property({ type: Number }) max?: number;
  /** Whether to check spelling (off for names, codes, emails). */
  @property({ type: Boolean }) override spellcheck = false;

  @query('input') private input?: HTMLInputElement;

  protected get validators(): readonly Validator<string>[] {
    const list: Validator<string>[] = [
      requiredValidator(() => msg('Enter an answer', { id: 'field.text.required' })),
      maxLengthValidator(() => this.maxlength),
    ];
    if (this.type === 'email') list.push(emailValidator);
    if (this.type === 'tel') list.push(phoneValidator);
    if (this.type === 'number') list.push(numberValidator(() => ({ min: this.min, max: this.max })));
    return list;
  }

  protected toFormValue(value: string): string {
    return value;
  }

  protected get validationAnchor() {
    return this.input;
  }

  protected restoreFormState(state: string | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  private get inputType(): string {
    // GOV.UK: <input type="number"> mangles input (scroll, "e", leading zeros); use text + inputmode.
    return this.type === 'number' ? 'text' : this.type;
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
  }

  /**
   * Enter submits the form, as in a native text box: the browser's implicit submission does not
   * reach an input inside a shadow root. `preventDefault()` tells outer handlers it is done.
   */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || event.defaultPrevented || !this.form) return;
    event.preventDefault();
    this.form.requestSubmit();
  }

  override render() {
    const id = `${this.fieldId}-input`;
    return this.renderGroup(html`
      ${this.renderLabel(id)} ${this.renderHint()} ${this.renderError()}
      <input
        part="input"
        class="input ${this.visibleError ? 'input--error' : ''}"
        id=${id}
        name=${ifDefined(this.name || undefined)}
        type=${this.inputType}
        inputmode=${ifDefined(this.type === 'number' ? 'decimal' : undefined)}
        autocomplete=${ifDefined(this.autocomplete)}
        spellcheck=${this.spellcheck ? 'true' : 'false'}
        .value=${live(this.value)}
        ?disabled=${this.disabled}
        ?required=${this.required}
        aria-describedby=${ifDefined(this.describedBy)}
        aria-invalid=${this.visibleError ? 'true' : 'false'}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
        @change=${this.dispatchChange}
      />
    `);
  }
}
