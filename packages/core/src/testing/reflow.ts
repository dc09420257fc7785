/**
 * WCAG 1.4.10 (reflow) in a component test: put the element in a box 320 CSS px wide and ask
 * which of its parts (through every shadow root) reach past the box's right edge. A part held by
 * a box of its own that scrolls or clips (a table's scroll container, a map) counts only if that
 * box itself sticks out.
 *
 * ```ts
 * const el = await fixture(html`<div style="width: 320px"><civic-radios …></civic-radios></div>`);
 * expect(partsPastEdge(el)).to.deep.equal([]);
 * ```
 */
export function partsPastEdge(box: Element): string[] {
  const edge = box.getBoundingClientRect().right + 1;
  const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);
  const held = (e: Element): boolean => {
    for (let a = parentOf(e); a && a !== box; a = parentOf(a)) {
      if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right <= edge;
    }
    return false;
  };
  const past: string[] = [];
  // A block keeps its width when a long word runs out of it: measure its text too.
  const textRight = (e: Element): number => {
    let right = -Infinity;
    if (getComputedStyle(e).overflowX !== 'visible') return right;
    for (const node of e.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      right = Math.max(right, range.getBoundingClientRect().right);
    }
    return right;
  };
  const walk = (root: Element | ShadowRoot) => {
    for (const e of root.querySelectorAll('*')) {
      const right = Math.max(e.getBoundingClientRect().right, textRight(e));
      if (right > edge && !held(e)) {
        past.push(`<${e.localName}${e.className ? ` class="${e.className}"` : ''}> "${(e.textContent ?? '').trim().slice(0, 40)}" to ${Math.round(right - edge + 1)}px past`);
      }
      if (e.shadowRoot) walk(e.shadowRoot);
    }
  };
  walk(box);
  return past;
}
