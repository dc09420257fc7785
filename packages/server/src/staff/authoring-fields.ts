import { english, type Condition, type Definition, type Question, type Tag } from '../consultations/definition.ts';
import { escapeHtml } from '../http/html.ts';
import type { FieldError } from './page.ts';
import { QUESTION_TYPES, type AuthoringField, type KnownTags, type Typed } from './authoring-form.ts';
import { CONDITION_ROWS } from './authoring-question.ts';

/*
 * The staff authoring forms' HTML (GOV.UK patterns, no script: the staff pages' CSP allows
 * none): labelled fields with hints and errors tied by aria-describedby, the overview, and the
 * question with its settings and condition. Everything typed comes back as text (escapeHtml).
 */

export type Errors = FieldError<AuthoringField>[];

function described(field: AuthoringField, hint: string, errors: Errors) {
  const error = errors.find((e) => e.field === field);
  const ids = [...(hint ? [`${field}-hint`] : []), ...(error ? [`${field}-error`] : [])].join(' ');
  return {
    before: `${hint ? `<p class="hint" id="${field}-hint">${hint}</p>` : ''}${error ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>` : ''}`,
    attrs: `${ids ? ` aria-describedby="${ids}"` : ''}${error ? ' aria-invalid="true"' : ''}`,
  };
}

export function input(field: AuthoringField, label: string, hint: string, typed: Typed, errors: Errors, extra = ''): string {
  const d = described(field, hint, errors);
  return `<label for="${field}">${escapeHtml(label)}</label>${d.before}<input id="${field}" name="${field}" value="${escapeHtml(typed[field] ?? '')}"${d.attrs}${extra}>`;
}

export function textarea(field: AuthoringField, label: string, hint: string, typed: Typed, errors: Errors, extra = ''): string {
  const d = described(field, hint, errors);
  return `<label for="${field}">${escapeHtml(label)}</label>${d.before}<textarea id="${field}" name="${field}"${d.attrs}${extra}>${escapeHtml(typed[field] ?? '')}</textarea>`;
}

/** Welsh boxes are marked lang="cy", so spellcheckers and screen readers treat the text as Welsh. */
const CY = ' lang="cy"';
const WELSH_HINT = 'Residents who choose Cymraeg read the Welsh instead. Leave the Welsh empty for English only; the consultation is offered in Welsh once it has Welsh.';

export function select(field: AuthoringField, label: string, hint: string, choices: [string, string][], typed: Typed, errors: Errors): string {
  const d = described(field, hint, errors);
  const options = choices.map(([value, name]) => `<option value="${escapeHtml(value)}"${typed[field] === value ? ' selected' : ''}>${escapeHtml(name)}</option>`).join('');
  return `<label for="${field}">${escapeHtml(label)}</label>${d.before}<select id="${field}" name="${field}"${d.attrs}>${options}</select>`;
}

/** A GOV.UK radio or checkbox group; `checked(value)` says which are chosen. */
function choices(kind: 'radio' | 'checkbox', field: AuthoringField, legend: string, hint: string, items: { value: string; name: string; hint?: string }[], checked: (value: string) => boolean, errors: Errors): string {
  const error = errors.find((e) => e.field === field);
  const ids = [...(hint ? [`${field}-hint`] : []), ...(error ? [`${field}-error`] : [])].join(' ');
  const list = items
    .map((item) => {
      const id = `${field}-${item.value}`;
      return `<div class="choice"><input type="${kind}" id="${escapeHtml(id)}" name="${field}" value="${escapeHtml(item.value)}"${checked(item.value) ? ' checked' : ''}${item.hint ? ` aria-describedby="${escapeHtml(id)}-hint"` : ''}><label for="${escapeHtml(id)}">${escapeHtml(item.name)}</label>${item.hint ? `<p class="hint" id="${escapeHtml(id)}-hint">${escapeHtml(item.hint)}</p>` : ''}</div>`;
    })
    .join('');
  return `<fieldset id="${field}"${ids ? ` aria-describedby="${ids}"` : ''}><legend>${escapeHtml(legend)}</legend>${hint ? `<p class="hint" id="${field}-hint">${hint}</p>` : ''}${error ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>` : ''}${list}</fieldset>`;
}

function tagFields(key: 'topics' | 'areas', known: Tag[], typed: Typed, errors: Errors): string {
  const chosen = (typed[key] ?? '').split('\n');
  const added = key === 'topics' ? 'new_topics' : 'new_areas';
  const words =
    key === 'topics'
      ? { legend: 'Topics (optional)', hint: 'What it is about. Residents find consultations by topic on the “Have your say” page, and can ask for an email when one on their topic opens.', newLabel: 'New topics (optional)', newHint: 'A topic not listed above on each line, like Parks and open spaces.' }
      : { legend: 'Areas (optional)', hint: 'Where it applies. Leave them all unticked for the whole council area.', newLabel: 'New areas (optional)', newHint: 'An area not listed above on each line, like a town or ward.' };
  const boxes = known.length
    ? choices('checkbox', key, words.legend, words.hint, known.map((t) => ({ value: t.id, name: english(t.label) })), (v) => chosen.includes(v), errors)
    : `<h3>${escapeHtml(words.legend)}</h3><p class="hint">${words.hint}</p>`;
  return `${boxes}\n${textarea(added, words.newLabel, words.newHint, typed, errors)}`;
}

export function overviewFields(typed: Typed, errors: Errors, creating: boolean, known: KnownTags): string {
  return `${creating ? input('id', 'Short name', 'Used in the web address and the API, like library-hours-2027. Letters, digits and “-”, starting with a letter.', typed, errors, ' spellcheck="false" autocomplete="off"') : ''}
${input('title', 'Title', 'Like “Library opening hours”.', typed, errors)}
${input('title_cy', 'Title in Welsh (optional)', WELSH_HINT, typed, errors, CY)}
${textarea('summary', 'Summary', 'One or two sentences shown in lists of consultations.', typed, errors)}
${textarea('summary_cy', 'Summary in Welsh (optional)', '', typed, errors, CY)}
${input('opens', 'Opens', 'For example, 2027-01-05. It can open now with “Publish” later.', typed, errors, ' type="date"')}
${input('closes', 'Closes', 'The last day people can answer.', typed, errors, ' type="date"')}
${tagFields('topics', known.topics, typed, errors)}
${tagFields('areas', known.areas, typed, errors)}
${textarea('proposal', 'What the council proposes', '', typed, errors)}
${textarea('proposal_cy', 'What the council proposes, in Welsh (optional)', '', typed, errors, CY)}
${textarea('reasons', 'Why', '', typed, errors)}
${textarea('reasons_cy', 'Why, in Welsh (optional)', '', typed, errors, CY)}
${textarea('audience', 'Who the council wants to hear from', '', typed, errors)}
${textarea('audience_cy', 'Who the council wants to hear from, in Welsh (optional)', '', typed, errors, CY)}
${input('minutes', 'Minutes to answer', 'About how long it takes, like 10.', typed, errors, ' inputmode="numeric" class="short"')}
${textarea('other_ways', 'Other ways to respond', 'For people who are not online: a postal address, a phone number, a drop-in event.', typed, errors)}
${textarea('privacy', 'How the council uses the answers', 'The privacy notice in a few sentences.', typed, errors)}
${textarea('privacy_cy', 'How the council uses the answers, in Welsh (optional)', '', typed, errors, CY)}`;
}

const ORDINAL = ['', 'second', 'third'];

/** The "only ask if" rows: a question, how its answer is tested, and the answers. */
function conditionFields(earlier: [string, string][], typed: Typed, errors: Errors): string {
  const rows = CONDITION_ROWS.map((row, i) => {
    const first = i === 0;
    const test = typed[row.test] || 'equals';
    const tests = [
      { value: 'equals', name: 'has one of the answers below' },
      { value: 'answered', name: 'has been answered (any answer)' },
      { value: 'unanswered', name: 'has not been answered' },
    ];
    return `<div class="condition">
${select(row.question, first ? 'Only ask if' : `${ORDINAL[i]![0]!.toUpperCase()}${ORDINAL[i]!.slice(1)} question (optional)`, first ? 'Ask this question only when an earlier question has a particular answer.' : '', [['', first ? 'Always ask it' : 'None'], ...earlier], typed, errors)}
${choices('radio', row.test, first ? 'When that question' : `When the ${ORDINAL[i]} question`, '', tests, (v) => v === test, errors)}
${textarea(row.value, first ? 'The answer is' : `The ${ORDINAL[i]} question’s answer is`, 'A choice exactly as written, or yes or no. For any of several answers, put each on its own line.', typed, errors)}
</div>`;
  }).join('\n');
  return `<h3>Condition (optional)</h3>
${rows}
${choices('radio', 'cond_join', 'With more than one question, ask it when', '', [
    { value: 'all', name: 'all of them are as above' },
    { value: 'any', name: 'any one of them is as above' },
  ], (v) => v === (typed.cond_join || 'all'), errors)}`;
}

/**
 * The question's fields. `mode`: "first" on the create form, "add" a question to a saved
 * consultation (page choice), "change" a question (`current`; its short name stays).
 */
export function questionFields(definition: Definition | null, typed: Typed, errors: Errors, mode: 'first' | 'add' | 'change', current?: Question, conditionShown = true): string {
  const types = choices('radio', 'q_type', 'Kind of question', '', QUESTION_TYPES.map((t) => ({ value: t.type, name: t.name, hint: t.hint || undefined })), (v) => typed.q_type === v, errors);
  const all = definition ? definition.pages.flatMap((p) => p.questions) : [];
  const before = current ? all.slice(0, all.findIndex((q) => q.id === current.id)) : all;
  const earlier = before.map((q) => [q.id, english(q.label)] as [string, string]);
  const pages: [string, string][] = definition ? [...definition.pages.map((p) => [p.id, english(p.title)] as [string, string]), ['new', 'A new page']] : [];
  const condition = !earlier.length
    ? ''
    : conditionShown
      ? conditionFields(earlier, typed, errors)
      : `<h3>Condition</h3><p>It is asked only ${escapeHtml(describeCondition(current?.showIf, definition))}. The form cannot show this condition (it was set through the API), so it is kept as it is.</p>`;
  return `${mode === 'add' ? select('page', 'Page', 'Questions are asked a page at a time.', pages, typed, errors) : ''}
${mode === 'change' ? '' : input('page_title', mode === 'add' ? 'Title of the new page (only for a new page)' : 'Title of the first page', 'Like “Your views”.', typed, errors)}
${mode === 'change' ? '' : input('page_title_cy', mode === 'add' ? 'Title of the new page in Welsh (optional)' : 'Title of the first page in Welsh (optional)', '', typed, errors, CY)}
${types}
${input('q_label', 'Question', 'What residents are asked, like “Which day should the library open late?”', typed, errors)}
${input('q_label_cy', 'Question in Welsh (optional)', WELSH_HINT, typed, errors, CY)}
${input('q_hint', 'Hint (optional)', 'Help shown under the question.', typed, errors)}
${input('q_hint_cy', 'Hint in Welsh (optional)', '', typed, errors, CY)}
${
  mode === 'change'
    ? `<p><strong>Short name of the question:</strong> ${escapeHtml(current?.id ?? '')}</p><p class="hint">It names the answers’ column in the responses file, so it stays as it is.</p>`
    : input('q_id', 'Short name of the question', 'Names its column in the responses file, like late-day.', typed, errors, ' spellcheck="false" autocomplete="off"')
}
<div class="choice"><input type="checkbox" id="q_required" name="q_required" value="yes"${typed.q_required === 'yes' ? ' checked' : ''}><label for="q_required">Residents must answer it</label></div>
${textarea('q_options', 'Choices (for a list, ranking or scale)', 'One choice on each line, in the order shown.', typed, errors)}
${textarea('q_options_cy', 'Choices in Welsh (optional)', 'One on each line, in the same order as the English.', typed, errors, CY)}
<h3>Settings for some kinds of question</h3>
<p class="hint">Only the settings for the kind chosen above are used.</p>
${input('q_other', '“Other” choice (for one or any number of choices, optional)', 'A last choice with its own answer box, like “Something else”. Leave it empty for none.', typed, errors)}
${input('q_other_cy', '“Other” choice in Welsh (optional)', '', typed, errors, CY)}
${input('q_max_selections', 'Most choices a resident can tick (for any number of choices, optional)', 'Like 3. Leave it empty for no limit.', typed, errors, ' inputmode="numeric" class="short"')}
${input('q_max_words', 'Most words (for a longer answer, optional)', 'Like 300. Leave it empty for no word limit.', typed, errors, ' inputmode="numeric" class="short"')}
${input('q_date_min', 'Earliest date (for a date, optional)', 'For example, 2027-01-05.', typed, errors, ' type="date"')}
${input('q_date_max', 'Latest date (for a date, optional)', 'For example, 2027-12-31.', typed, errors, ' type="date"')}
${condition}`;
}

/** A condition in words, for the list of questions: only if “visits” is “weekly”. */
export function describeCondition(condition: Condition | undefined, definition: Definition | null): string {
  if (!condition) return '';
  if ('all' in condition) return condition.all.map((c) => describeCondition(c, definition)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => describeCondition(c, definition)).join(' or ');
  if ('answered' in condition) return `“${condition.question}” is ${condition.answered ? 'answered' : 'not answered'}`;
  if ('in' in condition) return `“${condition.question}” is one of ${condition.in.map((v) => `“${v}”`).join(', ')}`;
  return `“${condition.question}” is “${condition.equals}”`;
}
