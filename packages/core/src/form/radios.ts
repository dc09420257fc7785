import { property } from 'lit/decorators.js';
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
    return this.renderGroup(
      this.renderChoiceList('radio', (value) => this.value === value, this.onChange, this.inline ? 'choices--inline' : ''),
    );
  }
}
