import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { ReportSettings } from '../settings.js';

/** Other ways to report, under every page: the webmaster's `contact` slot, else the council's phone. */
export function renderContact({ phone, openingHours }: ReportSettings) {
  return html`<div class="contact" part="contact">
    <slot name="contact">
      ${phone
        ? html`<p>${msg('You can also report a problem by phone:', { id: 'report.contact.phone' })}
            <a href=${`tel:${phone.replace(/[^\d+]/g, '')}`}>${phone}</a>${openingHours ? ` (${openingHours})` : nothing}</p>`
        : nothing}
    </slot>
  </div>`;
}
