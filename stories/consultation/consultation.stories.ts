import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DraftStore, type Answers, type Consultation, type ConsultationResults } from '@civic-widgets/core';
import '@civic-widgets/consultation/define';
import type { CivicConsultation } from '@civic-widgets/consultation';
// Recorded from the reference server (GET /api/consultations/{id} and …/results), so the stories
// need no backend.
import townCentreJson from './town-centre.json';
import libraryResultsJson from './library-hours-results.json';
import { allTypes } from './all-question-types.js';

const townCentre = townCentreJson as unknown as Consultation;
const libraryResults = libraryResultsJson as unknown as ConsultationResults;

/*
 * A reserved domain that never resolves: saving and sending fail as they would offline, which
 * is the state the "offline" stories show. Nothing is sent anywhere.
 */
const endpoint = 'https://council.example/api/consultations';

type Step = { kind: 'overview' } | { kind: 'page'; id: string } | { kind: 'check' } | { kind: 'saved'; from: string } | { kind: 'done' };

/**
 * Puts the resident somewhere in the flow, as a reload would find them: the element keeps its
 * progress in sessionStorage through core's DraftStore under `consultation:<endpoint>:<id>`.
 */
function resumeAt(definition: Consultation, step: Step, answers: Answers = {}, extra: Record<string, unknown> = {}) {
  new DraftStore(`consultation:${endpoint}:${definition.id}`).save({
    answers,
    step,
    key: 'storybook-idempotency-key',
    ...extra,
  });
}

function fresh(definition: Consultation) {
  new DraftStore(`consultation:${endpoint}:${definition.id}`).clear();
}

const element = (definition: Consultation, results?: ConsultationResults) =>
  html`<civic-consultation endpoint=${endpoint} .definition=${definition} .results=${results}></civic-consultation>`;

/** Waits for the element (and its lazily loaded page module) to show a heading. */
async function ready(canvasElement: HTMLElement): Promise<CivicConsultation> {
  const el = canvasElement.querySelector('civic-consultation')!;
  await customElements.whenDefined('civic-consultation');
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('h1'); i++) await new Promise((r) => setTimeout(r, 30));
  return el;
}

const answered: Answers = {
  'visit-frequency': 'weekly',
  drives: 'yes',
  travel: ['walk', 'other'],
  'travel.other': 'Mobility scooter',
  postcode: 'LK1 2AB',
  'one-way': 'agree',
  priorities: ['trees', 'pavements', 'seating', 'cycle-parking', 'lighting'],
  'unsafe-place': { lat: 52.2281, lng: -1.5049, address: 'Station Road underpass, Larkmead' },
  'unsafe-why': 'It is dark and there is nobody about after 6pm.',
  comments: 'More benches, please.',
  'park-where': 'market-square',
  'car-park-rating': '2',
  'event-date': '2027-03-27',
  'responding-as': 'resident',
};

const open: Consultation = townCentre;
const closed: Consultation = { ...townCentre, status: 'closed', opens: '2026-06-01T09:00:00.000Z', closes: '2026-09-30T23:59:00.000Z' };
const upcoming: Consultation = { ...townCentre, status: 'upcoming', opens: '2027-03-01T09:00:00.000Z', closes: '2027-05-31T23:59:00.000Z' };
const published: Consultation = { ...townCentre, id: 'library-hours-2026', status: 'results_published' };

const meta: Meta = {
  title: 'Consultation/civic-consultation',
  tags: ['autodocs'],
  component: 'civic-consultation',
};
export default meta;
type Story = StoryObj;

export const Overview: Story = {
  render: () => {
    fresh(open);
    return element(open);
  },
};

export const OverviewUpcoming: Story = {
  render: () => {
    fresh(upcoming);
    return element(upcoming);
  },
};

export const PageAboutYou: Story = {
  name: 'Page 1: radios, yes/no, checkboxes with “Other”, text',
  render: () => {
    resumeAt(open, { kind: 'page', id: 'about-you' }, { drives: 'yes', travel: ['bus', 'other'], 'travel.other': 'Mobility scooter' });
    return element(open);
  },
};

export const PageProposals: Story = {
  name: 'Page 2: scale, ranking, pin a place, long text with a word limit',
  render: () => {
    resumeAt(open, { kind: 'page', id: 'proposals' }, { drives: 'yes' });
    return element(open);
  },
};

export const PageParking: Story = {
  name: 'Page 3 (shown only to drivers): radios and a conditional rating',
  render: () => {
    resumeAt(open, { kind: 'page', id: 'parking' }, { drives: 'yes', 'park-where': 'station-road' });
    return element(open);
  },
};

export const PageStayingInvolved: Story = {
  name: 'Page 4: date, radios with “Other”',
  render: () => {
    resumeAt(open, { kind: 'page', id: 'next-steps' }, { drives: 'yes' });
    return element(open);
  },
};

export const PageErrors: Story = {
  name: 'Page with errors (Continue pressed with nothing answered)',
  render: () => {
    resumeAt(open, { kind: 'page', id: 'about-you' });
    return element(open);
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.questions button[type=submit]')!.click();
  },
};

export const CheckAnswers: Story = {
  render: () => {
    resumeAt(open, { kind: 'check' }, answered);
    return element(open);
  },
};

export const SendFailedOffline: Story = {
  name: 'Check answers: sending failed (offline)',
  render: () => {
    resumeAt(open, { kind: 'check' }, answered);
    return element(open);
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.button')].at(-1)!.click();
  },
};

export const Saved: Story = {
  name: 'Saved: the resume code',
  render: () => {
    resumeAt(open, { kind: 'saved', from: 'proposals' }, { drives: 'no' }, { resumeCode: 'K7M3QX9P', expiresAt: '2026-12-23T15:04:05.000Z' });
    return element(open);
  },
};

export const Confirmation: Story = {
  render: () => {
    resumeAt(open, { kind: 'done' }, {}, { reference: 'LDC-C-4QJ7-M2XD' });
    return element(open);
  },
};

export const Closed: Story = {
  name: 'Closed, results not published yet',
  render: () => {
    fresh(closed);
    return element(closed);
  },
};

export const Results: Story = {
  name: 'Results: we asked, you said, we did',
  render: () => element(published, libraryResults),
};

export const ResultsTablesOpen: Story = {
  name: 'Results with the tables shown',
  render: () => element(published, libraryResults),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
  },
};

export const LoadFailedOffline: Story = {
  name: 'Could not load (offline), with the page’s own fallback',
  render: () =>
    html`<civic-consultation endpoint=${endpoint} consultation="town-centre-2026">
      <p slot="fallback">You can also respond by phone on 01632 960000, or by post.</p>
    </civic-consultation>`,
};

export const EveryQuestionType: Story = {
  name: 'Every question type on one page',
  render: () => {
    resumeAt(allTypes, { kind: 'page', id: 'all' });
    return element(allTypes);
  },
};

export const EveryQuestionTypeErrors: Story = {
  name: 'Every question type: errors',
  render: () => {
    resumeAt(allTypes, { kind: 'page', id: 'all' }, { colour: 'other', features: ['a', 'b', 'c'] });
    return element(allTypes);
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.questions button[type=submit]')!.click();
  },
};
