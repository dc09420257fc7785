// What a resident reads inside a widget, for the English-word check on Welsh pages: the text of
// every rendered node through the shadow roots, plus the names a screen reader reads out
// (aria-label, alt, title, placeholder). Style and script text is not read by anyone.
import type { Locator } from 'playwright-core';
import { expectNoEnglish } from '../../scripts/lib/english-words.ts';

export async function readableText(widget: Locator): Promise<string> {
  return widget.evaluate((host) => {
    const out: string[] = [];
    const visit = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (parent && parent.checkVisibility() && node.textContent?.trim()) out.push(node.textContent.trim());
        return;
      }
      if (!(node instanceof Element)) return;
      // Residents' own words (quoted in published results) are theirs, in their language.
      if (/^(STYLE|SCRIPT|TEMPLATE|BLOCKQUOTE)$/.test(node.tagName)) return;
      for (const name of ['aria-label', 'alt', 'title', 'placeholder']) {
        const value = node.getAttribute(name);
        if (value && node.checkVisibility()) out.push(value);
      }
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
      node.childNodes.forEach(visit);
    };
    visit(host);
    return out.join('\n');
  });
}

/** Fails, naming the words, when the widget shows English outside `allow` (names, places, addresses). */
export async function expectWelsh(widget: Locator, where: string, allow: readonly string[] = []): Promise<void> {
  expectNoEnglish(await readableText(widget), where, [...ALWAYS_ALLOWED, ...allow]);
}

/** Names that stay as they are in any language. */
export const ALWAYS_ALLOWED = ['Civic Widgets', 'Larkmead'];
