import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import '@civic-widgets/report-form/define';
import type { CivicReportForm } from '@civic-widgets/report-form';
import { Open311Client, type Service, type ServiceAttribute, type ServiceRequest } from '@civic-widgets/core';
import { serviceSummary } from '../../packages/server/src/requests/open311/services.ts';
import { demoConfig } from '../backend/demo-backend.ts';
import { DEMO_OPEN311 } from '../backend/urls.ts';

/*
 * Every page and error state of <civic-report-form>, against the demo council's backend
 * (stories/backend): its categories and questions are the reference server's demo config, a
 * report sent from a story is checked and routed by the server's own rules, and "already
 * reported" lists the demo's sample reports. A story starts the form on one page, as a resident
 * returning to a saved draft would find it.
 */

interface Loaded {
  services: Service[];
  /** Each demo category's questions (GET services/{code}). */
  definitions: Record<string, ServiceAttribute[]>;
}

const client = () => new Open311Client({ endpoint: DEMO_OPEN311, retries: 0 });

/** Question types the demo council's categories do not use, so their pages can be seen too. */
const attr = (code: string, description: string, extra: Partial<ServiceAttribute> = {}): ServiceAttribute => ({
  code,
  description,
  variable: true,
  datatype: 'singlevaluelist',
  required: true,
  datatypeDescription: '',
  order: 1,
  values: [],
  ...extra,
});
const otherQuestionTypes: ServiceAttribute[] = [
  attr('info', 'We clear fly-tipping from public land only, not from private gardens.', { variable: false, datatype: 'string' }),
  attr('waste_types', 'What has been dumped?', {
    datatype: 'multivaluelist',
    datatypeDescription: 'Select all that apply.',
    values: [
      { key: 'bags', name: 'Household bags' },
      { key: 'furniture', name: 'Furniture or mattresses' },
    ],
  }),
  attr('road', 'Which road is it on?', {
    values: ['Abbey Road', 'Bridge Street', 'Church Lane', 'Dale View', 'Elm Close', 'Ford Way', 'Green Lane', 'High Street'].map((name, i) => ({ key: `0${i + 1}`, name })),
  }),
  attr('since', 'When did you first notice it?', { datatype: 'datetime', required: false }),
];

/** 16 Mill Lane, Larkmead: next door to an open pothole report in the demo data. */
const place = { lat: 52.231086, lng: -1.514654, address: '16 Mill Lane, Larkmead, LK1 9AL' };
/** In Westshire, next door: the server refuses it and names the neighbour. */
const westshire = { lat: 52.22, lng: -1.7, address: 'Westshire' };

interface Setup {
  serviceCode?: string;
  /** The category's questions; the demo's own for `serviceCode` when left out. */
  questions?: ServiceAttribute[];
  page: string;
  answers?: Record<string, unknown>;
  nearby?: boolean;
  confirmation?: CivicReportForm['confirmation'];
  /** Press Continue once, to show the page's errors. */
  continue?: boolean;
  /** Press "Send report" (on the check page): the demo backend answers. */
  send?: boolean;
}

async function drawn(el: HTMLElement, selector = 'button.button'): Promise<void> {
  // The pages after the first are a chunk of their own: wait until this one is drawn.
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 50));
}

/** Renders the form on one page, in one state. */
function page(s: Setup): Story {
  return {
    loaders: s.nearby
      ? // The element's own question when it leaves "Where": open reports in this category nearby.
        [async () => ({ nearby: await client().requests({ serviceCode: s.serviceCode, lat: place.lat, long: place.lng, radius: 100, status: 'open' }) })]
      : [],
    render: (_args, { loaded }) => {
      const demo = loaded as unknown as Loaded & { nearby?: ServiceRequest[] };
      const el = document.createElement('civic-report-form');
      el.setAttribute('endpoint', DEMO_OPEN311);
      el.setAttribute('phone', '01632 960000');
      el.setAttribute('tracker-url', '/track?ref={id}');
      el.setAttribute('privacy-url', '/privacy');
      // Where a resident returning to a draft would be (the element loads the categories itself).
      const internals = el as unknown as Record<string, unknown>;
      Object.assign(internals, {
        loadedServices: demo.services,
        restored: true,
        ready: true,
        mediaSupported: true,
        questions: s.questions ?? demo.definitions[s.serviceCode ?? ''] ?? [],
        nearby: demo.nearby ?? [],
        confirmation: s.confirmation,
        page: s.page,
      });
      el['answers'] = { ...el['answers'], serviceCode: s.serviceCode ?? '', ...s.answers } as CivicReportForm['answers'];
      return el;
    },
    play: async ({ canvasElement }) => {
      const el = canvasElement.querySelector('civic-report-form')!;
      await drawn(el);
      await el.updateComplete;
      if (s.continue) await el['next']();
      if (s.send) await el['submit']();
    },
  };
}

type Story = StoryObj;

const meta: Meta = {
  title: 'Report form/Pages',
  tags: ['autodocs'],
  component: 'civic-report-form',
  loaders: [
    async (): Promise<Loaded> => {
      const services = await client().services();
      const definitions = await Promise.all(services.map(async (s) => [s.code, (await client().serviceDefinition(s.code)).attributes] as const));
      return { services, definitions: Object.fromEntries(definitions) };
    },
  ],
};
export default meta;

/** The element as a webmaster pastes it: change its attributes in the Controls panel. */
export const Playground: Story = {
  args: { endpoint: DEMO_OPEN311, phone: '01632 960000', trackerUrl: '/track?ref={id}', privacyUrl: '/privacy', serviceCode: '', contactRequired: '' },
  argTypes: { serviceCode: { control: 'select', options: ['', ...demoConfig().services.map((s) => s.service_code)] } },
};

export const Category: Story = page({ page: 'category' });
export const CategoryNothingChosen: Story = page({ page: 'category', continue: true });

/** A council with more categories than the demo's five: the list gets a search box. */
export const CategoryWithSearch: Story = {
  ...page({ page: 'category' }),
  beforeEach({ msw }) {
    const more = ['Dead animal', 'Dog fouling', 'Overgrown hedge', 'Blocked drain', 'Abandoned vehicle', 'Broken bench', 'Damaged sign'].map((name, i) => ({
      service_code: `extra_${i}`,
      service_name: name,
      description: '',
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: 'Streets and anti-social behaviour',
    }));
    msw.use(http.get(`${DEMO_OPEN311}/services.json`, () => HttpResponse.json([...demoConfig().services.map(serviceSummary), ...more])));
  },
};
export const QuestionRadiosWithEmergencyNotice: Story = page({ page: 'question:depth', serviceCode: 'potholes' });
export const QuestionNotAnswered: Story = page({ page: 'question:depth', serviceCode: 'potholes', continue: true });
export const ConditionalQuestion: Story = page({
  page: 'question:damage_details',
  serviceCode: 'potholes',
  answers: { attributes: { depth: 'deep', position: 'carriageway', caused_damage: 'yes' } },
});
export const QuestionCheckboxes: Story = page({ page: 'question:waste_types', serviceCode: 'fly_tipping' });
export const QuestionNumber: Story = page({ page: 'question:lights_affected', serviceCode: 'street_lights', answers: { attributes: { fault: 'off' } } });
export const QuestionInformationOnly: Story = page({ page: 'question:waste_types', serviceCode: 'fly_tipping', questions: otherQuestionTypes });
export const QuestionLongListAsSelect: Story = page({ page: 'question:road', serviceCode: 'fly_tipping', questions: otherQuestionTypes });
export const QuestionDate: Story = page({ page: 'question:since', serviceCode: 'fly_tipping', questions: otherQuestionTypes });
export const Description: Story = page({ page: 'description', serviceCode: 'graffiti' });
export const Where: Story = page({ page: 'where', serviceCode: 'graffiti' });
export const WhereNotChosen: Story = page({ page: 'where', serviceCode: 'graffiti', continue: true });
/** The demo's reports near the chosen place (GET requests near a point). */
export const AlreadyReported: Story = page({ page: 'duplicates', serviceCode: 'potholes', answers: { place }, nearby: true });
export const AlreadyReportedNothingChosen: Story = page({ page: 'duplicates', serviceCode: 'potholes', answers: { place }, nearby: true, continue: true });
export const FollowExistingReport: Story = page({ page: 'existing', serviceCode: 'potholes', answers: { place, duplicate: 'LDC-1004' } });
export const Photos: Story = page({ page: 'photos', serviceCode: 'graffiti', answers: { place } });

const swatch = (fill: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="${fill}"/></svg>`)}`;

export const PhotosAdded: Story = page({
  page: 'photos',
  serviceCode: 'graffiti',
  answers: {
    place,
    photos: [
      { url: swatch('#6a8f5a'), name: 'IMG_0001.jpg' },
      { url: swatch('#8a6f4a'), name: 'IMG_0002.jpg' },
    ],
  },
});

/** Choosing a file that is not a photo: the message says which file and what to choose. */
export const PhotoNotAnImage: Story = {
  ...page({ page: 'photos', serviceCode: 'graffiti', answers: { place } }),
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('civic-report-form')!;
    let input: HTMLInputElement | null | undefined;
    for (let i = 0; i < 100 && !(input = el.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]')); i++) await new Promise((r) => setTimeout(r, 50));
    const files = new DataTransfer();
    files.items.add(new File(['minutes of the last meeting'], 'minutes.txt', { type: 'text/plain' }));
    input!.files = files.files;
    input!.dispatchEvent(new Event('change', { bubbles: true }));
  },
};
export const AboutYou: Story = page({ page: 'about', serviceCode: 'graffiti' });
export const AboutYouErrors: Story = page({ page: 'about', serviceCode: 'graffiti', answers: { email: 'not an email', phone: '12', updates: true }, continue: true });
const potholeAnswers = {
  attributes: { depth: 'medium', position: 'carriageway', caused_damage: 'yes', damage_details: 'My front tyre burst.' },
  description: 'Near the zebra crossing',
  place,
  name: 'Sam Jones',
  email: 'sam@example.com',
  updates: true,
};
export const CheckYourAnswers: Story = page({ page: 'check', serviceCode: 'potholes', answers: potholeAnswers });
/** The server refused the report (a 4xx): its own words, in the error summary on the check page. */
export const CheckRefusedByServer: Story = page({ page: 'check', serviceCode: 'potholes', answers: { ...potholeAnswers, place: westshire }, send: true });
export const Waiting: Story = page({ page: 'queued', serviceCode: 'graffiti' });
/** "Send report" pressed: the reference and what happens next, in the demo backend's words. */
export const Confirmation: Story = page({ page: 'check', serviceCode: 'potholes', answers: potholeAnswers, send: true });
/** Speeding in Fenbury goes to the parish council, whose clerk the confirmation names. */
export const ConfirmationParishClerk: Story = page({
  page: 'check',
  serviceCode: 'speeding_traffic',
  answers: {
    attributes: { speed_limit: '30', wanted: 'speedwatch' },
    place: { lat: 52.254, lng: -1.572, address: '3 School Lane, Fenbury, LK3 4AE' },
    email: '',
  },
  send: true,
});
export const ConfirmationAfterWaiting: Story = page({
  page: 'done',
  confirmation: { id: 'LDC-1045', token: null, notice: '', email: 'sam@example.com', updates: false, queued: true },
});
export const ConfirmationTokenOnly: Story = page({
  page: 'done',
  confirmation: { id: null, token: '9b974a63-45cd-46fe-b49d-ad0f88c00abd', notice: '', email: '', updates: false, queued: false },
});
/** The toolbar's Language switch shows every story in Welsh; this one starts in it. */
export const Welsh: Story = { ...page({ page: 'category' }), globals: { locale: 'cy' } };

/** The council's server cannot be reached: the phone number is the way to report. */
export const ServerUnreachable: Story = {
  beforeEach({ msw }) {
    msw.use(http.all(`${DEMO_OPEN311}/*`, () => HttpResponse.error()));
  },
  render: () => html`<civic-report-form endpoint=${DEMO_OPEN311} phone="01632 960000"></civic-report-form>`,
};

export const NoEndpoint: Story = {
  render: () => html`<civic-report-form phone="01632 960000">
    <p>Report a problem on our <a href="/old-form">online form</a> or call 01632 960000.</p>
  </civic-report-form>`,
};

export const OtherWaysToReportSlot: Story = {
  render: () => html`<civic-report-form endpoint=${DEMO_OPEN311}>
    <p slot="contact">You can also report it by calling 01632 960000 (Monday to Friday, 9am to 5pm) or at any council office.</p>
  </civic-report-form>`,
};
