import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { renderQuestionPage, type Service } from '@civic-widgets/core';
import { groupServices, matches } from '../flow.js';
import type { ReportView } from './view.js';

/** More categories than this get a search box. */
const SEARCH_FROM = 8;

/** The list filters as the resident types: Enter in the search box must not submit the page. */
const noSubmit = (e: KeyboardEvent) => e.key === 'Enter' && e.preventDefault();

/**
 * "What do you want to report?": the categories under their groups, as one radio group. A
 * category in several groups is listed once, under its first group, and its hint names the others.
 */
export function renderCategory(v: ReportView) {
  const { serviceCode } = v.answers;
  const searching = v.services.length > SEARCH_FROM && v.search.trim() !== '';
  const shown = searching ? v.services.filter((s) => matches(s, v.search)) : v.services;
  const groups = searching ? ([['', shown]] as [string, Service[]][]) : groupServices(shown);
  const error = v.errors.find((e) => e.target.id === 'category-0')?.message;
  const searchError = v.errors.find((e) => e.target.id === 'category-search')?.message;
  const none = searching && !shown.length;
  let index = 0;

  const pick = (service: Service) => v.set({ serviceCode: service.code, serviceGroup: service.groups[0] ?? '' });
  // The first Intl.ListFormat a page makes costs 60–600 ms of CPU here (its locale data), on the
  // first screen: made only for two or more other groups; one is just its name (issue #18).
  const list = (names: string[]) => (names.length > 1 ? new Intl.ListFormat(v.locale, { type: 'conjunction' }).format(names) : names[0]!);
  /** The service's description, and the other groups it belongs to (it is listed under its first). */
  const hintOf = (service: Service) => {
    const others = searching ? [] : service.groups.slice(1);
    const also = others.length ? msg(str`Also under: ${list(others)}`, { id: 'report.category.alsoUnder' }) : '';
    return [service.description, also].filter(Boolean).join(' ');
  };
  // Every error links to a field: the first choice, or the search box when nothing matched.
  const validate = () => {
    if (v.services.some((s) => s.code === serviceCode)) return [];
    const first = v.find('#category-0');
    return [
      first
        ? { message: msg('Select the problem you want to report', { id: 'report.category.required' }), target: first }
        : {
            message: msg('No problems match your search. Try other words, or clear the search to see them all.', { id: 'report.category.noMatchError' }),
            target: v.find('#category-search') ?? v.headingTarget(),
          },
    ];
  };
  /** Clears the search: the whole list comes back, and focus goes to the search box or the first problem. */
  const showAll = (focus: string) => async () => {
    v.setSearch('');
    v.setErrors([]);
    await v.updated();
    v.find(focus)?.focus();
  };

  const body = html`
    <h1 class="heading-xl" id="category-heading">${msg('What do you want to report?', { id: 'report.category.title' })}</h1>
    ${v.services.length > SEARCH_FROM
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
            .value=${live(v.search)}
            @input=${(e: Event) => v.setSearch((e.target as HTMLInputElement).value)}
            @keydown=${noSubmit}
          />
          <p role="status" class="secondary">
            ${searching
              ? shown.length === 1
                ? msg('1 problem matches', { id: 'report.category.matchesOne' })
                : shown.length
                ? msg(str`${shown.length} problems match`, { id: 'report.category.matches' })
                : msg(str`No problems match “${v.search.trim()}”.`, { id: 'report.category.noMatchWords' })
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
  `;
  return renderQuestionPage({ ...v.frame, body, onContinue: () => void v.next(validate()) });
}
