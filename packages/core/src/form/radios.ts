import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { baseStyles } from '../styles/base.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { CivicChoiceField } from './choice-field.js';
import { requiredValidator, type Validator } from './validators.js';

/**
 * @summary Choose one answer (GOV.UK radios): a fieldset with a legend, large targets.
 * @tag civic-radios
 * @csspart choice - Each option's row.
 */
export class CivicRadios extends CivicChoiceField<string> {
  static override styles = [baseStyles, fieldStyles];

  /** The chosen option's value, or '' when none is chosen. */
  @property() value = '';
  /** Lay short options (Yes / No) side by side. */
  @property({ type: Boolean }) inline = false;

  protected get validators(): readonly Validator<string>[] {
    return [requiredValidator(() => msg('Select an option', { id: 'field.choice.required' }))];
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

  private onChange(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.dispatchChange();
  }

  override render() {
    const group = `${this.fieldId}-group`;
    return this.renderGroup(html`
      <fieldset aria-describedby=${ifDefined(this.describedBy)}>
        ${this.renderLegend()} ${this.renderHint()} ${this.renderError()}
        <div class="choices ${this.inline ? 'choices--inline' : ''}">
          ${this.effectiveOptions.map((option, index) => {
            const id = `${this.fieldId}-${index}`;
            const hintId = option.hint ? `${id}-hint` : undefined;
            return html`
              ${option.dividerBefore ? html`<div class="divider">${msg('or', { id: 'field.choice.or' })}</div>` : nothing}
              <div part="choice" class="choice">
                <input
                  type="radio"
                  id=${id}
                  name=${group}
                  .value=${option.value}
                  .checked=${live(this.value === option.value)}
                  ?disabled=${this.disabled}
                  aria-describedby=${ifDefined(hintId)}
                  @change=${this.onChange}
                />
                <label for=${id}>${option.label}</label>
                ${option.hint ? html`<div class="choice-hint" id=${ifDefined(hintId)}>${option.hint}</div>` : nothing}
              </div>
            `;
          })}
        </div>
      </fieldset>
    `);
  }
}
