import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { CivicFormField } from './form-field.js';
import { optionsFromChildren, type FieldOption } from './options.js';

/**
 * Shared by radios, checkboxes and select: the list of options, from the `options` property or
 * from `<option>` children written in the page's HTML.
 */
export abstract class CivicChoiceField<V> extends CivicFormField<V> {
  /** The choices. When not set, `<option>` children are used. */
  @property({ attribute: false }) options: FieldOption[] = [];

  private childOptions: FieldOption[] = [];
  private observer?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.childOptions = optionsFromChildren(this);
    this.observer = new MutationObserver(() => {
      this.childOptions = optionsFromChildren(this);
      this.requestUpdate();
    });
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  /** The options in use. */
  get effectiveOptions(): FieldOption[] {
    return this.options.length ? this.options : this.childOptions;
  }

  /**
   * The GOV.UK radios/checkboxes markup: a fieldset whose legend is the question, then one
   * large control per option with its own label and hint. Radios share a name so the arrow
   * keys move between them, as in a native radio group.
   */
  protected renderChoiceList(
    type: 'radio' | 'checkbox',
    isChecked: (value: string) => boolean,
    onChange: (event: Event) => void,
    listClass = '',
  ): TemplateResult {
    return html`<fieldset aria-describedby=${ifDefined(this.describedBy)}>
      ${this.renderLegend()} ${this.renderHint()} ${this.renderError()}
      <div class="choices ${listClass}">
        ${this.effectiveOptions.map((option, index) => {
          const id = `${this.fieldId}-${index}`;
          const hintId = option.hint ? `${id}-hint` : undefined;
          return html`
            ${option.dividerBefore ? html`<div class="divider">${msg('or', { id: 'field.choice.or' })}</div>` : nothing}
            <div part="choice" class="choice">
              <input
                type=${type}
                id=${id}
                name=${ifDefined(type === 'radio' ? `${this.fieldId}-group` : undefined)}
                .value=${option.value}
                .checked=${live(isChecked(option.value))}
                ?disabled=${this.disabled}
                aria-describedby=${ifDefined(hintId)}
                @change=${onChange}
              />
              <label for=${id}>${option.label}</label>
              ${option.hint ? html`<div class="choice-hint" id=${ifDefined(hintId)}>${option.hint}</div>` : nothing}
            </div>
          `;
        })}
      </div>
    </fieldset>`;
  }
}
