import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { formatDate, formatDateTime, safeHref, type ServiceRequest, type ServiceRequestUpdate } from '@civic-widgets/core';
import { isClosed, normaliseStatus } from './status.js';

/** A case on screen: the request, its updates newest first (null: the server has none), its status. */
export interface Case {
  request: ServiceRequest;
  updates: ServiceRequestUpdate[] | null;
  status: string;
}

/** What the case page shows: the case, and what the element adds around it. */
export interface CaseView {
  case: Case;
  /** The status tag. */
  tag: (status: string) => TemplateResult;
  /** The server's base URL, for relative photo addresses. */
  base: string;
  /** The small map's settings when it can be shown, else null. */
  map: { style: string; workerUrl: string; assets: unknown } | null;
  /** Shown above the heading (e.g. "Back to the list"). */
  before: TemplateResult | typeof nothing;
  /** Shown after the timeline (the email updates offer). */
  after: TemplateResult | typeof nothing;
  /** Offers "Look up another report" when given. */
  lookUpAnother?: () => void;
  /** The language the tracker speaks: text from the server in another one is marked with its own (WCAG 3.1.2). */
  language: string;
}

/**
 * Whether the notice given when the report was made ("Our highways team will inspect it within 5
 * working days") still says what happens next: only while the report is open. Once the council
 * has scheduled, started or finished the work, it would contradict the status and the updates.
 */
const awaitingAction = (status: string) => normaliseStatus(status) === 'open';

/** What and where, when, who deals with it, the status in words, and the council's updates. */
export function renderCase(o: CaseView): TemplateResult {
  const { request, updates, status } = o.case;
  const reported = request.requestedAt ? formatDate(request.requestedAt) : '';
  const where = request.address || (request.lat !== null && request.long !== null ? `${request.lat}, ${request.long}` : '');
  // Only web addresses become links and images: a `javascript:` URL from a server is dropped.
  const photos = (request.mediaUrls ?? [request.mediaUrl]).map((url) => safeHref(url, { base: o.base })).filter((url): url is string => !!url);
  return html`
    ${o.before}
    <h2 class="heading-l" tabindex="-1" part="heading">
      <span class="caption">${request.serviceName}</span>
      ${msg(str`Report ${request.id}`, { id: 'tracker.case.title' })}
    </h2>
    <p class="status">
      <span>${msg('Status:', { id: 'tracker.case.status' })}</span>
      ${o.tag(status)}
    </p>
    ${notesUntold(request, updates) ? html`<p class="body text">${request.statusNotes}</p>` : nothing}
    <dl class="summary" part="summary">
      ${row(msg('Problem', { id: 'tracker.case.problem' }), request.serviceName)}
      ${row(msg('Where', { id: 'tracker.case.where' }), where)}
      ${row(msg('Reported', { id: 'tracker.case.reported' }), reported)}
      ${row(msg('Dealt with by', { id: 'tracker.case.agency' }), request.agencyResponsible)}
      ${request.expectedAt && !isClosed(status)
        ? row(msg('Expected by', { id: 'tracker.case.expected' }), formatDate(request.expectedAt))
        : nothing}
      ${row(msg('Description', { id: 'tracker.case.description' }), request.description)}
    </dl>
    ${o.map && request.lat !== null && request.long !== null
      ? html`<civic-location-picker
          class="map"
          readonly
          map-style=${o.map.style}
          worker-url=${o.map.workerUrl}
          .mapAssets=${o.map.assets ?? null}
          .value=${{ lat: request.lat, lng: request.long, address: request.address || null }}
          label=${msg('Where the problem is', { id: 'tracker.case.map' })}
        ></civic-location-picker>`
      : nothing}
    ${renderPhotos(photos)}
    ${request.serviceNotice && awaitingAction(status)
      ? html`<div class="inset">
          <h3 class="heading-m">${msg('What happens next', { id: 'tracker.case.next' })}</h3>
          <p class="notice">${request.serviceNotice}</p>
        </div>`
      : nothing}
    ${updates === null ? nothing : renderTimeline(updates, o)} ${o.after}
    ${o.lookUpAnother
      ? html`<p class="body"><button class="link-button" type="button" @click=${o.lookUpAnother}>${msg('Look up another report', { id: 'tracker.case.another' })}</button></p>`
      : nothing}
  `;
}

/**
 * The report's photos: one as before; several as a gallery of thumbnails that wraps, each a link
 * to the photo at full size, numbered so a screen reader user knows how many there are.
 */
function renderPhotos(photos: string[]): TemplateResult | typeof nothing {
  if (!photos.length) return nothing;
  if (photos.length === 1) {
    return html`<p class="body">
      <a class="photo" href=${photos[0]}><img src=${photos[0]} loading="lazy" alt=${msg('Photo sent with the report', { id: 'tracker.case.photo' })} /></a>
    </p>`;
  }
  const count = photos.length;
  return html`<ul class="gallery" part="photos">
    ${photos.map(
      (url, i) => html`<li>
        <a class="photo" href=${url}
          ><img src=${url} loading="lazy" alt=${msg(str`Photo ${i + 1} of ${count} sent with the report`, { id: 'tracker.case.photoOf' })}
        /></a>
      </li>`,
    )}
  </ul>`;
}

/**
 * The request's status_notes, unless an update already says the same: many servers keep their
 * latest note there (the spec's "Duplicate request.") and have an updates feed with nothing in
 * it, or updates that never carry the note.
 */
function notesUntold(request: ServiceRequest, updates: ServiceRequestUpdate[] | null): boolean {
  const notes = request.statusNotes.trim();
  return !!notes && !(updates ?? []).some((u) => u.description.trim() === notes);
}

/** A token-only server has the report but no reference yet. */
export interface PendingView {
  token: string;
  /** Offers "Look up another report" when given. */
  lookUpAnother?: () => void;
}

/** A token-only server has the report and has not given it a reference number yet. */
export function renderPending({ token, lookUpAnother }: PendingView): TemplateResult {
  return html`<h2 class="heading-l" tabindex="-1" part="heading">${msg('Your report has been received', { id: 'tracker.pending.title' })}</h2>
    <p class="body">
      ${msg(str`The council’s system has the report you made with the temporary reference ${token}, but has not given it a reference number yet. Check again later.`, { id: 'tracker.pending.body' })}
    </p>
    ${lookUpAnother
      ? html`<p class="body"><button class="link-button" type="button" @click=${lookUpAnother}>${msg('Look up another report', { id: 'tracker.case.another' })}</button></p>`
      : nothing}`;
}

function renderTimeline(updates: ServiceRequestUpdate[], o: CaseView): TemplateResult {
  return html`<h3 class="heading-m">${msg('Updates from the council', { id: 'tracker.timeline.title' })}</h3>
    ${updates.length
      ? html`<ol class="timeline" part="timeline">
          ${updates.map((update) => {
            const when = update.updatedAt;
            const photo = safeHref(update.mediaUrl, { base: o.base });
            return html`<li>
              ${update.status ? o.tag(update.status) : nothing}
              ${when ? html`<time datetime=${when.toISOString()}>${formatDateTime(when)}</time>` : nothing}
              ${update.description
                ? html`<p class="text" lang=${ifDefined(update.descriptionLanguage && update.descriptionLanguage !== o.language ? update.descriptionLanguage : undefined)}>
                    ${update.description}
                  </p>`
                : nothing}
              ${photo
                ? html`<a class="photo" href=${photo}
                    ><img
                      src=${photo}
                      loading="lazy"
                      alt=${when
                        ? msg(str`Photo from the council's update of ${formatDate(when)}`, { id: 'tracker.timeline.photoDated' })
                        : msg("Photo from the council's update", { id: 'tracker.timeline.photo' })}
                  /></a>`
                : nothing}
            </li>`;
          })}
        </ol>`
      : html`<p class="body">
          ${msg('There are no updates yet. We will show them here when the council adds them.', { id: 'tracker.timeline.empty' })}
        </p>`}`;
}

function row(label: string, value: string): TemplateResult | typeof nothing {
  return value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing;
}
