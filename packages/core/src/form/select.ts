import { html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { baseStyles } from '../styles/base.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { CivicChoiceField } from './choice-field.js';
import { requiredValidator, type Validator } from './validators.js';

/**
 * @summary Choose one answer from a long list (GOV.UK select; prefer radios for short lists).
 * @tag civic-select
 * @csspart input - The select.
 */
export class CivicSelect extends CivicChoiceField<string> {
  static override styles = [baseStyles, fieldStyles];

  /** The chosen option's value. */
  @property() value = '';
  /** The first, empty choice's text. */
  @property() placeholder = '';

  @query('select') private select?: HTMLSelectElement;

  protected get validators(): readonly Validator<string>[] {
    return [requiredValidator(() => msg('Select an option', { id: 'field.choice.required' }))];
  }

  protected toFormValue(value: string): string | null {
    return value || null;
  }

  protected get validationAnchor() {
    return this.select;
  }

  protected restoreFormState(state: string | FormData | null): void {
    this.value = typeof state === 'string' ? state : '';
  }

  private onChange(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value;
    this.dispatchChange();
  }

  override render() {
    const id = `${this.fieldId}-input`;
    return this.renderGroup(html`
      ${this.renderLabel(id)} ${this.renderHint()} ${this.renderError()}
      <select
        part="input"
        class="select ${this.visibleError ? 'select--error' : ''}"
        id=${id}
        ?disabled=${this.disabled}
        ?required=${this.required}
        aria-describedby=${ifDefined(this.describedBy)}
        aria-invalid=${this.visibleError ? 'true' : 'false'}
        @change=${this.onChange}
      >
        <option value="" ?selected=${!this.value}>${this.placeholder || msg('Choose an option', { id: 'field.select.placeholder' })}</option>
        ${this.effectiveOptions.map(
          (option) => html`<option .value=${option.value} ?selected=${this.value === option.value}>${option.label}</option>`,
        )}
      </select>
    `);
  }
}
