import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { DraftStore, type Answers, type Consultation, type ConsultationResults } from '@civic-widgets/core';
import '@civic-widgets/consultation/define';
import type { CivicConsultation } from '@civic-widgets/consultation';
import { DEMO_BACKEND, demoJson } from '../backend/urls.ts';
import { allTypes } from './all-question-types.js';

/*
 * The demo council's consultations, from the demo backend (stories/backend): "Town centre
 * changes" is open, "Library opening hours" closed with its results published. Saving and
 * sending reach the mock too; the "offline" stories make those requests fail.
 */
const endpoint = `${DEMO_BACKEND}/api/consultations`;

interface Loaded {
  townCentre: Consultation;
  libraryHours: Consultation;
  libraryResults: ConsultationResults;
}

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

const closed = (c: Consultation): Consultation => ({ ...c, status: 'closed', opens: '2026-06-01T09:00:00.000Z', closes: '2026-09-30T23:59:00.000Z' });
const upcoming = (c: Consultation): Consultation => ({ ...c, status: 'upcoming', opens: '2027-03-01T09:00:00.000Z', closes: '2027-05-31T23:59:00.000Z' });

/** Both with the network failing, as offline: the request never reaches the council. */
const offline = (method: 'get' | 'post' | 'put', path: string) => ({
  beforeEach({ msw }: Pick<StoryContext, 'msw'>) {
    msw.use(http[method](`${endpoint}${path}`, () => HttpResponse.error()));
  },
});

const meta: Meta = {
  title: 'Consultation/civic-consultation',
  tags: ['autodocs'],
  component: 'civic-consultation',
  loaders: [
    async (): Promise<Loaded> => ({
      townCentre: await demoJson<Consultation>('/api/consultations/town-centre-2026'),
      libraryHours: await demoJson<Consultation>('/api/consultations/library-hours-2026'),
      libraryResults: await demoJson<ConsultationResults>('/api/consultations/library-hours-2026/results'),
    }),
  ],
};
export default meta;
type Story = StoryObj;
type Context = { loaded: Record<string, unknown> };
const demo = ({ loaded }: Context) => loaded as unknown as Loaded;

/** The element as a webmaster pastes it: change its attributes in the Controls panel. */
export const Playground: Story = {
  args: { endpoint, consultation: 'town-centre-2026', geocoderUrl: `${DEMO_BACKEND}/api/addresses`, mapStyle: `${DEMO_BACKEND}/basemap/style.json` },
  argTypes: { consultation: { control: 'select', options: ['town-centre-2026', 'library-hours-2026'] } },
};

export const Overview: Story = {
  render: (_args, context) => {
    const open = demo(context).townCentre;
    fresh(open);
    return element(open);
  },
};

export const OverviewUpcoming: Story = {
  render: (_args, context) => {
    const soon = upcoming(demo(context).townCentre);
    fresh(soon);
    return element(soon);
  },
};

export const PageAboutYou: Story = {
  name: 'Page 1: radios, yes/no, checkboxes with “Other”, text',
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'page', id: 'about-you' }, { drives: 'yes', travel: ['bus', 'other'], 'travel.other': 'Mobility scooter' });
    return element(open);
  },
};

export const PageProposals: Story = {
  name: 'Page 2: scale, ranking, pin a place, long text with a word limit',
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'page', id: 'proposals' }, { drives: 'yes' });
    return element(open);
  },
};

export const PageParking: Story = {
  name: 'Page 3 (shown only to drivers): radios and a conditional rating',
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'page', id: 'parking' }, { drives: 'yes', 'park-where': 'station-road' });
    return element(open);
  },
};

export const PageStayingInvolved: Story = {
  name: 'Page 4: date, radios with “Other”',
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'page', id: 'next-steps' }, { drives: 'yes' });
    return element(open);
  },
};

export const PageErrors: Story = {
  name: 'Page with errors (Continue pressed with nothing answered)',
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'page', id: 'about-you' });
    return element(open);
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.questions button[type=submit]')!.click();
  },
};

export const CheckAnswers: Story = {
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'check' }, answered);
    return element(open);
  },
};

/** Check answers with everything answered, and Send pressed. */
const sendStory = (name: string, extra: Partial<Story> = {}): Story => ({
  name,
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'check' }, answered);
    return element(open);
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.button')].at(-1)!.click();
  },
  ...extra,
});

/** The demo backend checks the answers by the server's rules and gives a reference. */
export const Sent: Story = sendStory('Check answers: Send pressed, accepted');
export const SendFailedOffline: Story = sendStory('Check answers: sending failed (offline)', offline('post', '/town-centre-2026/responses'));

export const Saved: Story = {
  name: 'Saved: the resume code',
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'saved', from: 'proposals' }, { drives: 'no' }, { resumeCode: 'K7M3QX9P', expiresAt: '2026-12-23T15:04:05.000Z' });
    return element(open);
  },
};

export const Confirmation: Story = {
  render: (_args, context) => {
    const open = demo(context).townCentre;
    resumeAt(open, { kind: 'done' }, {}, { reference: 'LDC-C-4QJ7-M2XD' });
    return element(open);
  },
};

export const Closed: Story = {
  name: 'Closed, results not published yet',
  render: (_args, context) => {
    const ended = closed(demo(context).townCentre);
    fresh(ended);
    return element(ended);
  },
};

export const Results: Story = {
  name: 'Results: we asked, you said, we did',
  render: (_args, context) => element(demo(context).libraryHours, demo(context).libraryResults),
};

export const ResultsTablesOpen: Story = {
  name: 'Results with the tables shown',
  render: (_args, context) => element(demo(context).libraryHours, demo(context).libraryResults),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
  },
};

export const LoadFailedOffline: Story = {
  name: 'Could not load (offline), with the page’s own fallback',
  ...offline('get', '/town-centre-2026'),
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
