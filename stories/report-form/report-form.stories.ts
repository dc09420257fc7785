import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@civic-widgets/report-form/define';
import type { CivicReportForm } from '@civic-widgets/report-form';
import type { Service, ServiceAttribute, ServiceRequest } from '@civic-widgets/core';

/*
 * Every page and error state of <civic-report-form>, with the demo council's data set straight
 * into the element, so the stories need no server. (Against a real server the same pages come
 * from GET services and GET services/{code}: run `pnpm start` and see examples/.)
 */

const services: Service[] = [
  { code: 'potholes', name: 'Pothole', description: 'A hole or broken surface in a road, pavement or cycle lane.', metadata: true, type: 'realtime', keywords: ['pothole'], groups: ['Roads and pavements'], emergencyNotice: 'If someone is in danger, call 999. If a pothole is causing danger to traffic right now, call us on 01632 960000.' },
  { code: 'street_lights', name: 'Street light not working', description: 'A street light that is off, on in daytime, flashing or damaged.', metadata: true, type: 'realtime', keywords: ['lamp'], groups: ['Roads and pavements', 'Street lights'] },
  { code: 'speeding_traffic', name: 'Speeding traffic', description: 'Vehicles regularly going too fast on a road.', metadata: true, type: 'realtime', keywords: ['speed'], groups: ['Roads and pavements'] },
  { code: 'fly_tipping', name: 'Fly-tipping', description: 'Rubbish dumped illegally on a street, verge or other public land.', metadata: true, type: 'realtime', keywords: ['rubbish'], groups: ['Bins, rubbish and recycling'] },
  { code: 'graffiti', name: 'Graffiti', description: 'Graffiti on public buildings, walls, signs or street furniture.', metadata: true, type: 'realtime', keywords: ['paint'], groups: ['Streets and anti-social behaviour'] },
];

const many: Service[] = [
  ...services,
  ...['Dead animal', 'Dog fouling', 'Overgrown hedge', 'Blocked drain', 'Abandoned vehicle', 'Broken bench', 'Damaged sign'].map((name, i) => ({
    code: `extra_${i}`,
    name,
    description: '',
    metadata: false,
    type: 'realtime',
    keywords: [],
    groups: ['Streets and anti-social behaviour'],
  })),
];

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

const potholeQuestions: ServiceAttribute[] = [
  attr('depth', 'How deep is it?', {
    datatypeDescription: 'Your best guess is fine.',
    values: [
      { key: 'shallow', name: 'Less than 4cm (about the depth of a matchbox)' },
      { key: 'medium', name: '4cm to 10cm' },
      { key: 'deep', name: 'More than 10cm' },
    ],
  }),
  attr('caused_damage', 'Has it caused an injury or damaged a vehicle?', { required: false, values: [{ key: 'yes', name: 'Yes' }, { key: 'no', name: 'No' }] }),
  attr('damage_details', 'Tell us what happened', { datatype: 'text', showWhen: { code: 'caused_damage', values: ['yes'] } }),
];

const otherQuestions: ServiceAttribute[] = [
  attr('info', 'We clear fly-tipping from public land only, not from private gardens.', { variable: false, datatype: 'string' }),
  attr('waste_types', 'What has been dumped?', {
    datatype: 'multivaluelist',
    datatypeDescription: 'Select all that apply.',
    values: [
      { key: 'bags', name: 'Household bags' },
      { key: 'furniture', name: 'Furniture or mattresses' },
      { key: 'tyres', name: 'Tyres' },
    ],
  }),
  attr('road', 'Which road is it on?', {
    values: ['Abbey Road', 'Bridge Street', 'Church Lane', 'Dale View', 'Elm Close', 'Ford Way', 'Green Lane', 'High Street'].map((name, i) => ({ key: `0${i + 1}`, name })),
  }),
  attr('count', 'How many lights in a row are off?', { datatype: 'number', required: false, datatypeDescription: 'Enter a number, like 3.' }),
  attr('since', 'When did you first notice it?', { datatype: 'datetime', required: false }),
];

const place = { lat: 52.228154, lng: -1.514804, address: '1 High Street, Larkmead, LK1 1AA' };

interface Setup {
  services?: Service[];
  serviceCode?: string;
  questions?: ServiceAttribute[];
  page: string;
  answers?: Record<string, unknown>;
  nearby?: Partial<ServiceRequest>[];
  confirmation?: CivicReportForm['confirmation'];
  /** Press Continue once, to show the page's errors. */
  continue?: boolean;
}

/** Renders the form on one page, in one state. */
function page(s: Setup) {
  return {
    render: () => {
      const el = document.createElement('civic-report-form');
      el.setAttribute('endpoint', 'https://council.example/open311/v2');
      el.setAttribute('phone', '01632 960000');
      el.setAttribute('tracker-url', '/track?ref={id}');
      el.setAttribute('privacy-url', '/privacy');
      // The state a server would have given it (the stories run without one).
      const internals = el as unknown as Record<string, unknown>;
      Object.assign(internals, {
        loadedServices: s.services ?? services,
        restored: true,
        ready: true,
        mediaSupported: true,
        questions: s.questions ?? [],
        nearby: s.nearby ?? [],
        confirmation: s.confirmation,
        page: s.page,
      });
      el.answers = { ...el.answers, serviceCode: s.serviceCode ?? '', ...s.answers } as CivicReportForm['answers'];
      return el;
    },
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      if (!s.continue) return;
      const el = canvasElement.querySelector('civic-report-form')!;
      // The pages after the first are a chunk of their own: wait until this one is drawn.
      for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('button.button'); i++) await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      await el.next();
    },
  };
}

const meta: Meta = {
  title: 'Report form/Pages',
  tags: ['autodocs'],
  component: 'civic-report-form',
};
export default meta;
type Story = StoryObj;

export const Category: Story = page({ page: 'category' });
export const CategoryNothingChosen: Story = page({ page: 'category', continue: true });
export const CategoryWithSearch: Story = page({ page: 'category', services: many });
export const QuestionRadiosWithEmergencyNotice: Story = page({ page: 'question:depth', serviceCode: 'potholes', questions: potholeQuestions });
export const QuestionNotAnswered: Story = page({ page: 'question:depth', serviceCode: 'potholes', questions: potholeQuestions, continue: true });
export const ConditionalQuestion: Story = page({
  page: 'question:damage_details',
  serviceCode: 'potholes',
  questions: potholeQuestions,
  answers: { attributes: { depth: 'deep', caused_damage: 'yes' } },
});
export const QuestionCheckboxesWithInformation: Story = page({ page: 'question:waste_types', serviceCode: 'fly_tipping', questions: otherQuestions });
export const QuestionLongListAsSelect: Story = page({ page: 'question:road', serviceCode: 'fly_tipping', questions: otherQuestions });
export const QuestionNumber: Story = page({ page: 'question:count', serviceCode: 'fly_tipping', questions: otherQuestions });
export const QuestionDate: Story = page({ page: 'question:since', serviceCode: 'fly_tipping', questions: otherQuestions });
export const Description: Story = page({ page: 'description', serviceCode: 'graffiti' });
export const Where: Story = page({ page: 'where', serviceCode: 'graffiti' });
export const WhereNotChosen: Story = page({ page: 'where', serviceCode: 'graffiti', continue: true });
export const AlreadyReported: Story = page({
  page: 'duplicates',
  serviceCode: 'fly_tipping',
  answers: { place },
  nearby: [
    { id: 'LDC-1042', address: '3 High Street, Larkmead', description: 'Mattress and two bags by the bus stop', requestedAt: new Date('2026-11-20T09:00:00Z'), status: 'open' },
  ],
});
export const AlreadyReportedNothingChosen: Story = { ...page({ page: 'duplicates', serviceCode: 'fly_tipping', answers: { place }, nearby: [{ id: 'LDC-1042', address: '3 High Street, Larkmead', description: 'Mattress', requestedAt: new Date('2026-11-20T09:00:00Z'), status: 'open' }], continue: true }) };
export const FollowExistingReport: Story = page({ page: 'existing', serviceCode: 'fly_tipping', answers: { duplicate: 'LDC-1042' } });
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
export const CheckYourAnswers: Story = page({
  page: 'check',
  serviceCode: 'potholes',
  questions: potholeQuestions,
  answers: { attributes: { depth: 'medium', caused_damage: 'yes', damage_details: 'My front tyre burst.' }, description: 'Near the zebra crossing', place, name: 'Sam Jones', email: 'sam@example.com', updates: true },
});
/** The server refused the report (a 4xx): its own words, in the error summary on the check page. */
export const CheckRefusedByServer: Story = {
  ...page({ page: 'check', serviceCode: 'graffiti', answers: { attributes: {}, place: { lat: 51.5, lng: -0.12, address: 'Westminster, London' } } }),
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('civic-report-form')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('h1'); i++) await new Promise((r) => setTimeout(r, 50));
    el.errors = [{ message: 'This location is outside Larkmead District Council. Report it to Westminster City Council.', target: el.shadowRoot!.querySelector('h1')! }];
  },
};
export const Waiting: Story = page({ page: 'queued', serviceCode: 'graffiti' });
export const Confirmation: Story = page({
  page: 'done',
  confirmation: { id: 'LDC-1043', token: null, notice: 'Our highways team will inspect it within 5 working days.', email: 'sam@example.com', queued: false },
});
export const ConfirmationParishClerk: Story = page({
  page: 'done',
  confirmation: {
    id: 'LDC-1044',
    token: null,
    notice: 'Fenbury Parish Council runs Community Speedwatch and speed warning signs here, so we have passed your report to them. The parish clerk, Margaret Oakes, will contact you: clerk@fenbury-pc.example.org, 01632 960101.',
    email: '',
    queued: false,
  },
});
export const ConfirmationAfterWaiting: Story = page({
  page: 'done',
  confirmation: { id: 'LDC-1045', token: null, notice: '', email: 'sam@example.com', queued: true },
});
export const ConfirmationTokenOnly: Story = page({
  page: 'done',
  confirmation: { id: null, token: '9b974a63-45cd-46fe-b49d-ad0f88c00abd', notice: '', email: '', queued: false },
});
/** The toolbar's Language switch shows every story in Welsh; this one starts in it. */
export const Welsh: Story = { ...page({ page: 'category' }), globals: { locale: 'cy' } };

export const ServerUnreachable: Story = {
  render: () => html`<civic-report-form endpoint="https://council.invalid/open311/v2" phone="01632 960000"></civic-report-form>`,
};

export const NoEndpoint: Story = {
  render: () => html`<civic-report-form phone="01632 960000">
    <p>Report a problem on our <a href="/old-form">online form</a> or call 01632 960000.</p>
  </civic-report-form>`,
};

export const OtherWaysToReportSlot: Story = {
  render: () => html`<civic-report-form endpoint="https://council.invalid/open311/v2">
    <p slot="contact">You can also report it by calling 01632 960000 (Monday to Friday, 9am to 5pm) or at any council office.</p>
  </civic-report-form>`,
};
