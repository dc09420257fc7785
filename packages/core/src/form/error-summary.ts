import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { CivicElement } from '../civic-element.js';
import { baseStyles } from '../styles/base.styles.js';
import { color, focusWidth, font, space } from '../styles/tokens.js';

/** One problem on the page, and the field to take the resident to. */
export interface FieldError {
  message: string;
  /** The field (or any focusable element) the link moves focus to. */
  target: HTMLElement;
  /**
   * For a field on another page of a flow (a server's refusal shown on "Check your answers"):
   * called instead of focusing `target`, to take the resident to that field.
   */
  follow?: () => void;
}

/**
 * @summary The GOV.UK error summary: "There is a problem", with a link to each wrong answer.
 * @tag civic-error-summary
 *
 * Set `errors` from code, or place it inside a plain `<form>` of civic fields: it then gathers
 * the errors itself when the browser blocks a submit.
 *
 * @csspart summary - The bordered box.
 * @csspart title - The "There is a problem" heading.
 */
export class CivicErrorSummary extends CivicElement {
  static override styles = [
    baseStyles,
    css`
      .summary {
        margin-block-end: ${space[5]};
        padding: ${space[4]};
        border: 5px solid ${color.error};
      }
      .summary:focus {
        outline: ${focusWidth} solid ${color.focus};
        outline-offset: 0;
      }
      .title {
        margin-block-end: ${space[3]};
        font-size: ${font.sizeLarge};
        font-weight: ${font.weightBold};
      }
      ul {
        list-style: none;
      }
      li + li {
        margin-block-start: ${space[2]};
      }
      a,
      a:visited {
        color: ${color.error};
        font-weight: ${font.weightBold};
      }
    `,
  ];

  /** The problems to list. The summary is hidden when there are none. */
  @property({ attribute: false }) errors: FieldError[] = [];
  /** The heading; GOV.UK uses "There is a problem". */
  @property() heading = '';

  @query('.summary') private summary?: HTMLElement;

  private gathered: FieldError[] = [];
  private gatherScheduled = false;
  private form: HTMLFormElement | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.form = this.closest('form');
    // `invalid` does not bubble, so listen in the capture phase on the form.
    this.form?.addEventListener('invalid', this.onInvalid, true);
    this.form?.addEventListener('submit', this.onSubmit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.form?.removeEventListener('invalid', this.onInvalid, true);
    this.form?.removeEventListener('submit', this.onSubmit);
  }

  private onInvalid = (event: Event) => {
    const target = event.target as HTMLElement & { validationMessage?: string };
    this.gathered.push({ message: target.validationMessage ?? '', target });
    if (this.gatherScheduled) return;
    this.gatherScheduled = true;
    // The browser fires one `invalid` per field in a row; show them together once it is done.
    queueMicrotask(() => {
      this.errors = this.shownGathered = this.gathered;
      this.gathered = [];
      this.gatherScheduled = false;
    });
  };

  /** The list this summary last gathered itself from `invalid` events. */
  private shownGathered?: FieldError[];

  // A submit that gets through means the browser found nothing wrong: clear what we gathered,
  // but never errors a widget set from code (its own submit handler may have just set them).
  private onSubmit = () => {
    if (this.errors === this.shownGathered) this.errors = [];
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // GOV.UK moves focus to the summary when it appears, so the problem is read out first; not
    // when a page only drops the answers the resident has just put right (focus stays with them).
    const before = changed.get('errors') as FieldError[] | undefined;
    const shrank = !!before && this.errors.length < before.length && this.errors.every((e) => before.some((b) => b.target === e.target && b.message === e.message));
    if (changed.has('errors') && this.errors.length && !shrank) this.summary?.focus();
  }

  // GOV.UK Frontend's error summary: bring the question (label or legend) to the top of the
  // window, then focus the field without scrolling again. Centring the field instead hid the
  // legend of a radio group taller than the window, and focus alone scrolls only to the control.
  private follow(event: Event, error: FieldError): void {
    event.preventDefault();
    if (error.follow) return error.follow();
    (questionOf(error.target) ?? error.target).scrollIntoView({ block: 'start' });
    error.target.focus({ preventScroll: true });
  }

  override render() {
    if (!this.errors.length) return nothing;
    return html`<div part="summary" class="summary" tabindex="-1" aria-labelledby="title">
      <div role="alert">
        <h2 part="title" class="title" id="title">${this.heading || msg('There is a problem', { id: 'errorSummary.title' })}</h2>
        <ul>
          ${this.errors.map(
            (error) =>
              html`<li><a href=${error.target.id ? `#${error.target.id}` : '#'} @click=${(e: Event) => this.follow(e, error)}
                  >${error.message}</a
                ></li>`,
          )}
        </ul>
      </div>
    </div>`;
  }
}

/**
 * The label or legend that asks the question of `target`: a civic field's `label` part, or for a
 * native control (GOV.UK's rule) its fieldset's legend when it is a radio or checkbox, else its
 * `<label>`.
 */
function questionOf(target: HTMLElement): Element | null {
  const part = target.shadowRoot?.querySelector('[part~="label"]');
  if (part) return part;
  if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
    const legend = target.closest('fieldset')?.querySelector(':scope > legend');
    if (legend) return legend;
  }
  const labels = (target as { labels?: NodeListOf<HTMLLabelElement> | null }).labels;
  return labels?.[0] ?? null;
}

/**
 * Checks fields in order, shows each one's message, and returns the problems for an error
 * summary: the usual "Continue" handler of a question page.
 */
export function validateFields(fields: Iterable<{ reportValidity(): boolean; validationMessage: string } & HTMLElement>): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of fields) {
    if (!field.reportValidity()) errors.push({ message: field.validationMessage, target: field });
  }
  return errors;
}
