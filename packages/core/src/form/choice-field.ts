import { property } from 'lit/decorators.js';
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
}
