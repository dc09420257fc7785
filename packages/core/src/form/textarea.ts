import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { baseStyles } from '../styles/base.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { CivicFormField } from './form-field.js';
import { countWords, maxLengthValidator, maxWordsValidator, requiredValidator, type Validator } from './validators.js';

/**
 * @summary A longer answer, with the GOV.UK character (or word) count when there is a limit.
 * @tag civic-textarea
 * @csspart input - The textarea.
 * @csspart count - The "You have N characters remaining" message.
 */
export class CivicTextarea extends CivicFormField<string> {
  static override styles = [baseStyles, fieldStyles];

  /** The answer. */
  @property() value = '';
  /** Visible lines of text. */
  @property({ type: Number }) rows = 5;
  /** Most characters allowed (shows a count). */
  @property({ type: Number }) maxlength?: number;
  /** Most words allowed (shows a count); takes precedence over `maxlength` for the count. */
  @property({ type: Number }) maxwords?: number;
  /** Browser autofill hint. */
  @property() autocomplete?: string;

  /*
   * The count's screen-reader copy updates only after typing pauses, as GOV.UK's does, so a
   * screen reader is not interrupted on every key press.
   */
  @state() private announcedCount = '';
  private announceTimer?: ReturnType<typeof setTimeout>;

  @query('textarea') private textarea?: HTMLTextAreaElement;

  protected get validators(): readonly Validator<string>[] {
    return [
      requiredValidator(() => msg('Enter an answer', { id: 'field.text.required' })),
      maxWordsValidator(() => this.maxwords),
      maxLengthValidator(() => (this.maxwords ? undefined : this.maxlength)),
    ];
  }

  protected toFormValue(value: string): string {
    return value;
  }

  protected get validationAnchor() {
    return this.textarea;
  }

  protected restoreFormState(state: string | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  private get countMessage(): { text: string; over: boolean } | null {
    const limit = this.maxwords ?? this.maxlength;
    if (!limit) return null;
    const used = this.maxwords ? countWords(this.value) : [...this.value].length;
    const left = limit - used;
    if (this.maxwords) {
      return left >= 0
        ? { text: msg(str`You have ${left} words remaining`, { id: 'field.count.wordsLeft' }), over: false }
        : { text: msg(str`You have ${-left} words too many`, { id: 'field.count.wordsOver' }), over: true };
    }
    return left >= 0
      ? { text: msg(str`You have ${left} characters remaining`, { id: 'field.count.charsLeft' }), over: false }
      : { text: msg(str`You have ${-left} characters too many`, { id: 'field.count.charsOver' }), over: true };
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcedCount = this.countMessage?.text ?? ''), 1000);
  }

  override render() {
    const id = `${this.fieldId}-input`;
    const count = this.countMessage;
    const countId = `${this.fieldId}-count`;
    const describedBy = [this.describedBy, count ? countId : undefined].filter(Boolean).join(' ') || undefined;
    return this.renderGroup(html`
      ${this.renderLabel(id)} ${this.renderHint()} ${this.renderError()}
      <textarea
        part="input"
        class="textarea ${this.visibleError ? 'textarea--error' : ''}"
        id=${id}
        name=${ifDefined(this.name || undefined)}
        rows=${this.rows}
        autocomplete=${ifDefined(this.autocomplete)}
        .value=${live(this.value)}
        ?disabled=${this.disabled}
        ?required=${this.required}
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${this.visibleError ? 'true' : 'false'}
        @input=${this.onInput}
        @change=${this.dispatchChange}
      ></textarea>
      ${count
        ? html`<div part="count" id=${countId} class="count ${count.over ? 'count--error' : ''}" aria-hidden="true">
              ${count.text}
            </div>
            <div class="visually-hidden" aria-live="polite">${this.announcedCount}</div>`
        : nothing}
    `);
  }
}
