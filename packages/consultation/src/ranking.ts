import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import {
  CivicFormField,
  baseStyles,
  buttonStyles,
  color,
  fieldStyles,
  space,
  type FieldOption,
  type Validator,
} from '@civic-widgets/core';
import './i18n.js';

/**
 * @summary Put options in order of preference with "Move up" and "Move down" buttons: fully
 * keyboard- and screen-reader-operable, no dragging needed. Each move is announced.
 * @tag civic-consultation-ranking
 * @csspart item - Each option's row.
 * @csspart button - The move buttons.
 */
export class CivicConsultationRanking extends CivicFormField<string[]> {
  static override styles = [
    baseStyles,
    fieldStyles,
    buttonStyles,
    css`
      ol {
        list-style: none;
        display: flex;
        flex-direction: column;
        gap: ${space[2]};
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: ${space[2]};
        padding: ${space[2]} ${space[3]};
        border: 2px solid ${color.border};
        background: ${color.background};
      }
      li.moved {
        border-color: ${color.inputBorder};
      }
      .position {
        min-width: 2ch;
        font-weight: 700;
      }
      .item-label {
        flex: 1 1 12em;
      }
      .moves {
        display: flex;
        gap: ${space[2]};
      }
      .moves .button {
        margin: 0;
      }
    `,
  ];

  /** The options to put in order. */
  @property({ attribute: false }) options: FieldOption[] = [];
  /** The order chosen, most preferred first; empty until the options are known. */
  @property({ attribute: false }) value: string[] = [];

  @state() private announcement = '';
  @state() private lastMoved = '';
  private focusAfterMove?: { value: string; direction: 'up' | 'down' };

  /** The order on screen: the value when it holds every option, else the options' own order. */
  get order(): string[] {
    const values = this.options.map((o) => o.value);
    const complete = this.value.length === values.length && values.every((v) => this.value.includes(v));
    return complete ? this.value : values;
  }

  protected get validators(): readonly Validator<string[]>[] {
    return [];
  }

  protected toFormValue(value: string[]): FormData | null {
    if (!value.length) return null;
    const data = new FormData();
    for (const item of value) data.append(this.name, item);
    return data;
  }

  protected get validationAnchor() {
    return this.renderRoot.querySelector<HTMLButtonElement>('button');
  }

  protected restoreFormState(state: string | FormData | null): void {
    this.value = state instanceof FormData ? state.getAll(this.name).map(String) : [];
  }

  private move(value: string, direction: 'up' | 'down'): void {
    const order = [...this.order];
    const from = order.indexOf(value);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    this.value = order;
    this.lastMoved = value;
    this.focusAfterMove = { value, direction };
    const label = this.options.find((o) => o.value === value)?.label ?? value;
    const position = to + 1;
    const total = order.length;
    // A fresh string each time, so a screen reader announces a repeated move too.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = msg(str`${label} moved to position ${position} of ${total}`, { id: 'ranking.moved' });
    });
    this.dispatchChange();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const next = this.focusAfterMove;
    if (!next) return;
    this.focusAfterMove = undefined;
    // Keep focus on the item that moved; at the top or bottom its button in that direction is
    // gone, so the other one takes focus.
    const row = this.renderRoot.querySelector(`li[data-value="${CSS.escape(next.value)}"]`);
    const button =
      row?.querySelector<HTMLButtonElement>(`button[data-direction="${next.direction}"]`) ??
      row?.querySelector<HTMLButtonElement>('button');
    button?.focus();
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus(options);
  }

  override render() {
    const order = this.order;
    const byValue = new Map(this.options.map((o) => [o.value, o]));
    return this.renderGroup(html`
      <fieldset aria-describedby=${ifDefined(this.describedBy)}>
        ${this.renderLegend()} ${this.renderHint()} ${this.renderError()}
        <ol>
          ${order.map((value, index) => {
            const label = byValue.get(value)?.label ?? value;
            return html`<li part="item" data-value=${value} class=${this.lastMoved === value ? 'moved' : ''}>
              <span class="position" aria-hidden="true">${index + 1}</span>
              <span class="item-label">${label}</span>
              <span class="moves">
                ${index > 0
                  ? html`<button
                      type="button"
                      part="button"
                      class="button button--secondary"
                      data-direction="up"
                      ?disabled=${this.disabled}
                      @click=${() => this.move(value, 'up')}
                    >
                      ${msg('Move up', { id: 'ranking.up' })}<span class="visually-hidden">: ${label}, ${msg(
                          str`now position ${index + 1}`,
                          { id: 'ranking.position' },
                        )}</span>
                    </button>`
                  : nothing}
                ${index < order.length - 1
                  ? html`<button
                      type="button"
                      part="button"
                      class="button button--secondary"
                      data-direction="down"
                      ?disabled=${this.disabled}
                      @click=${() => this.move(value, 'down')}
                    >
                      ${msg('Move down', { id: 'ranking.down' })}<span class="visually-hidden">: ${label}, ${msg(
                          str`now position ${index + 1}`,
                          { id: 'ranking.position' },
                        )}</span>
                    </button>`
                  : nothing}
              </span>
            </li>`;
          })}
        </ol>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </fieldset>
    `);
  }
}
