import type { Language } from '../requests/open311/language.ts';
import type { ExtendedStatus } from '../requests/statuses.ts';

/*
 * Every sentence the server emails to residents, in English and Welsh (GOV.UK Wales style,
 * terms as in the widgets' own Welsh in packages/<name>/xliff/cy.json). A resident gets their emails in
 * the language they used; when nobody knows it (a report from another system), both, Welsh first
 * (Welsh Language Standards: Welsh no less favourably than English).
 */

/** The status words of emails, as the case tracker says them. */
export const STATUS_WORDS_CY: Record<ExtendedStatus, string> = {
  open: 'Ar agor',
  investigating: 'Yn ymchwilio',
  in_progress: 'Ar y gweill',
  action_scheduled: 'Camau wedi’u trefnu',
  fixed: 'Wedi’i drwsio',
  closed: 'Wedi cau',
  duplicate: 'Wedi cau: wedi’i adrodd eisoes',
  not_councils_responsibility: 'Wedi cau: nid cyfrifoldeb y cyngor',
  no_further_action: 'Wedi cau: dim camau pellach',
  internal_referral: 'Wedi’i drosglwyddo i dîm arall',
};

const WELSH_DAYS: Record<string, string> = {
  Monday: 'dydd Llun', Tuesday: 'dydd Mawrth', Wednesday: 'dydd Mercher', Thursday: 'dydd Iau',
  Friday: 'dydd Gwener', Saturday: 'dydd Sadwrn', Sunday: 'dydd Sul',
};
const WELSH_MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];

/**
 * "dydd Iau 10 Rhagfyr 2026", or "10 Rhagfyr 2026" without the weekday, in UK time. Written by
 * hand: Node's ICU may lack Welsh date data, as Debian's Chromium does
 * (packages/core/src/i18n/format.ts).
 */
export function welshLongDate(date: Date, { weekday = true }: { weekday?: boolean } = {}): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/London' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  // Number(): with a weekday asked for, en-GB pads the day ("01"), which Welsh dates do not.
  const day = `${Number(parts.day)} ${WELSH_MONTHS[Number(parts.month) - 1]} ${parts.year}`;
  return weekday ? `${WELSH_DAYS[parts.weekday!] ?? ''} ${day}`.trim() : day;
}

/** The words of one email in one language: a subject and the lines of its text. */
export interface Words {
  subject: string;
  lines: string[];
}

const SEPARATOR = '—'.repeat(20);

/**
 * One email in the resident's language, or both (Welsh first) when it is not known. `build`
 * writes the email in the language it is given.
 */
export function inTheirLanguage(language: Language | null, build: (language: Language) => Words): { subject: string; text: string; lang: Language } {
  if (language) {
    const words = build(language);
    return { subject: words.subject, text: words.lines.join('\n'), lang: language };
  }
  const [cy, en] = [build('cy'), build('en')];
  return {
    // The HTML part's lang: the Welsh comes first (English sections are still read, in a Welsh voice).
    lang: 'cy',
    subject: `${cy.subject} / ${en.subject}`,
    text: [
      'Mae’r neges hon yn Gymraeg ac yn Saesneg. / This message is in Welsh and English.',
      '',
      ...cy.lines,
      '',
      SEPARATOR,
      '',
      ...en.lines,
    ].join('\n'),
  };
}

/** The sentence the council's team reads about the language to answer a resident in. */
export function languageNote(language: Language | null): string[] {
  if (language === 'cy') return ['The resident wrote in Welsh: reply to them in Welsh.'];
  if (language === null) return ['The resident’s language is not known: reply in Welsh and English.'];
  return [];
}
