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
 * category in several groups is listed under each; the one the resident clicked stays checked.
 */
export function renderCategory(host: CivicReportForm) {
  const { serviceCode, serviceGroup } = host.answers;
  const searching = host.services.length > SEARCH_FROM && host.search.trim() !== '';
  const shown = searching ? host.services.filter((s) => matches(s, host.search)) : host.services;
  const groups = searching ? ([['', shown]] as [string, Service[]][]) : groupServices(shown);
  const error = host.errors.find((e) => e.target.id === 'category-0')?.message;
  const chosenGroup = groups.find(([g, list]) => g === serviceGroup && list.some((s) => s.code === serviceCode))?.[0] ??
    groups.find(([, list]) => list.some((s) => s.code === serviceCode))?.[0];
  let index = 0;

  const pick = (service: Service, group: string) => host.set({ serviceCode: service.code, serviceGroup: group });
  const validate = () =>
    host.services.some((s) => s.code === serviceCode)
      ? []
      : [
          {
            message: msg('Select the problem you want to report', { id: 'report.category.required' }),
            target: host.renderRoot.querySelector<HTMLElement>('#category-0') ?? host.headingTarget(),
          },
        ];

  return html`
    ${host.renderTop()}
    <h1 class="heading-xl" id="category-heading">${msg('What do you want to report?', { id: 'report.category.title' })}</h1>
    ${host.services.length > SEARCH_FROM
      ? html`<div class="search">
          <label class="label" for="category-search">${msg('Search for a problem', { id: 'report.category.search' })}</label>
          <div class="hint" id="category-search-hint">${msg('For example, pothole or street light', { id: 'report.category.searchHint' })}</div>
          <input
            class="input"
            id="category-search"
            type="search"
            spellcheck="false"
            aria-describedby="category-search-hint"
            .value=${live(host.search)}
            @input=${(e: Event) => (host.search = (e.target as HTMLInputElement).value)}
          />
          <p role="status" class="secondary">
            ${searching
              ? shown.length === 1
                ? msg('1 problem matches', { id: 'report.category.matchesOne' })
                : shown.length
                ? msg(str`${shown.length} problems match`, { id: 'report.category.matches' })
                : msg('No problems match. Try another word, or clear the search to see them all.', { id: 'report.category.noMatch' })
              : nothing}
          </p>
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
        ([group, list]) => html`
          ${group ? html`<h2 class="heading-m group-heading">${group}</h2>` : nothing}
          <div class="choices">
            ${list.map((service) => {
              const id = `category-${index++}`;
              return html`<div class="choice">
                <input
                  type="radio"
                  name="category"
                  id=${id}
                  .value=${service.code}
                  .checked=${live(service.code === serviceCode && group === chosenGroup)}
                  aria-describedby=${ifDefined(service.description ? `${id}-hint` : undefined)}
                  @change=${() => pick(service, group)}
                />
                <label for=${id}>${service.name}</label>
                ${service.description ? html`<div class="choice-hint" id=${`${id}-hint`}>${service.description}</div>` : nothing}
              </div>`;
            })}
          </div>
        `,
      )}
    </div>
    ${host.renderContinue(validate)}
  `;
}
