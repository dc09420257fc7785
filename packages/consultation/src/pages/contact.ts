import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { tr, type Consultation } from '../model.js';
import { phoneAsWritten, safeUrl } from '../text.js';

/** The number to show and dial: the `phone` attribute, else the definition's "by phone" way. */
export function contactPhone(phone: string, def: Consultation | undefined, lang: string): { text: string; href: string } | null {
  if (phone.trim()) return { text: phone.trim(), href: `tel:${phone.replace(/[^\d+]/g, '')}` };
  const way = def?.overview.otherWays?.find((w) => w.kind === 'phone' && w.href?.startsWith('tel:') && safeUrl(w.href));
  return way ? { text: phoneAsWritten(way.href!, tr(way.detail, lang)), href: way.href! } : null;
}

/**
 * Under every page (questions, check answers, confirmation, errors): digital is never the only
 * way, so the phone number stays in view. The `contact` slot replaces the sentence.
 */
export function renderContact(phone: { text: string; href: string } | null) {
  return html`<div class="contact" part="contact">
    <slot name="contact">
      ${phone
        ? html`<p class="body">
            ${msg('Need help, or want to answer another way? Call us on', { id: 'contact.phone' })}
            <a href=${phone.href}>${phone.text}</a>.
          </p>`
        : nothing}
    </slot>
  </div>`;
}
