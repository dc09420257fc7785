/**
 * Every word of the alert emails and pages, in English and Welsh: a resident gets them in the
 * language they asked in. Values are plain text; the pages escape them.
 */
import { welshLongDate } from '../mail/words.ts';

export type Lang = 'en' | 'cy';

interface Words {
  hello: string;
  ignore: string;
  any: { topics: string; areas: string };
  about: (topics: string, areas: string) => string;
  confirmNew: { subject: string; body: (council: string, about: string, link: string) => string };
  confirmOutcome: { subject: (title: string) => string; body: (council: string, title: string, link: string) => string };
  opened: {
    subject: (title: string) => string;
    intro: (council: string) => string;
    closes: (date: string) => string;
    answer: (link: string) => string;
    answerNoLink: string;
    why: string;
  };
  outcome: {
    subject: (title: string) => string;
    intro: (title: string) => string;
    weAsked: string;
    youSaid: string;
    weDid: string;
    decision: string;
    responses: (n: number) => string;
    read: (link: string) => string;
    why: string;
  };
  unsubscribeLine: (link: string) => string;
  page: {
    unknownTitle: string;
    unknown: string;
    confirmTitle: string;
    confirmNew: (email: string, about: string) => string;
    confirmOutcome: (email: string, title: string) => string;
    confirmButton: string;
    confirmedTitle: string;
    confirmedNew: (email: string) => string;
    confirmedOutcome: (email: string) => string;
    stopTitle: string;
    stopNew: (email: string) => string;
    stopOutcome: (email: string, title: string) => string;
    stopButton: string;
    stoppedTitle: string;
    stopped: string;
  };
}

const en: Words = {
  hello: 'Hello,',
  ignore: 'If you did not ask for this, ignore this email and you will not hear from us again.',
  any: { topics: 'any topic', areas: 'anywhere in the council area' },
  about: (topics, areas) => `Topics: ${topics}. Areas: ${areas}.`,
  confirmNew: {
    subject: 'Confirm you want emails about new consultations',
    body: (council, about, link) =>
      `Someone (we hope you) asked ${council} to email this address when it opens a new consultation.\n\n${about}\n\nTo start getting these emails, confirm here: ${link}`,
  },
  confirmOutcome: {
    subject: (title) => `Confirm you want the outcome of “${title}”`,
    body: (council, title, link) =>
      `Someone (we hope you) asked ${council} to email this address when it publishes what it decided after the consultation “${title}”.\n\nTo get that email, confirm here: ${link}`,
  },
  opened: {
    subject: (title) => `New consultation: ${title}`,
    intro: (council) => `${council} has opened a consultation you asked to hear about.`,
    closes: (date) => `It closes on ${date}.`,
    answer: (link) => `Read about it and have your say: ${link}`,
    answerNoLink: 'You can find it on our website, under “Have your say”.',
    why: 'You get this email because you asked for emails about new consultations.',
  },
  outcome: {
    subject: (title) => `What we decided: ${title}`,
    intro: (title) => `You asked us to tell you the outcome of the consultation “${title}”. Here it is.`,
    weAsked: 'We asked',
    youSaid: 'You said',
    weDid: 'We did',
    decision: 'The decision',
    responses: (n) => (n === 1 ? '1 person responded.' : `${n} people responded.`),
    read: (link) => `Read the full results: ${link}`,
    why: 'You get this email because you asked for the outcome of this consultation. It is the only one we will send about it.',
  },
  unsubscribeLine: (link) => `To stop these emails (one click): ${link}`,
  page: {
    unknownTitle: 'Link not recognised',
    unknown: 'This link has expired or is not right. Copy the whole link from the email and try again.',
    confirmTitle: 'Confirm your email alerts',
    confirmNew: (email, about) => `Get an email at ${email} when we open a new consultation. ${about}`,
    confirmOutcome: (email, title) => `Get an email at ${email} when we publish the outcome of “${title}”.`,
    confirmButton: 'Confirm',
    confirmedTitle: 'Your email alerts are on',
    confirmedNew: (email) => `We will email ${email} when we open a consultation you asked about. Every email has a link to stop them.`,
    confirmedOutcome: (email) => `We will email ${email} when we publish the outcome. The email has a link to stop it.`,
    stopTitle: 'Stop these emails',
    stopNew: (email) => `Stop emails about new consultations to ${email}.`,
    stopOutcome: (email, title) => `Stop the email about the outcome of “${title}” to ${email}.`,
    stopButton: 'Stop emails',
    stoppedTitle: 'You will not get these emails any more',
    stopped: 'You can still find every consultation and its outcome on our website.',
  },
};

const cy: Words = {
  hello: 'Helo,',
  ignore: "Os na wnaethoch ofyn am hyn, anwybyddwch yr e-bost hwn ac ni fyddwch yn clywed gennym eto.",
  any: { topics: 'unrhyw bwnc', areas: "unrhyw le yn ardal y cyngor" },
  about: (topics, areas) => `Pynciau: ${topics}. Ardaloedd: ${areas}.`,
  confirmNew: {
    subject: "Cadarnhewch eich bod eisiau negeseuon e-bost am ymgynghoriadau newydd",
    body: (council, about, link) =>
      `Gofynnodd rhywun (chi, gobeithio) i ${council} anfon e-bost i'r cyfeiriad hwn pan fydd yn agor ymgynghoriad newydd.\n\n${about}\n\nI ddechrau cael y negeseuon hyn, cadarnhewch yma: ${link}`,
  },
  confirmOutcome: {
    subject: (title) => `Cadarnhewch eich bod eisiau canlyniad “${title}”`,
    body: (council, title, link) =>
      `Gofynnodd rhywun (chi, gobeithio) i ${council} anfon e-bost i'r cyfeiriad hwn pan fydd yn cyhoeddi beth a benderfynodd ar ôl yr ymgynghoriad “${title}”.\n\nI gael yr e-bost hwnnw, cadarnhewch yma: ${link}`,
  },
  opened: {
    subject: (title) => `Ymgynghoriad newydd: ${title}`,
    intro: (council) => `Mae ${council} wedi agor ymgynghoriad y gofynnoch am glywed amdano.`,
    closes: (date) => `Mae'n cau ar ${date}.`,
    answer: (link) => `Darllenwch amdano a dweud eich dweud: ${link}`,
    answerNoLink: "Gallwch ddod o hyd iddo ar ein gwefan, o dan “Dweud eich dweud”.",
    why: "Rydych yn cael yr e-bost hwn oherwydd i chi ofyn am negeseuon e-bost am ymgynghoriadau newydd.",
  },
  outcome: {
    subject: (title) => `Beth wnaethom ei benderfynu: ${title}`,
    intro: (title) => `Gofynnoch i ni ddweud wrthych beth oedd canlyniad yr ymgynghoriad “${title}”. Dyma fe.`,
    weAsked: 'Gofynnon ni',
    youSaid: 'Dywedoch chi',
    weDid: 'Gwnaethon ni',
    decision: 'Y penderfyniad',
    responses: (n) => (n === 1 ? 'Ymatebodd 1 person.' : `Ymatebodd ${n} o bobl.`),
    read: (link) => `Darllenwch y canlyniadau llawn: ${link}`,
    why: "Rydych yn cael yr e-bost hwn oherwydd i chi ofyn am ganlyniad yr ymgynghoriad hwn. Dyma'r unig un y byddwn yn ei anfon amdano.",
  },
  unsubscribeLine: (link) => `I atal y negeseuon hyn (un clic): ${link}`,
  page: {
    unknownTitle: "Nid yw'r ddolen yn cael ei hadnabod",
    unknown: "Mae'r ddolen hon wedi dod i ben neu nid yw'n gywir. Copïwch y ddolen gyfan o'r e-bost a rhowch gynnig arall arni.",
    confirmTitle: 'Cadarnhau eich negeseuon e-bost',
    confirmNew: (email, about) => `Cael e-bost yn ${email} pan fyddwn yn agor ymgynghoriad newydd. ${about}`,
    confirmOutcome: (email, title) => `Cael e-bost yn ${email} pan fyddwn yn cyhoeddi canlyniad “${title}”.`,
    confirmButton: 'Cadarnhau',
    confirmedTitle: "Mae eich negeseuon e-bost wedi'u troi ymlaen",
    confirmedNew: (email) => `Byddwn yn anfon e-bost i ${email} pan fyddwn yn agor ymgynghoriad y gofynnoch amdano. Mae dolen ym mhob e-bost i'w hatal.`,
    confirmedOutcome: (email) => `Byddwn yn anfon e-bost i ${email} pan fyddwn yn cyhoeddi'r canlyniad. Mae dolen yn yr e-bost i'w atal.`,
    stopTitle: "Atal y negeseuon e-bost hyn",
    stopNew: (email) => `Atal negeseuon e-bost am ymgynghoriadau newydd i ${email}.`,
    stopOutcome: (email, title) => `Atal yr e-bost am ganlyniad “${title}” i ${email}.`,
    stopButton: 'Atal negeseuon e-bost',
    stoppedTitle: "Ni fyddwch yn cael y negeseuon e-bost hyn mwyach",
    stopped: "Gallwch ddod o hyd i bob ymgynghoriad a'i ganlyniad ar ein gwefan o hyd.",
  },
};

export const alertWords = (lang: string): Words => (lang === 'cy' ? cy : en);

/** "23 January 2027" / "23 Ionawr 2027", in UK time. */
export function longDate(date: Date, lang: Lang): string {
  if (lang === 'cy') return welshLongDate(date, { weekday: false });
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}
