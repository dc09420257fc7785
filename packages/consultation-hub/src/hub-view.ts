import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { formatDate, localizedText, type ConsultationSummary } from '@civic-widgets/core';
import { consultationLink, type Facet, type Filters, type Group } from './catalogue.js';

/** Everything the search page shows, and what the resident can do there. */
export interface HubView {
  lang: 'en' | 'cy';
  groups: Record<Group, ConsultationSummary[]>;
  topics: Facet[];
  areas: Facet[];
  filters: Filters;
  /** The webmaster's link pattern with `{id}`, or '' (titles are then plain text). */
  consultationUrl: string;
  /** What the live region says (the count, a moment after the resident stops typing). */
  announcement: string;
  onWords: (words: string) => void;
  onTopics: (ids: string[]) => void;
  onAreas: (ids: string[]) => void;
  onSearch: (event: Event) => void;
  onClear: () => void;
}

/** "3 consultations found"; Welsh counts take the singular noun, so it has its own message. */
export function countText(count: number): string {
  return count === 1
    ? msg('1 consultation found', { id: 'hub.count.one' })
    : msg(str`${count} consultations found`, { id: 'hub.count.other' });
}

const headings: Record<Group, () => string> = {
  open: () => msg('Open consultations', { id: 'hub.group.open' }),
  awaiting: () => msg('Closed: we are considering the responses', { id: 'hub.group.awaiting' }),
  outcome: () => msg('We asked, you said, we did', { id: 'hub.group.outcome' }),
};

const empty: Record<Group, () => string> = {
  open: () => msg('No open consultations match.', { id: 'hub.empty.open' }),
  awaiting: () => msg('No closed consultations awaiting a decision match.', { id: 'hub.empty.awaiting' }),
  outcome: () => msg('No published outcomes match.', { id: 'hub.empty.outcome' }),
};

function entry(c: ConsultationSummary, group: Group, v: HubView): TemplateResult {
  const title = localizedText(c.title, v.lang);
  const tags = (list: ConsultationSummary['topics']) => (list ?? []).map((t) => localizedText(t.label, v.lang)).join(', ');
  const date = formatDate(c.closes);
  return html`<li class="entry" part="entry">
    <h3 class="heading-m">
      ${v.consultationUrl ? html`<a href=${consultationLink(v.consultationUrl, c.id)}>${title}</a>` : title}
    </h3>
    <p class="body">${localizedText(c.summary, v.lang)}</p>
    <dl class="meta">
      <div>
        <dt>${group === 'open' ? msg('Closes', { id: 'hub.meta.closes' }) : msg('Closed', { id: 'hub.meta.closed' })}</dt>
        <dd>${date}</dd>
      </div>
      ${c.topics?.length
        ? html`<div>
            <dt>${msg('Topics', { id: 'hub.filter.topics' })}</dt>
            <dd>${tags(c.topics)}</dd>
          </div>`
        : nothing}
      <div>
        <dt>${msg('Areas', { id: 'hub.filter.areas' })}</dt>
        <dd>${c.areas?.length ? tags(c.areas) : msg('The whole council area', { id: 'hub.meta.wholeArea' })}</dd>
      </div>
    </dl>
  </li>`;
}

/**
 * A GOV.UK checkboxes filter, native inputs in our own shadow root: core's form fields would
 * call it "(optional)" and take part in form validation, and a filter is neither.
 */
function facetBox(key: 'topic' | 'area', legend: string, facets: Facet[], chosen: readonly string[], change: (ids: string[]) => void) {
  if (!facets.length) return nothing;
  const toggle = (id: string, on: boolean) => change(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return html`<fieldset class="form-group">
    <legend class="legend">${legend}</legend>
    <div class="choices small">
      ${facets.map(
        (f) => html`<div class="choice">
          <input
            type="checkbox"
            id="${key}-${f.id}"
            .checked=${live(chosen.includes(f.id))}
            @change=${(e: Event) => toggle(f.id, (e.target as HTMLInputElement).checked)}
          />
          <label for="${key}-${f.id}">${f.label}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

/** The search and filters (GOV.UK finder), then the three groups, each under its own heading. */
export function renderHub(v: HubView): TemplateResult {
  const count = v.groups.open.length + v.groups.awaiting.length + v.groups.outcome.length;
  const f = v.filters;
  const filtering = !!(f.words.trim() || f.topics.length || f.areas.length);
  return html`<div class="layout">
      <form class="filters" role="search" novalidate @submit=${v.onSearch} aria-label=${msg('Search and filter consultations', { id: 'hub.filters' })}>
        <div class="form-group">
          <label class="label" for="search">${msg('Search consultations', { id: 'hub.search.label' })}</label>
          <div class="hint" id="search-hint">${msg('For example, parking or library', { id: 'hub.search.hint' })}</div>
          <input
            class="input"
            id="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="search-hint"
            .value=${live(f.words)}
            @input=${(e: Event) => v.onWords((e.target as HTMLInputElement).value)}
          />
        </div>
        ${facetBox('topic', msg('Topics', { id: 'hub.filter.topics' }), v.topics, f.topics, v.onTopics)}
        ${facetBox('area', msg('Areas', { id: 'hub.filter.areas' }), v.areas, f.areas, v.onAreas)}
        <div class="actions">
          <button type="submit" class="button" part="button">${msg('Search', { id: 'hub.search.submit' })}</button>
          ${filtering
            ? html`<button type="button" class="link-button" @click=${v.onClear}>${msg('Clear search and filters', { id: 'hub.clear' })}</button>`
            : nothing}
        </div>
      </form>
      <div class="results">
        <p class="found" part="count">${countText(count)}</p>
        ${(['open', 'awaiting', 'outcome'] as const).map(
          (group) => html`<section aria-labelledby="group-${group}">
            <h2 class="heading-l" id="group-${group}">${headings[group]()}</h2>
            ${v.groups[group].length
              ? html`<ul class="entries">${v.groups[group].map((c) => entry(c, group, v))}</ul>`
              : html`<p class="body secondary">${empty[group]()}</p>`}
          </section>`,
        )}
      </div>
    </div>
    <div class="visually-hidden" role="status" aria-live="polite">${v.announcement}</div>`;
}
