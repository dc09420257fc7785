import type { Language } from './open311/language.ts';

/*
 * Every word of the pages the server shows a resident about a report (the case page, and the
 * pages the links in update emails open), in English and Welsh. Terms as in the case tracker's
 * own Welsh (packages/case-tracker/xliff/cy.json) and the emails (mail/words.ts). Plain text:
 * the pages escape them.
 */

export interface PageWords {
  notFoundTitle: string;
  notFound: string;
  notFoundHint: (example: string) => string;
  report: (id: string) => string;
  status: string;
  reported: string;
  where: string;
  dealtWith: string;
  updates: string;
  noUpdates: string;
  unknownTitle: string;
  unknown: string;
  unknownHint: string;
  confirmTitle: string;
  confirm: (id: string, email: string) => string;
  confirmButton: string;
  stopTitle: string;
  stop: (id: string, email: string) => string;
  stopButton: string;
  confirmedTitle: string;
  confirmedHeading: string;
  confirmed: (email: string, id: string) => string;
  stoppedTitle: string;
  stoppedHeading: (id: string) => string;
  stopped: string;
}

const en: PageWords = {
  notFoundTitle: 'Report not found',
  notFound: 'We cannot find that report',
  notFoundHint: (example) => `Check the reference in your email, like ${example}.`,
  report: (id) => `Report ${id}`,
  status: 'Status',
  reported: 'Reported',
  where: 'Where',
  dealtWith: 'Dealt with by',
  updates: 'Updates',
  noUpdates: 'No updates yet.',
  unknownTitle: 'Link not recognised',
  unknown: 'This link has expired or is not right',
  unknownHint: 'Copy the whole link from the email and try again.',
  confirmTitle: 'Confirm email updates',
  confirm: (id, email) => `Get an email when report ${id} is updated, sent to ${email}.`,
  confirmButton: 'Confirm',
  stopTitle: 'Stop email updates',
  stop: (id, email) => `Stop emails about report ${id} to ${email}.`,
  stopButton: 'Stop emails',
  confirmedTitle: 'Email updates confirmed',
  confirmedHeading: 'You will get email updates',
  confirmed: (email, id) => `We will email ${email} when report ${id} is updated. Every email has a link to stop them.`,
  stoppedTitle: 'Email updates stopped',
  stoppedHeading: (id) => `You will not get more emails about ${id}`,
  stopped: 'You can still check the report online.',
};

const cy: PageWords = {
  notFoundTitle: 'Heb ddod o hyd i’r adroddiad',
  notFound: 'Ni allwn ddod o hyd i’r adroddiad hwnnw',
  notFoundHint: (example) => `Gwiriwch y cyfeirnod yn eich e-bost, fel ${example}.`,
  report: (id) => `Adroddiad ${id}`,
  status: 'Statws',
  reported: 'Adroddwyd',
  where: 'Ble',
  dealtWith: 'Yn cael ei drin gan',
  updates: 'Diweddariadau',
  noUpdates: 'Does dim diweddariadau eto.',
  unknownTitle: 'Nid yw’r ddolen yn cael ei hadnabod',
  unknown: 'Mae’r ddolen hon wedi dod i ben neu nid yw’n gywir',
  unknownHint: 'Copïwch y ddolen gyfan o’r e-bost a rhowch gynnig arall arni.',
  confirmTitle: 'Cadarnhau diweddariadau drwy e-bost',
  confirm: (id, email) => `Cael e-bost i ${email} pan fydd adroddiad ${id} yn cael ei ddiweddaru.`,
  confirmButton: 'Cadarnhau',
  stopTitle: 'Atal diweddariadau drwy e-bost',
  stop: (id, email) => `Atal negeseuon e-bost am adroddiad ${id} i ${email}.`,
  stopButton: 'Atal negeseuon e-bost',
  confirmedTitle: 'Diweddariadau drwy e-bost wedi’u cadarnhau',
  confirmedHeading: 'Byddwch yn cael diweddariadau drwy e-bost',
  confirmed: (email, id) => `Byddwn yn anfon e-bost i ${email} pan fydd adroddiad ${id} yn cael ei ddiweddaru. Mae dolen ym mhob e-bost i’w hatal.`,
  stoppedTitle: 'Diweddariadau drwy e-bost wedi’u hatal',
  stoppedHeading: (id) => `Ni fyddwch yn cael rhagor o negeseuon e-bost am ${id}`,
  stopped: 'Gallwch wirio’r adroddiad ar-lein o hyd.',
};

export const pageWords = (language: Language): PageWords => (language === 'cy' ? cy : en);
