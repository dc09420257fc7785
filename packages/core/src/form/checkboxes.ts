import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { baseStyles } from '../styles/base.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { CivicChoiceField } from './choice-field.js';
import { requiredValidator, type Validator } from './validators.js';

/**
 * @summary Choose any number of answers (GOV.UK checkboxes), with an optional exclusive "None".
 * @tag civic-checkboxes
 * @csspart choice - Each option's row.
 */
export class CivicCheckboxes extends CivicChoiceField<string[]> {
  static override styles = [baseStyles, fieldStyles];

  /** The chosen options' values. */
  @property({ type: Array }) value: string[] = [];

  protected get validators(): readonly Validator<string[]>[] {
    return [requiredValidator(() => msg('Select at least one option', { id: 'field.checkboxes.required' }))];
  }

  /** Several values under one name, as a group of native checkboxes would submit. */
  protected toFormValue(value: string[]): FormData | null {
    if (!value.length) return null;
    const data = new FormData();
    for (const item of value) data.append(this.name, item);
    return data;
  }

  protected get validationAnchor() {
    return this.renderRoot.querySelector<HTMLInputElement>('input');
  }

  protected restoreFormState(state: string | FormData | null): void {
    this.value = state instanceof FormData ? state.getAll(this.name).map(String) : state ? [state] : [];
  }

  private onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const option = this.effectiveOptions.find((o) => o.value === input.value);
    if (input.checked) {
      // An exclusive option ("None of these") and the others cannot both be chosen.
      this.value = option?.exclusive
        ? [input.value]
        : [...this.value.filter((v) => !this.effectiveOptions.find((o) => o.value === v)?.exclusive), input.value];
    } else {
      this.value = this.value.filter((v) => v !== input.value);
    }
    this.dispatchChange();
  }

  override render() {
    return this.renderGroup(this.renderChoiceList('checkbox', (value) => this.value.includes(value), this.onChange));
  }
}
