import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Service } from '@civic-widgets/core';
import { groupServices, matches } from '../flow.js';
import type { CivicReportForm } from '../report-form.js';

/** More categories than this get a search box. */
const SEARCH_FROM = 8;

/**
 * "What do you want to report?": the categories under their groups, as one radio group. A
 * category in several groups is listed once, under its first group, and its hint names the others.
 */
export function renderCategory(host: CivicReportForm) {
  const { serviceCode } = host.answers;
  const searching = host.services.length > SEARCH_FROM && host.search.trim() !== '';
  const shown = searching ? host.services.filter((s) => matches(s, host.search)) : host.services;
  const groups = searching ? ([['', shown]] as [string, Service[]][]) : groupServices(shown);
  const error = host.errors.find((e) => e.target.id === 'category-0')?.message;
  const searchError = host.errors.find((e) => e.target.id === 'category-search')?.message;
  const none = searching && !shown.length;
  let index = 0;

  const pick = (service: Service) => host.set({ serviceCode: service.code, serviceGroup: service.groups[0] ?? '' });
  const list = new Intl.ListFormat(host.locale, { type: 'conjunction' });
  /** The service's description, and the other groups it belongs to (it is listed under its first). */
  const hintOf = (service: Service) => {
    const others = searching ? [] : service.groups.slice(1);
    const also = others.length ? msg(str`Also under: ${list.format(others)}`, { id: 'report.category.alsoUnder' }) : '';
    return [service.description, also].filter(Boolean).join(' ');
  };
  // Every error links to a field: the first choice, or the search box when nothing matched.
  const validate = () => {
    if (host.services.some((s) => s.code === serviceCode)) return [];
    const first = host.renderRoot.querySelector<HTMLElement>('#category-0');
    return [
      first
        ? { message: msg('Select the problem you want to report', { id: 'report.category.required' }), target: first }
        : {
            message: msg('No problems match your search. Try other words, or clear the search to see them all.', { id: 'report.category.noMatchError' }),
            target: host.renderRoot.querySelector<HTMLElement>('#category-search') ?? host.headingTarget(),
          },
    ];
  };
  /** Clears the search: the whole list comes back, and focus goes to the search box or the first problem. */
  const showAll = (focus: string) => async () => {
    host.search = '';
    host.errors = [];
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  };

  return html`
    ${host.renderTop()}
    <h1 class="heading-xl" id="category-heading">${msg('What do you want to report?', { id: 'report.category.title' })}</h1>
    ${host.services.length > SEARCH_FROM
      ? html`<div class="search form-group ${searchError ? 'form-group--error' : ''}">
          <label class="label" for="category-search">${msg('Search for a problem', { id: 'report.category.search' })}</label>
          <div class="hint" id="category-search-hint">${msg('For example, pothole or street light', { id: 'report.category.searchHint' })}</div>
          ${searchError
            ? html`<p class="error-message" id="category-search-error">
                <span class="visually-hidden">${msg('Error:', { id: 'report.errorPrefix' })}</span> ${searchError}
              </p>`
            : nothing}
          <input
            class="input"
            id="category-search"
            type="search"
            spellcheck="false"
            aria-describedby=${searchError ? 'category-search-hint category-search-error' : 'category-search-hint'}
            .value=${live(host.search)}
            @input=${(e: Event) => (host.search = (e.target as HTMLInputElement).value)}
          />
          <p role="status" class="secondary">
            ${searching
              ? shown.length === 1
                ? msg('1 problem matches', { id: 'report.category.matchesOne' })
                : shown.length
                ? msg(str`${shown.length} problems match`, { id: 'report.category.matches' })
                : msg(str`No problems match “${host.search.trim()}”.`, { id: 'report.category.noMatchWords' })
              : nothing}
          </p>
          ${none
            ? html`<p class="body">
                <button class="link-button" type="button" @click=${showAll('#category-search')}>${msg('Clear the search', { id: 'report.category.clear' })}</button>
                ${msg('or', { id: 'report.category.or' })}
                <button class="link-button" type="button" @click=${showAll('#category-0')}>${msg('show all problems', { id: 'report.category.showAll' })}</button>
              </p>`
            : nothing}
        </div>`
      : nothing}
    <div
      role="radiogroup"
      aria-labelledby="category-heading"
      aria-describedby=${ifDefined(error ? 'category-error' : undefined)}
      class="form-group ${error ? 'form-group--error' : ''}"
    >
      ${error
        ? html`<p class="error-message" id="category-error">
            <span class="visually-hidden">${msg('Error:', { id: 'report.errorPrefix' })}</span> ${error}
          </p>`
        : nothing}
      ${groups.map(
        ([group, services]) => html`
          ${group ? html`<h2 class="heading-m group-heading">${group}</h2>` : nothing}
          <div class="choices">
            ${services.map((service) => {
              const id = `category-${index++}`;
              const hint = hintOf(service);
              return html`<div class="choice">
                <input
                  type="radio"
                  name="category"
                  id=${id}
                  .value=${service.code}
                  .checked=${live(service.code === serviceCode)}
                  aria-describedby=${ifDefined(hint ? `${id}-hint` : undefined)}
                  @change=${() => pick(service)}
                />
                <label for=${id}>${service.name}</label>
                ${hint ? html`<div class="choice-hint" id=${`${id}-hint`}>${hint}</div>` : nothing}
              </div>`;
            })}
          </div>
        `,
      )}
    </div>
    ${host.renderContinue(validate)}
  `;
}
