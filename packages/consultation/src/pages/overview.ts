import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { continueText, formatDateTime } from '@civic-widgets/core';
import { tr, type Consultation } from '../model.js';
import { paragraphs, phoneForPeople, safeUrl } from '../text.js';

export interface OverviewView {
  def: Consultation;
  lang: string;
  /** The resident has answered something already: "Continue" rather than "Start now". */
  started: boolean;
  resumeError: string;
  resuming: boolean;
  onStart: () => void;
  onResume: (event: Event) => void;
  onResumeInput: () => void;
  onEnter: (event: KeyboardEvent) => void;
}

/** The start page (GOV.UK): what is proposed and why, who can answer, dates, other ways, resume. */
export function renderOverview(v: OverviewView): TemplateResult {
  const { def, lang } = v;
  const o = def.overview;
  const closes = formatDateTime(def.closes);
  const opens = formatDateTime(def.opens);
  const minutes = o.estimatedMinutes;
  const open = def.status === 'open';
  return html`<article class="overview">
    <h1 class="heading-xl" tabindex="-1">${tr(def.title, lang)}</h1>
    ${paragraphs(tr(def.summary, lang), 'lead')}
    <dl class="facts">
      <div>
        <dt>${open || def.status === 'upcoming' ? msg('Closes', { id: 'overview.closes' }) : msg('Closed', { id: 'overview.closed' })}</dt>
        <dd>${closes}</dd>
      </div>
      ${def.status === 'upcoming'
        ? html`<div>
            <dt>${msg('Opens', { id: 'overview.opens' })}</dt>
            <dd>${opens}</dd>
          </div>`
        : nothing}
      ${minutes
        ? html`<div>
            <dt>${msg('Time to answer', { id: 'overview.time' })}</dt>
            <dd>${msg(str`About ${minutes} minutes`, { id: 'overview.minutes' })}</dd>
          </div>`
        : nothing}
    </dl>
    ${def.status === 'closed' || def.status === 'results_published'
      ? html`<div class="notice">
          <p class="body">
            ${msg(str`This consultation closed on ${closes}. We are considering the responses and will publish what people told us and what we decided.`, {
              id: 'overview.closedNotice',
            })}
          </p>
        </div>`
      : def.status === 'upcoming'
        ? html`<div class="notice">
            <p class="body">${msg(str`This consultation opens on ${opens}.`, { id: 'overview.upcomingNotice' })}</p>
          </div>`
        : nothing}
    <h2 class="heading-l">${msg('What we propose', { id: 'overview.proposal' })}</h2>
    ${paragraphs(tr(o.proposal, lang))}
    <h2 class="heading-l">${msg('Why', { id: 'overview.reasons' })}</h2>
    ${paragraphs(tr(o.reasons, lang))}
    <h2 class="heading-l">${msg('Who can answer', { id: 'overview.audience' })}</h2>
    ${paragraphs(tr(o.audience, lang))}
    ${o.documents?.length
      ? html`<h2 class="heading-l">${msg('Read more', { id: 'overview.documents' })}</h2>
          <ul class="list">
            ${o.documents.map((d) => (safeUrl(d.href) ? html`<li><a href=${safeUrl(d.href)!}>${tr(d.label, lang)}</a></li>` : nothing))}
          </ul>`
      : nothing}
    ${open
      ? html`<h2 class="heading-l">${msg('How we use your answers', { id: 'overview.privacy' })}</h2>
          ${paragraphs(tr(o.privacy, lang))}
          ${safeUrl(o.privacyUrl)
            ? html`<p class="body"><a href=${safeUrl(o.privacyUrl)!}>${msg('Read the full privacy notice', { id: 'overview.privacyLink' })}</a></p>`
            : nothing}
          <button type="button" class="button button--start" @click=${v.onStart}>
            ${v.started ? continueText() : msg('Start now', { id: 'overview.start' })}
          </button>`
      : nothing}
    ${renderOtherWays(def, lang)} ${open ? renderResumeForm(v) : nothing}
  </article>`;
}

/** A phone number as the council wrote it, an email address, or a web address. */
function linkText(href: string, detail: string): string {
  return href.startsWith('tel:') ? phoneForPeople(href, detail) : href.replace(/^mailto:/, '');
}

function renderOtherWays(def: Consultation, lang: string) {
  const ways = def.overview.otherWays ?? [];
  if (!ways.length) return nothing;
  return html`<section class="other-ways" aria-labelledby="other-ways">
    <h2 class="heading-l" id="other-ways">${msg('Other ways to respond', { id: 'overview.otherWays' })}</h2>
    ${ways.map(
      (way) => html`<h3 class="heading-m">${tr(way.label, lang)}</h3>
        ${paragraphs(tr(way.detail, lang))}
        ${way.date ? html`<p class="body">${formatDateTime(way.date)}</p>` : nothing}
        ${safeUrl(way.href)
          ? html`<p class="body"><a href=${safeUrl(way.href)!}>${linkText(way.href!, tr(way.detail, lang))}</a></p>`
          : nothing}`,
    )}
  </section>`;
}

function renderResumeForm(v: OverviewView) {
  return html`<section class="resume" aria-labelledby="resume-heading">
    <h2 class="heading-l" id="resume-heading">${msg('Continue where you left off', { id: 'resume.heading' })}</h2>
    <p class="body">
      ${msg('If you saved your answers, enter the resume code you were given.', { id: 'resume.intro' })}
    </p>
    <form novalidate @submit=${v.onResume} @keydown=${v.onEnter}>
      <civic-text-input
        data-resume
        .label=${msg('Resume code', { id: 'resume.label' })}
        .hint=${msg('For example, K7M3 QX9P', { id: 'resume.hint' })}
        required
        autocomplete="off"
        .errorMessage=${v.resumeError}
        @input=${v.onResumeInput}
      ></civic-text-input>
      <button type="submit" class="button button--secondary" ?disabled=${v.resuming}>
        ${msg('Continue with my saved answers', { id: 'resume.submit' })}
      </button>
    </form>
  </section>`;
}
