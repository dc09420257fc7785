import { html, nothing, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { CivicElement } from '../civic-element.js';
import { runValidators, type ValidatedField, type Validator } from './validators.js';

let nextId = 0;

/**
 * The base of every form field: a form-associated custom element (ElementInternals), so it
 * takes part in a plain `<form>` — FormData, validity, reset, disabled fieldsets, autofill
 * restore — like a native input (Web Awesome's and Material Web's approach).
 *
 * Errors follow GOV.UK: shown after the resident tries to continue, not while typing.
 *
 * @slot hint - Help under the label where it needs HTML (a link, a list); after the `hint` text.
 * @cssstate invalid - The answer breaks a rule (shown or not), like `:invalid`.
 * @cssstate user-invalid - The error is shown to the resident (after a check), like `:user-invalid`.
 * @cssstate touched - The resident has been in the field and left it.
 * @csspart form-group - The wrapper that gets the red error border.
 * @csspart label - The label (or legend for grouped choices).
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 */
export abstract class CivicFormField<V = string> extends CivicElement implements ValidatedField {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The name the value is submitted under. */
  @property({ reflect: true }) name = '';
  /** The question, read out with the control. */
  @property() label = '';
  /** Help shown under the label. */
  @property() hint = '';
  /** Whether an answer is needed. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Whether the field is switched off. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The message when a required answer is missing, e.g. "Enter a description of the problem". */
  @property({ attribute: 'required-message' }) requiredMessage = '';
  /** An error set from outside (e.g. the server rejected the answer); shown at once. */
  @property({ attribute: 'error-message' }) errorMessage = '';
  /** Renders the label as the page's `<h1>` (GOV.UK question pages: one question per page). */
  @property({ type: Boolean, attribute: 'page-heading' }) pageHeading = false;

  /** Whether to show the current validation error (after submit or `reportValidity()`). */
  @state() protected showError = false;
  /** Whether the page put HTML in the `hint` slot. */
  @state() private slottedHint = false;

  protected readonly internals: ElementInternals;
  protected readonly fieldId = `civic-field-${++nextId}`;
  private defaultValue?: V;
  private customValidity = '';

  constructor() {
    super();
    this.internals = this.attachInternals();
    // The browser fires `invalid` when a form it submits (or checkValidity) finds us invalid.
    // Cancelling it swaps the browser's bubble for our GOV.UK-style message.
    this.addEventListener('invalid', (event) => {
      event.preventDefault();
      this.showError = true;
    });
    // "Touched" once focus leaves the field for something outside it, not when it moves from
    // one of its own controls to another (radio to radio): relatedTarget is retargeted to us then.
    this.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (next && (next === this || this.contains(next))) return;
      this.setState('touched', true);
    });
  }

  /** The current answer. */
  abstract value: V;
  /** The rules, in the order their messages should win. */
  protected abstract get validators(): readonly Validator<V>[];
  /** What the form submits: a string, or FormData for several values under one name. */
  protected abstract toFormValue(value: V): string | FormData | null;
  /** The inner control the browser points at when reporting validity. */
  protected abstract get validationAnchor(): HTMLElement | null | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.defaultValue === undefined) this.defaultValue = this.value;
    // Known before the first render, so the hint's id is in aria-describedby from the start.
    this.slottedHint = !!this.querySelector(':scope > [slot="hint"]');
  }

  // Validity is computed before render so the message shown is always the current one.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('errorMessage') && this.errorMessage) this.showError = true;
    this.internals.setFormValue(this.disabled ? null : this.toFormValue(this.value), this.stateFor(this.value));
    this.syncValidity();
    this.setState('user-invalid', !!this.visibleError);
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Now the inner control exists, point the browser's validity reporting at it.
    this.syncValidity();
  }

  /** Form state the browser hands back on restore (history navigation, autofill). */
  protected stateFor(value: V): string | FormData | null {
    return this.toFormValue(value);
  }

  private syncValidity(): void {
    const custom = this.errorMessage || this.customValidity;
    const { flag, message } = custom
      ? { flag: 'customError' as const, message: custom }
      : this.disabled
        ? { flag: undefined, message: '' }
        : runValidators(this.validators, this.value, this);
    if (flag) {
      this.internals.setValidity({ [flag]: true }, message, this.validationAnchor ?? undefined);
    } else {
      this.internals.setValidity({});
    }
    this.setState('invalid', !!flag && !this.disabled);
  }

  /**
   * Custom states for CSS (`civic-text-input:state(user-invalid)`), as `:invalid` and
   * `:user-invalid` are for native inputs. Browsers before CustomStateSet (Chromium 125,
   * Firefox 126, Safari 17.4) have no `states`, or only take `--dashed` names: styling by state
   * is then unavailable, and nothing else changes.
   */
  private setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states?.add(name);
      else this.internals.states?.delete(name);
    } catch {
      // An older CustomStateSet that refuses names without `--`.
    }
  }

  /** The message the resident sees, or '' when the field is valid or not yet checked. */
  get visibleError(): string {
    return this.showError ? this.internals.validationMessage : '';
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** The `<label>` elements of the page that name this field (`<label for=…>`), as on a native input. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /**
   * Makes the field invalid with this message, or valid again with '', as on a native input
   * (MDN: HTMLObjectElement/setCustomValidity): for a page's own rule. Like the browser, it is
   * shown at the next check (submit, `reportValidity()`), not at once; for that, `errorMessage`.
   */
  setCustomValidity(message: string): void {
    this.customValidity = message;
    this.syncValidity();
    // A message already on screen follows the new one (or goes), as `:user-invalid` would.
    this.requestUpdate();
  }

  /** Whether the answer is acceptable, without showing anything. */
  checkValidity(): boolean {
    this.syncValidity();
    return this.internals.checkValidity();
  }

  /** Checks the answer and shows its error message if there is one. */
  reportValidity(): boolean {
    this.syncValidity();
    this.showError = true;
    return this.internals.validity.valid;
  }

  /** Hides the error until the next check (e.g. when a page is shown again). */
  resetValidation(): void {
    this.showError = false;
  }

  formResetCallback(): void {
    if (this.defaultValue !== undefined) this.value = this.defaultValue;
    this.showError = false;
    this.setState('touched', false);
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  formStateRestoreCallback(state: string | FormData | null): void {
    this.restoreFormState(state);
  }

  protected abstract restoreFormState(state: string | FormData | null): void;

  /** `change` from an inner control is not composed, so the host re-dispatches it. */
  protected dispatchChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  // ---- rendering pieces shared by every field ----

  protected get hintId(): string | undefined {
    return this.hint || this.slottedHint ? `${this.fieldId}-hint` : undefined;
  }
  protected get errorId(): string | undefined {
    return this.visibleError ? `${this.fieldId}-error` : undefined;
  }
  protected get describedBy(): string | undefined {
    return [this.hintId, this.errorId].filter(Boolean).join(' ') || undefined;
  }

  protected renderGroup(content: TemplateResult): TemplateResult {
    return html`<div part="form-group" class="form-group ${this.visibleError ? 'form-group--error' : ''}">
      ${content}
    </div>`;
  }

  protected renderLabel(forId: string): TemplateResult {
    const label = html`<label part="label" class="label ${this.pageHeading ? 'label--page' : ''}" for=${forId}
      >${this.label}${this.optionalSuffix()}</label
    >`;
    return this.pageHeading ? html`<h1 class="page-heading">${label}</h1>` : label;
  }

  protected renderLegend(): TemplateResult {
    const text = html`${this.label}${this.optionalSuffix()}`;
    return html`<legend part="label" class="legend ${this.pageHeading ? 'legend--page' : ''}">
      ${this.pageHeading ? html`<h1 class="page-heading">${text}</h1>` : text}
    </legend>`;
  }

  private optionalSuffix() {
    return this.required ? nothing : html` ${msg('(optional)', { id: 'field.optional' })}`;
  }

  /** The `hint` text, then the `hint` slot; with neither, only the empty slot (to hear of one). */
  protected renderHint(): TemplateResult {
    const slot = html`<slot name="hint" @slotchange=${this.onHintSlotChange}></slot>`;
    return this.hintId ? html`<div part="hint" class="hint" id=${this.hintId}>${this.hint}${slot}</div>` : slot;
  }

  private onHintSlotChange(event: Event): void {
    this.slottedHint = (event.target as HTMLSlotElement).assignedNodes().length > 0;
  }

  protected renderError(): TemplateResult | typeof nothing {
    return this.visibleError
      ? html`<p part="error" class="error-message" id=${ifDefined(this.errorId)}>
          <span class="visually-hidden">${msg('Error:', { id: 'field.errorPrefix' })}</span> ${this.visibleError}
        </p>`
      : nothing;
  }
}
