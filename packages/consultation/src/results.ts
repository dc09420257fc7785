import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, str } from '@lit/localize';
import { formatDate, type ConsultationResults, type QuestionResult } from '@civic-widgets/core';
import { tr } from './model.js';
import { paragraphs, safeUrl } from './text.js';
import { scrollRegion } from './scroll-region.js';
import { oneDecimal } from './one-decimal.js';

const percent = (value: number, lang: string) => oneDecimal(value, lang) + '%';

interface Row {
  label: string;
  count: number;
  percent: number;
}

function rowsOf(question: QuestionResult, lang: string): Row[] {
  const rows: Row[] = (question.options ?? []).map((o) => ({ label: tr(o.label, lang), count: o.count, percent: o.percent }));
  if (question.other) rows.push({ label: msg('Other', { id: 'results.other' }), ...question.other });
  return rows;
}

const captionId = (question: QuestionResult) => `results-table-${question.id}`;

/**
 * A table's own box, which scrolls sideways when the table is wider than the page (three columns
 * with "Percentage" in bold do not fit 320 CSS px, WCAG 1.4.10), so the page never does. While
 * it scrolls it is a region named by the table's caption, in the Tab order so a keyboard can
 * scroll it (scroll-region.ts).
 */
function scrolling(question: QuestionResult, table: TemplateResult) {
  return html`<div class="table-scroll" ${scrollRegion(captionId(question))}>${table}</div>`;
}

/**
 * A bar chart drawn with plain HTML and CSS (bar widths through styleMap, which sets CSSOM
 * properties, so a strict CSP needs no 'unsafe-inline'), hidden from assistive technology,
 * followed by the same figures as a real table.
 */
function renderChoiceResult(question: QuestionResult, lang: string) {
  const rows = rowsOf(question, lang);
  const label = tr(question.label, lang);
  const answered = question.answered;
  return html`
    <div class="chart" part="chart" aria-hidden="true">
      ${rows.map(
        (row) => html`<div class="chart-row">
          <span class="chart-label">${row.label}</span>
          <span class="chart-track">
            <span class="chart-bar" style=${styleMap({ width: `${Math.max(0, Math.min(100, row.percent))}%` })}></span>
          </span>
          <span class="chart-value">${percent(row.percent, lang)} (${row.count})</span>
        </div>`,
      )}
    </div>
    <details class="details">
      <summary>${msg('Show these figures as a table', { id: 'results.showTable' })}</summary>
      ${scrolling(
        question,
        html`<table class="table">
        <caption class="table-caption" id=${captionId(question)}>
          ${msg(str`${label} (responses from ${answered} people)`, { id: 'results.caption' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Answer', { id: 'results.colAnswer' })}</th>
            <th scope="col" class="numeric">${msg('Responses', { id: 'results.colCount' })}</th>
            <th scope="col" class="numeric">${msg('Percentage', { id: 'results.colPercent' })}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              <th scope="row">${row.label}</th>
              <td class="numeric">${row.count}</td>
              <td class="numeric">${percent(row.percent, lang)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`,
      )}
    </details>
    ${question.type === 'checkboxes'
      ? html`<p class="secondary body">
          ${msg('People could choose more than one answer, so the percentages add up to more than 100.', {
            id: 'results.multi',
          })}
        </p>`
      : nothing}
  `;
}

function renderRankingResult(question: QuestionResult, lang: string) {
  const label = tr(question.label, lang);
  return scrolling(
    question,
    html`<table class="table">
    <caption class="table-caption" id=${captionId(question)}>
      ${msg(str`${label} (average position; 1 is most important)`, { id: 'results.rankingCaption' })}
    </caption>
    <thead>
      <tr>
        <th scope="col">${msg('Option', { id: 'results.colOption' })}</th>
        <th scope="col" class="numeric">${msg('Average position', { id: 'results.colMeanRank' })}</th>
        <th scope="col" class="numeric">${msg('Ranked first by', { id: 'results.colFirst' })}</th>
      </tr>
    </thead>
    <tbody>
      ${(question.ranking ?? []).map(
        (row) => html`<tr>
          <th scope="row">${tr(row.label, lang)}</th>
          <td class="numeric">${oneDecimal(row.meanRank, lang)}</td>
          <td class="numeric">${row.firstChoice}</td>
        </tr>`,
      )}
    </tbody>
  </table>`,
  );
}

/** "We asked, you said, we did": the published results of a closed consultation. */
export function renderResults(results: ConsultationResults, lang: string, headingTabindex = -1): TemplateResult {
  const questionLabel = new Map(results.questions.map((q) => [q.id, tr(q.label, lang)]));
  const closed = formatDate(results.closes);
  const count = results.responseCount;
  return html`<article class="results">
    <h1 class="heading-xl" tabindex=${headingTabindex}>${tr(results.title, lang)}</h1>
    <p class="body secondary">
      ${msg(str`This consultation closed on ${closed}. We received ${count} responses.`, { id: 'results.closedCount' })}
    </p>
    <h2 class="heading-l">${msg('We asked', { id: 'results.weAsked' })}</h2>
    ${paragraphs(tr(results.weAsked, lang))}
    <h2 class="heading-l">${msg('You said', { id: 'results.youSaid' })}</h2>
    ${paragraphs(tr(results.youSaid, lang))}
    ${results.quotes?.length
      ? html`<h3 class="heading-m">${msg('What some people told us', { id: 'results.quotes' })}</h3>
          ${results.quotes.map(
            (quote) => html`<figure class="quote">
              <blockquote><p>${quote.text}</p></blockquote>
              ${quote.question && questionLabel.get(quote.question)
                ? html`<figcaption class="secondary">
                    ${msg(str`In answer to: ${questionLabel.get(quote.question)!}`, { id: 'results.quoteQuestion' })}
                  </figcaption>`
                : nothing}
            </figure>`,
          )}`
      : nothing}
    <h2 class="heading-l">${msg('We did', { id: 'results.weDid' })}</h2>
    ${paragraphs(tr(results.weDid, lang))}
    ${results.decision
      ? html`<div class="decision" part="decision">
          <h3 class="heading-m">${msg('The decision', { id: 'results.decision' })}</h3>
          ${paragraphs(tr(results.decision.text, lang))}
          ${results.decision.date
            ? html`<p class="body secondary">
                ${msg(str`Decided on ${formatDate(results.decision.date)}`, { id: 'results.decidedOn' })}
              </p>`
            : nothing}
          ${safeUrl(results.decision.url)
            ? html`<p class="body"><a href=${safeUrl(results.decision.url)!}>${msg('Read the decision', { id: 'results.decisionLink' })}</a></p>`
            : nothing}
        </div>`
      : nothing}
    <h2 class="heading-l">${msg('Answers to each question', { id: 'results.byQuestion' })}</h2>
    ${results.questions.map((question, index) => {
      const headingId = `result-${index}`;
      const answered = question.answered;
      return html`<section class="result" aria-labelledby=${headingId}>
        <h3 class="heading-m" id=${headingId}>${tr(question.label, lang)}</h3>
        <p class="body secondary">${msg(str`${answered} people answered this question.`, { id: 'results.answered' })}</p>
        ${question.ranking?.length
          ? renderRankingResult(question, lang)
          : question.options?.length
            ? renderChoiceResult(question, lang)
            : nothing}
      </section>`;
    })}
  </article>`;
}
