import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { tr, type Consultation } from '../model.js';
import { phoneForPeople, safeUrl } from '../text.js';

const dial = (number: string) => ({ text: number.trim(), href: `tel:${number.replace(/[^\d+]/g, '')}` });

/**
 * The number to show and dial: the `phone` attribute, else the definition's "by phone" way (as
 * its text writes it), else the council's number from the endpoint's configuration document.
 */
export function contactPhone(
  phone: string,
  def: Consultation | undefined,
  lang: string,
  councilPhone?: string,
): { text: string; href: string } | null {
  if (phone.trim()) return dial(phone);
  const way = def?.overview.otherWays?.find((w) => w.kind === 'phone' && w.href?.startsWith('tel:') && safeUrl(w.href));
  if (way) return { text: phoneForPeople(way.href!, tr(way.detail, lang)), href: way.href! };
  return councilPhone?.trim() ? dial(councilPhone) : null;
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
