import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, type FieldOption, type LocationAnswer } from '@civic-widgets/core';
import { chosen, isAnswered, tr, wordCount, type Answers, type Question } from './model.js';

/** What a question needs from the element to render. */
export interface QuestionContext {
  lang: string;
  answers: Answers;
  /** Errors set by the element (custom rules, or the server's) by question id or `<id>.other`. */
  errors: Record<string, string>;
  /** Whether `<civic-location-picker>` is usable: loading, ready, or failed (address fallback). */
  picker: 'loading' | 'ready' | 'failed';
  /** Passed on to `<civic-location-picker>`. */
  pickerConfig?: { geocoder: string; geocoderUrl: string; reverseUrl: string; geocoderKey: string; mapStyle: string; boundarySrc: string };
}

/** The options of a choice question as core fields take them, with "Other" last when offered. */
export function choiceOptions(question: Question, lang: string): FieldOption[] {
  if (question.type === 'yes_no') {
    return [
      { value: 'yes', label: msg('Yes', { id: 'answer.yes' }) },
      { value: 'no', label: msg('No', { id: 'answer.no' }) },
    ];
  }
  const options: FieldOption[] = (question.options ?? []).map((o) => ({
    value: o.value,
    label: tr(o.label, lang),
    hint: o.hint ? tr(o.hint, lang) : undefined,
  }));
  if (question.other) options.push({ value: 'other', label: tr(question.other.label, lang) });
  return options;
}

/** The GOV.UK-style "Select…"/"Enter…" message when a required question has no answer. */
export function requiredMessage(question: Question, lang: string): string {
  const label = tr(question.label, lang);
  switch (question.type) {
    case 'radios':
    case 'scale':
    case 'yes_no':
      return msg(str`Select an answer for: ${label}`, { id: 'required.choose' });
    case 'checkboxes':
      return msg(str`Select at least one answer for: ${label}`, { id: 'required.checkboxes' });
    case 'date':
      return msg(str`Enter a date for: ${label}`, { id: 'required.date' });
    case 'location':
      return msg(str`Choose a place for: ${label}`, { id: 'required.location' });
    default:
      return msg(str`Enter an answer for: ${label}`, { id: 'required.text' });
  }
}

/** Rules the core fields do not know: most ticks, and a date's range. '' when the answer fits. */
export function customError(question: Question, answers: Answers): string {
  const value = answers[question.id];
  if (question.type === 'checkboxes' && question.maxSelections && chosen(value).length > question.maxSelections) {
    const max = question.maxSelections;
    return msg(str`Select no more than ${max} answers`, { id: 'error.tooManySelections' });
  }
  if (question.type === 'date' && typeof value === 'string' && value) {
    if (question.min && value < question.min) {
      const min = formatDate(question.min);
      return msg(str`The date must be the same as or after ${min}`, { id: 'error.dateMin' });
    }
    if (question.max && value > question.max) {
      const max = formatDate(question.max);
      return msg(str`The date must be the same as or before ${max}`, { id: 'error.dateMax' });
    }
  }
  return '';
}

/** A localised message for a per-question error code from the server (docs: "Error codes"). */
export function serverErrorMessage(code: string, question: Question, lang: string): string {
  switch (code) {
    case 'required':
      return requiredMessage(question, lang);
    case 'other_required':
      return msg('Enter your other answer', { id: 'error.otherRequired' });
    case 'too_many_selections':
      return msg(str`Select no more than ${question.maxSelections ?? 1} answers`, { id: 'error.tooManySelections' });
    case 'too_long':
    case 'too_many_words':
      return msg('Your answer is too long: shorten it', { id: 'error.tooLong' });
    case 'invalid_date':
      return msg('The date must be a real date', { id: 'error.invalidDate' });
    case 'date_out_of_range':
      return msg('Enter a date within the range asked for', { id: 'error.dateRange' });
    case 'location_outside_area':
      return msg("Choose a place inside the council's area", { id: 'error.outsideArea' });
    case 'invalid_location':
      return msg('Choose the place on the map or from the address search', { id: 'error.invalidLocation' });
    default:
      return msg('Check your answer to this question', { id: 'error.checkAnswer' });
  }
}

/** One question as a core field (or the ranking, or the location picker). */
export function renderQuestion(question: Question, ctx: QuestionContext): TemplateResult {
  const { lang, answers, errors } = ctx;
  const label = tr(question.label, lang);
  const hint = tr(question.hint, lang);
  const required = question.required === true;
  const value = answers[question.id];
  const error = errors[question.id] ?? '';
  const reqMessage = requiredMessage(question, lang);
  switch (question.type) {
    case 'text':
      return html`<civic-text-input
        data-q=${question.id}
        .label=${label}
        .hint=${hint}
        ?required=${required}
        .requiredMessage=${reqMessage}
        .errorMessage=${error}
        .maxlength=${question.maxLength ?? 500}
        .value=${typeof value === 'string' ? value : ''}
      ></civic-text-input>`;
    case 'textarea':
      return html`<civic-textarea
        data-q=${question.id}
        .label=${label}
        .hint=${hint}
        ?required=${required}
        .requiredMessage=${reqMessage}
        .errorMessage=${error}
        .maxwords=${question.maxWords}
        .maxlength=${question.maxLength ?? 10000}
        .value=${typeof value === 'string' ? value : ''}
      ></civic-textarea>`;
    case 'radios':
    case 'scale':
    case 'yes_no':
      return html`<civic-radios
          data-q=${question.id}
          .label=${label}
          .hint=${hint}
          ?required=${required}
          .requiredMessage=${reqMessage}
          .errorMessage=${error}
          .options=${choiceOptions(question, lang)}
          ?inline=${question.type === 'yes_no'}
          .value=${typeof value === 'string' ? value : ''}
        ></civic-radios
        >${renderOther(question, ctx)}`;
    case 'checkboxes':
      return html`<civic-checkboxes
          data-q=${question.id}
          .label=${label}
          .hint=${[hint, question.maxSelections ? maxSelectionsHint(question.maxSelections) : '']
            .filter(Boolean)
            .join(' ')}
          ?required=${required}
          .requiredMessage=${reqMessage}
          .errorMessage=${error}
          .options=${choiceOptions(question, lang)}
          .value=${chosen(value)}
        ></civic-checkboxes
        >${renderOther(question, ctx)}`;
    case 'ranking':
      return html`<civic-consultation-ranking
        data-q=${question.id}
        .label=${label}
        .hint=${hint || msg('Use the buttons to move an option up or down. Most important first.', { id: 'ranking.hint' })}
        ?required=${required}
        .errorMessage=${error}
        .options=${choiceOptions(question, lang)}
        .value=${Array.isArray(value) ? value.map(String) : []}
      ></civic-consultation-ranking>`;
    case 'date':
      return html`<civic-date-input
        data-q=${question.id}
        .label=${label}
        .hint=${hint}
        ?required=${required}
        .requiredMessage=${reqMessage}
        .errorMessage=${error}
        .value=${typeof value === 'string' ? value : ''}
      ></civic-date-input>`;
    case 'location':
      return renderLocation(question, ctx, { label, hint, required, error, reqMessage });
  }
}

function maxSelectionsHint(max: number): string {
  return msg(str`Select up to ${max}.`, { id: 'checkboxes.maxHint' });
}

/** "Please specify", revealed under the group while "Other" is chosen (GOV.UK conditional reveal). */
function renderOther(question: Question, ctx: QuestionContext) {
  if (!question.other || !chosen(ctx.answers[question.id]).includes('other')) return nothing;
  const key = `${question.id}.other`;
  const value = ctx.answers[key];
  return html`<div class="conditional">
    <civic-text-input
      data-q=${question.id}
      data-part="other"
      .label=${msg('Please specify', { id: 'other.label' })}
      required
      .requiredMessage=${msg('Enter your other answer', { id: 'error.otherRequired' })}
      .errorMessage=${ctx.errors[key] ?? ''}
      .maxlength=${500}
      .value=${typeof value === 'string' ? value : ''}
    ></civic-text-input>
  </div>`;
}

function renderLocation(
  question: Question,
  ctx: QuestionContext,
  f: { label: string; hint: string; required: boolean; error: string; reqMessage: string },
) {
  const value = ctx.answers[question.id] as LocationAnswer | undefined;
  if (ctx.picker === 'loading') {
    return html`<div class="location-loading" role="status">${msg('Loading the map…', { id: 'location.loading' })}</div>`;
  }
  if (ctx.picker === 'ready') {
    const config = ctx.pickerConfig;
    return html`<civic-location-picker
      data-q=${question.id}
      geocoder=${config?.geocoder || 'custom'}
      geocoder-url=${config?.geocoderUrl ?? ''}
      reverse-url=${config?.reverseUrl ?? ''}
      geocoder-key=${config?.geocoderKey ?? ''}
      map-style=${config?.mapStyle ?? ''}
      boundary-src=${config?.boundarySrc ?? ''}
      .label=${f.label}
      .hint=${f.hint}
      ?required=${f.required}
      .requiredMessage=${f.reqMessage}
      .errorMessage=${f.error}
      .value=${value && typeof value === 'object' ? value : null}
    ></civic-location-picker>`;
  }
  // The picker could not load: the address, typed, is the answer.
  return html`<civic-text-input
    data-q=${question.id}
    data-part="address"
    .label=${f.label}
    .hint=${[f.hint, msg('Type the address or describe the place.', { id: 'location.fallbackHint' })]
      .filter(Boolean)
      .join(' ')}
    ?required=${f.required}
    .requiredMessage=${f.reqMessage}
    .errorMessage=${f.error}
    .maxlength=${300}
    autocomplete="street-address"
    .value=${value && typeof value === 'object' ? (value.address ?? '') : ''}
  ></civic-text-input>`;
}

/** The answer as words for "Check your answers". */
export function describeAnswer(question: Question, answers: Answers, lang: string): TemplateResult | string {
  const value = answers[question.id];
  if (!isAnswered(value)) return msg('Not answered', { id: 'check.notAnswered' });
  const options = choiceOptions(question, lang);
  const labelOf = (v: string) => {
    const text = options.find((o) => o.value === v)?.label ?? v;
    const other = answers[`${question.id}.other`];
    return v === 'other' && typeof other === 'string' && other ? `${text}: ${other}` : text;
  };
  switch (question.type) {
    case 'radios':
    case 'scale':
    case 'yes_no':
      return labelOf(String(value));
    case 'checkboxes':
      return html`<ul class="answer-list">
        ${chosen(value).map((v) => html`<li>${labelOf(v)}</li>`)}
      </ul>`;
    case 'ranking':
      return html`<ol class="answer-list answer-list--numbered">
        ${chosen(value).map((v) => html`<li>${labelOf(v)}</li>`)}
      </ol>`;
    case 'date':
      return formatDate(String(value));
    case 'location': {
      const place = value as LocationAnswer;
      return place.address || `${place.lat?.toFixed?.(5) ?? ''}, ${place.lng?.toFixed?.(5) ?? ''}`;
    }
    default:
      return String(value);
  }
}

export { wordCount };
