import { html, nothing } from 'lit';
import { msg } from '@lit/localize';

export interface StoppedView {
  /** What the council says to do instead (the answer's `stop`, from the server: shown as text). */
  text: string;
  /** The council's phone number as written, or ''. */
  phone: string;
  onChange: () => void;
}

/**
 * The GOV.UK interruption page: an answer means this must not be reported online (a street
 * light with its wires showing). Nothing is sent; the resident can change the answer.
 */
export function renderStopped(v: StoppedView) {
  return html`<div class="interruption" part="interruption">
    <h1 class="heading-xl" tabindex="-1">${msg('You need to call us about this', { id: 'report.stop.title' })}</h1>
    <p class="body">${v.text}</p>
    ${v.phone
      ? html`<p class="body interruption-phone">
          <a href=${`tel:${v.phone.replace(/[^\d+]/g, '')}`}>${msg('Call', { id: 'report.stop.call' })} ${v.phone}</a>
        </p>`
      : nothing}
    <p class="body">${msg('We have not sent anything. Your answers are kept on this device until you close the page.', { id: 'report.stop.nothingSent' })}</p>
    <button class="button button--inverse" type="button" @click=${v.onChange}>${msg('Change my answer', { id: 'report.stop.change' })}</button>
  </div>`;
}
