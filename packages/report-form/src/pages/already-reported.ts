/*
 * "Has someone already reported it?" and "This problem has already been reported": the open
 * reports near the place as radios with how far each is, and as pins on a map (a pin chooses
 * its radio); choosing one offers to follow it by email (the subscriptions extension) instead
 * of sending a duplicate.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, formatDate, renderQuestionPage, UnsupportedError, type FieldOption, type ServiceRequest } from '@civic-widgets/core';
import { trackerHref } from '../flow.js';
import type { ReportView } from './view.js';

/** Metres between two WGS 84 points (haversine; exact enough for "about 40 metres"). */
export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** "About 40 metres from the place you chose", or '' when the report has no point. */
function howFar(v: ReportView, r: ServiceRequest): string {
  const place = v.answers.place;
  if (place?.lat == null || place.lng == null || r.lat == null || r.long == null) return '';
  const metres = metresBetween({ lat: place.lat, lng: place.lng }, { lat: r.lat, lng: r.long });
  if (metres < 10) return msg('Less than 10 metres from the place you chose', { id: 'report.duplicates.near' });
  const about = Math.round(metres / 10) * 10;
  return msg(str`About ${about} metres from the place you chose`, { id: 'report.duplicates.distance' });
}

/** The nearby reports as Open311 request objects, which the location picker draws as pins. */
const pins = (nearby: readonly ServiceRequest[]) =>
  nearby.map((r) => ({ service_request_id: r.id, lat: r.lat, long: r.long, service_name: r.serviceName, status: r.status }));

/** "Is it one of these?": open reports of the same category near the place. */
export function renderDuplicates(v: ReportView) {
  const place = v.answers.place;
  const options: FieldOption[] = [
    ...v.nearby.map((r) => ({
      value: r.id,
      label: r.address || r.serviceName || r.id,
      hint: [
        howFar(v, r),
        r.requestedAt ? msg(str`Reported on ${formatDate(r.requestedAt)}`, { id: 'report.duplicates.reported' }) : '',
        r.description.length > 140 ? `${r.description.slice(0, 140)}…` : r.description,
      ]
        .filter(Boolean)
        .join('. '),
    })),
    { value: 'new', label: msg('No, it is a different problem', { id: 'report.duplicates.new' }), dividerBefore: true },
  ];
  const choose = () => {
    if (!v.check()) return;
    if (v.answers.duplicate !== 'new') v.go('existing');
    else void v.next();
  };
  const s = v.settings;
  const body = html`
    <civic-radios
      data-field
      page-heading
      label=${msg('Has someone already reported it?', { id: 'report.duplicates.title' })}
      hint=${msg('These problems have been reported near the place you chose and are not fixed yet.', { id: 'report.duplicates.hint' })}
      required
      required-message=${msg('Select a report, or say it is a different problem', { id: 'report.duplicates.required' })}
      .options=${options}
      .value=${v.answers.duplicate}
      @change=${(e: Event) => v.set({ duplicate: (e.target as HTMLInputElement).value })}
    ></civic-radios>
    ${s.mapStyle && place?.lat != null
      ? html`<civic-location-picker
          class="nearby-map"
          readonly
          label=${msg('The place you chose (blue) and the reports near it (orange)', { id: 'report.duplicates.mapLabel' })}
          map-style=${s.mapStyle}
          center=${`${place.lat},${place.lng}`}
          zoom="17"
          .value=${{ lat: place.lat, lng: place.lng, address: place.address || null, area: place.area ?? null }}
          .reports=${pins(v.nearby)}
          @civic-report-select=${(e: CustomEvent<{ serviceRequestId: string }>) => v.set({ duplicate: e.detail.serviceRequestId })}
        ></civic-location-picker>`
      : nothing}
  `;
  return renderQuestionPage({ ...v.frame, body, onContinue: choose });
}

type Follow = { state: 'form' | 'sending' | 'sent' | 'failed' | 'unsupported'; id: string; error: string };
/** The follow form's state, per form (pages are functions of the view; the view is one per element). */
const follows = new WeakMap<ReportView, Follow>();

async function follow(v: ReportView, f: Follow, event: Event): Promise<void> {
  event.preventDefault();
  const input = v.find<HTMLElement & { value: string; reportValidity(): boolean }>('#follow-email');
  if (!input) return;
  // The field shows its own message ("Enter your email address") and takes focus.
  if (!input.reportValidity()) return;
  f.state = 'sending';
  v.requestUpdate();
  try {
    await v.follow(f.id, input.value.trim());
    f.state = 'sent';
  } catch (error) {
    v.fail('subscribe', error);
    if (error instanceof UnsupportedError) f.state = 'unsupported';
    else if (error instanceof ApiError && error.kind === 'invalid') {
      f.state = 'form';
      f.error = msg('Enter an email address in the correct format, like name@example.com', { id: 'report.follow.invalid' });
    } else f.state = 'failed';
  }
  v.requestUpdate();
  await v.updated();
  v.find('#follow-heading')?.focus();
}

function renderFollow(v: ReportView, id: string) {
  let f = follows.get(v);
  if (!f || f.id !== id) follows.set(v, (f = { state: 'form', id, error: '' }));
  const current = f;
  switch (current.state) {
    case 'unsupported':
      return nothing;
    case 'sent':
      return html`<h2 class="heading-m" id="follow-heading" tabindex="-1">${msg('Check your email', { id: 'report.follow.sentTitle' })}</h2>
        <p class="body">${msg('We have sent you an email with a link. Open it to confirm you want updates about this report.', { id: 'report.follow.sent' })}</p>`;
    case 'failed':
      return html`<h2 class="heading-m" id="follow-heading" tabindex="-1">${msg('We could not set up email updates', { id: 'report.follow.failedTitle' })}</h2>
        <p class="body">${msg('Try again in a few minutes.', { id: 'report.follow.failed' })}</p>
        <button class="button button--secondary" type="button" @click=${() => { current.state = 'form'; v.requestUpdate(); }}>
          ${msg('Try again', { id: 'report.follow.retry' })}
        </button>`;
    default:
      return html`<form novalidate @submit=${(e: Event) => void follow(v, current, e)}>
        <h2 class="heading-m" id="follow-heading" tabindex="-1">${msg('Follow this report', { id: 'report.follow.title' })}</h2>
        <civic-text-input
          id="follow-email"
          type="email"
          autocomplete="email"
          required
          label=${msg('Email address', { id: 'report.follow.label' })}
          hint=${msg('We will email you when the council updates this report. We will only use it for that.', { id: 'report.follow.hint' })}
          required-message=${msg('Enter your email address', { id: 'report.follow.required' })}
          .errorMessage=${current.error}
          @input=${() => {
            // The server's refusal stands until the address is changed.
            if (current.error) (current.error = ''), v.requestUpdate();
          }}
          @keydown=${(e: KeyboardEvent) => {
            // The input is in the field's shadow root, so Enter does not submit this form by itself.
            if (e.key === 'Enter') {
              e.preventDefault();
              (e.currentTarget as HTMLElement).closest('form')?.requestSubmit();
            }
          }}
        ></civic-text-input>
        <button class="button" type="submit" ?disabled=${current.state === 'sending'}>
          ${msg('Email me when this changes', { id: 'report.follow.submit' })}
        </button>
      </form>`;
  }
}

/** The resident says it is already reported: point them at that report, and offer to follow it. */
export function renderExisting(v: ReportView) {
  const id = v.answers.duplicate;
  const body = html`
    <p class="body">${msg(str`Its reference is ${id}. The council knows about it, so you do not need to report it again.`, { id: 'report.existing.body' })}</p>
    ${trackerHref(v.settings.trackerUrl, id)
      ? html`<p class="body"><a href=${trackerHref(v.settings.trackerUrl, id)!}>${msg('See what is happening with this report', { id: 'report.existing.track' })}</a></p>`
      : nothing}
    ${renderFollow(v, id)}
    <button class="button button--secondary" type="button" @click=${() => v.startAgain()}>
      ${msg('Report a different problem', { id: 'report.another' })}
    </button>
  `;
  return renderQuestionPage({ ...v.frame, heading: msg('This problem has already been reported', { id: 'report.existing.title' }), body });
}
