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

/**
 * What other residents wrote, as "Has someone already reported it?" shows it: each open report's
 * description (cut at 140 characters, as that page cuts it) and its address. Other end-to-end files
 * on the same demo server report near the same place in English, and the page rightly shows their
 * words as written, so the Welsh check allows exactly those texts and nothing else.
 */
export async function residentsWordsNearby(serverUrl: string): Promise<string[]> {
  const response = await fetch(`${serverUrl}/open311/v2/requests.json?status=open&page_size=1000`);
  const reports = (await response.json()) as { description?: string; address?: string; address_string?: string }[];
  return reports.flatMap((r) => {
    const description = r.description ?? '';
    return [
      description.length > 140 ? `${description.slice(0, 140)}…` : description,
      r.address ?? '',
      r.address_string ?? '',
    ].filter(Boolean);
  });
}
