/**
 * Moves focus to the page's heading (GOV.UK, after the resident moves between pages). Question
 * pages use the field's label as the page's <h1>: it lives in the field's own shadow root.
 */
export async function focusHeading(root: HTMLElement | DocumentFragment): Promise<void> {
  let heading = root.querySelector<HTMLElement>('h1');
  if (!heading) {
    const field = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-field]');
    await field?.updateComplete;
    heading = field?.shadowRoot?.querySelector<HTMLElement>('h1') ?? null;
  }
  if (!heading) return;
  heading.tabIndex = -1;
  // Focusable only while it has focus (as GOV.UK Frontend does): a question field delegates
  // focus to its first focusable element, which must be its control again once the resident
  // moves on, or an error summary link to the field would land on this heading.
  if (heading.getRootNode() !== root) {
    const h = heading;
    h.addEventListener('blur', () => h.removeAttribute('tabindex'), { once: true });
  }
  heading.focus();
  heading.scrollIntoView?.({ block: 'nearest' });
}
