import type { Answers } from './answers.ts';
import { allQuestions, english, type Definition, type LocalizedText, type Question } from './definition.ts';

/** "You said": per-question counts and the staff CSV export, from stored responses. */

export interface OptionCount {
  value: string;
  label: LocalizedText;
  count: number;
  percent: number;
}

export interface QuestionResult {
  id: string;
  type: Question['type'];
  label: LocalizedText;
  answered: number;
  options?: OptionCount[];
  other?: { count: number; percent: number };
  ranking?: Array<{ value: string; label: LocalizedText; meanRank: number; firstChoice: number }>;
}

const YES_NO: Array<{ value: string; label: LocalizedText }> = [
  { value: 'yes', label: { en: 'Yes', cy: 'Ie' } },
  { value: 'no', label: { en: 'No', cy: 'Na' } },
];

const percentOf = (count: number, base: number) => (base ? Math.round((count / base) * 1000) / 10 : 0);

/** Counts every question over the given responses' (already validated) answers. */
export function tally(definition: Definition, responses: Answers[]): QuestionResult[] {
  return allQuestions(definition).map(({ question }) => {
    const given = responses.map((r) => r[question.id]).filter((v) => v !== undefined && v !== null);
    const answered = given.length;
    const result: QuestionResult = { id: question.id, type: question.type, label: question.label, answered };
    if (question.type === 'radios' || question.type === 'checkboxes' || question.type === 'scale' || question.type === 'yes_no') {
      const options = question.type === 'yes_no' ? YES_NO : question.options;
      const counts = new Map<string, number>();
      for (const value of given) {
        for (const v of Array.isArray(value) ? value : [value]) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      }
      result.options = options.map((o) => ({
        value: o.value,
        label: o.label,
        count: counts.get(o.value) ?? 0,
        percent: percentOf(counts.get(o.value) ?? 0, answered),
      }));
      if ((question.type === 'radios' || question.type === 'checkboxes') && question.other) {
        const count = counts.get('other') ?? 0;
        result.other = { count, percent: percentOf(count, answered) };
      }
    }
    if (question.type === 'ranking') {
      result.ranking = question.options
        .map((o) => {
          const positions = given.map((order) => (order as string[]).indexOf(o.value) + 1).filter((p) => p > 0);
          const mean = positions.length ? positions.reduce((a, b) => a + b, 0) / positions.length : 0;
          return {
            value: o.value,
            label: o.label,
            meanRank: Math.round(mean * 100) / 100,
            firstChoice: positions.filter((p) => p === 1).length,
          };
        })
        .sort((a, b) => a.meanRank - b.meanRank);
    }
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180) with a guard against formula injection.
// ---------------------------------------------------------------------------------------------

/**
 * Text a resident typed must never run as a spreadsheet formula (OWASP "CSV injection"):
 * a leading =, +, -, @, tab or CR gets a ' in front, which spreadsheets show as text.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Quotes a field when it holds a comma, quote, CR or LF, doubling quotes (RFC 4180 §2). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface StoredResponse {
  reference: string;
  submittedAt: string;
  lang: string | null;
  answers: Answers;
}

/** The staff export: one row per response, columns as docs/consultation-api.md lists them. */
export function responsesCsv(definition: Definition, responses: StoredResponse[]): string {
  type Column = { header: string; cell: (a: Answers) => string | number | null };
  const columns: Column[] = [];
  const labelOf = (q: Question, value: string) => {
    if (q.type === 'yes_no') return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : value;
    if ('options' in q) {
      if (value === 'other' && 'other' in q && q.other) return english(q.other.label);
      const option = q.options.find((o) => o.value === value);
      return option ? english(option.label) : value;
    }
    return value;
  };
  for (const { question: q } of allQuestions(definition)) {
    const head = `${q.id} ${english(q.label)}`;
    const raw = (a: Answers) => a[q.id];
    switch (q.type) {
      case 'location':
        columns.push({ header: `${q.id} lat`, cell: (a) => (raw(a) as { lat?: number } | undefined)?.lat ?? null });
        columns.push({ header: `${q.id} lng`, cell: (a) => (raw(a) as { lng?: number } | undefined)?.lng ?? null });
        columns.push({ header: `${q.id} address`, cell: (a) => (raw(a) as { address?: string } | undefined)?.address ?? null });
        break;
      case 'checkboxes':
      case 'radios':
      case 'scale':
      case 'yes_no':
        columns.push({
          header: head,
          cell: (a) => {
            const v = raw(a);
            if (v === undefined || v === null) return null;
            return (Array.isArray(v) ? v : [v]).map((x) => labelOf(q, String(x))).join('; ');
          },
        });
        if ((q.type === 'radios' || q.type === 'checkboxes') && q.other) {
          columns.push({ header: `${q.id} other`, cell: (a) => (typeof a[`${q.id}.other`] === 'string' ? (a[`${q.id}.other`] as string) : null) });
        }
        break;
      case 'ranking':
        columns.push({
          header: head,
          cell: (a) => {
            const v = raw(a);
            return Array.isArray(v) ? v.map((x) => labelOf(q, String(x))).join(' > ') : null;
          },
        });
        break;
      default:
        columns.push({ header: head, cell: (a) => (typeof raw(a) === 'string' ? (raw(a) as string) : null) });
    }
  }
  const header = ['reference', 'submitted_at', 'lang', ...columns.map((c) => guardFormula(c.header))];
  const lines = [header.map(csvField).join(',')];
  for (const r of responses) {
    // Every text cell is guarded (labels too); numbers (lat, lng) stay numbers.
    const cells = columns.map((c) => c.cell(r.answers)).map((v) => (typeof v === 'string' ? guardFormula(v) : v));
    lines.push([r.reference, r.submittedAt, r.lang ?? '', ...cells].map(csvField).join(','));
  }
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (ŵ, ŷ in Welsh).
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
