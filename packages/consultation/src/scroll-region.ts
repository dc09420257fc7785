import { nothing, type ElementPart } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';

/**
 * Makes a box that scrolls sideways a keyboard stop only while it does scroll. A table wider
 * than the page scrolls in its own box (WCAG 1.4.10), and a keyboard user needs to reach that
 * box to scroll it (WCAG 2.1.1); but a box whose table fits is one more Tab stop and landmark
 * with nothing to do, on every results table. As Inclusive Components' "Data tables" does, the
 * box becomes a named region with `tabindex="0"` when its content overflows, and plain otherwise;
 * a ResizeObserver on the box and its content follows the page's width, a zoom and `<details>`
 * opening.
 */
class ScrollRegion extends AsyncDirective {
  #box?: HTMLElement;
  #labelledBy = '';
  #observer?: ResizeObserver;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('scrollRegion() belongs on an element');
  }

  /** `labelledBy`: the id of what names the region (a table's caption). */
  render(_labelledBy: string) {
    return nothing;
  }

  override update(part: ElementPart, [labelledBy]: [string]) {
    const relabelled = labelledBy !== this.#labelledBy;
    this.#labelledBy = labelledBy;
    if (this.#box !== part.element) {
      this.#box = part.element as HTMLElement;
      this.#observe();
    } else if (relabelled && this.#box.hasAttribute('role')) {
      this.#box.setAttribute('aria-labelledby', labelledBy);
    }
    return nothing;
  }

  #observe(): void {
    this.#observer?.disconnect();
    const box = this.#box;
    if (!box) return;
    // A ResizeObserver reports every box once when first observed, so the first look needs no
    // layout read of its own. The table inside is rendered after this part: observe it once it is.
    const observer = new ResizeObserver(() => this.#mark(box));
    this.#observer = observer;
    observer.observe(box);
    queueMicrotask(() => {
      if (this.#observer === observer) for (const child of box.children) observer.observe(child);
    });
  }

  #mark(box: HTMLElement): void {
    // A name on a plain <div> is not allowed (ARIA 1.2), so the name comes and goes with the role.
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute('role', 'region');
      box.setAttribute('aria-labelledby', this.#labelledBy);
      box.setAttribute('tabindex', '0');
    } else {
      for (const name of ['role', 'aria-labelledby', 'tabindex']) box.removeAttribute(name);
    }
  }

  protected override disconnected(): void {
    this.#observer?.disconnect();
  }

  protected override reconnected(): void {
    this.#observe();
  }
}

export const scrollRegion = directive(ScrollRegion);
