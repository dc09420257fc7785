import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, type ServiceRequest } from '@civic-widgets/core';
import { requestStatus } from './status.js';

export interface ListView {
  items: ServiceRequest[];
  page: number;
  hasNext: boolean;
}

/** A page of the list, and what the element does when the resident picks a case or a page. */
export interface ListPageView extends ListView {
  /** The council's heading, or '' for ours. */
  heading: string;
  /** A link template with `{ref}`, or '' to open cases in place. */
  caseUrl: string;
  tag: (status: string) => TemplateResult;
  select: (event: Event, request: ServiceRequest) => void;
  go: (page: number) => void;
}

/** List mode: recent reports, each with its place, date and status, and Previous/Next. */
export function renderList(o: ListPageView): TemplateResult {
  const { items, page, hasNext } = o;
  return html`<h2 class="heading-l" tabindex="-1" part="heading">
      ${o.heading || msg('Recent reports', { id: 'tracker.list.title' })}
    </h2>
    ${items.length
      ? html`<ul class="results">
          ${items.map(
            (r) => html`<li>
              ${o.caseUrl
                ? html`<a href=${o.caseUrl.replaceAll('{ref}', encodeURIComponent(r.id))}
                    >${r.serviceName || r.id}<span class="visually-hidden">, ${msg(str`report ${r.id}`, { id: 'tracker.list.ref' })}</span></a
                  >`
                : html`<button class="link-button" type="button" @click=${(e: Event) => o.select(e, r)}>
                    ${r.serviceName || r.id}<span class="visually-hidden">, ${msg(str`report ${r.id}`, { id: 'tracker.list.ref' })}</span>
                  </button>`}
              <span class="meta">
                ${[r.address, r.requestedAt ? msg(str`Reported ${formatDate(r.requestedAt)}`, { id: 'tracker.list.reported' }) : '']
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              ${o.tag(requestStatus(r))}
            </li>`,
          )}
        </ul>`
      : html`<p class="body">
          ${page > 1 ? msg('There are no more reports.', { id: 'tracker.list.noMore' }) : msg('There are no reports here yet.', { id: 'tracker.list.empty' })}
        </p>`}
    ${page > 1 || hasNext
      ? html`<nav class="pagination" aria-label=${msg('Pages of reports', { id: 'tracker.list.pages' })}>
          ${page > 1
            ? html`<button class="link-button" type="button" @click=${() => o.go(page - 1)}>
                ${msg('Previous page', { id: 'tracker.list.previous' })}
              </button>`
            : nothing}
          <span class="meta">${msg(str`Page ${page}`, { id: 'tracker.list.page' })}</span>
          ${hasNext
            ? html`<button class="link-button" type="button" @click=${() => o.go(page + 1)}>
                ${msg('Next page', { id: 'tracker.list.next' })}
              </button>`
            : nothing}
        </nav>`
      : nothing}`;
}
