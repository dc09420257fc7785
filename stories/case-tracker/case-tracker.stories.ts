import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import '@civic-widgets/case-tracker/define';
import { demoBackend } from '../backend/demo-backend.ts';
import { DEMO_BACKEND, DEMO_OPEN311, demoJson } from '../backend/urls.ts';

/*
 * The tracker against the demo backend (stories/backend): the demo council's sample reports
 * (packages/server/demo/reports.json), one in each status, with their updates. Stories find a
 * report by its status, so the demo data can change without breaking them.
 */

interface Loaded {
  /** A reference in each extended status, e.g. byStatus.fixed = "LDC-1001". */
  byStatus: Record<string, string>;
}

type MswContext = Pick<StoryContext, 'msw'>;

/**
 * Another council's server at its own address, answering from the same demo data, where the
 * extensions named answer 404 as on a server that does not have them.
 */
function serverWithout(name: string, ...extensions: Array<'servicerequestupdates' | 'subscriptions'>) {
  const base = `${DEMO_BACKEND}-${name}`;
  return {
    endpoint: `${base}/open311/v2`,
    beforeEach({ msw }: MswContext) {
      const missing = extensions.flatMap((path) =>
        [`${base}/open311/v2/${path}`, `${base}/open311/v2/${path}.json`].map((url) =>
          http.all(url, () => HttpResponse.json([{ code: 404, description: 'Not found' }], { status: 404 })),
        ),
      );
      msw.use(...missing, ...demoBackend({ base }));
    },
  };
}

const meta: Meta = {
  title: 'Case tracker',
  tags: ['autodocs'],
  component: 'civic-case-tracker',
  loaders: [
    async (): Promise<Loaded> => {
      const reports = await demoJson<Array<{ service_request_id: string; extended_status: string }>>('/open311/v2/requests.json');
      return { byStatus: Object.fromEntries(reports.map((r) => [r.extended_status, r.service_request_id])) };
    },
  ],
};
export default meta;
type Story = StoryObj;

type Context = { loaded: Record<string, unknown> };
const refIn = (status: string, { loaded }: Context) => (loaded as unknown as Loaded).byStatus[status] ?? 'LDC-1001';

/** The case in `status`, as a resident following the link in their email sees it. */
const caseStory = (status: string, attrs: { labels?: string; endpoint?: string } = {}): Story => ({
  render: (_args, context) =>
    html`<civic-case-tracker ref=${refIn(status, context)} endpoint=${attrs.endpoint ?? DEMO_OPEN311} status-labels=${attrs.labels ?? ''}></civic-case-tracker>`,
});

/** The element as a webmaster pastes it: change its attributes in the Controls panel. */
export const Playground: Story = {
  args: { endpoint: DEMO_OPEN311, reference: 'LDC-1004', mode: 'case', pageSize: 10, heading: '' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['case', 'list'] },
    reference: { control: 'select', options: ['', ...Array.from({ length: 10 }, (_, i) => `LDC-${1001 + i}`)] },
  },
};

/** No reference yet: the resident types the one from their email. */
export const LookUp: Story = {
  render: () =>
    html`<civic-case-tracker endpoint=${DEMO_OPEN311} reference-example="LDC-1001">
      <p slot="contact">If you cannot find your reference, call us on 01632 960000.</p>
    </civic-case-tracker>`,
};

/** The reference is not one the server knows. */
export const NotFound: Story = {
  render: () => html`<civic-case-tracker ref="LDC-9999" endpoint=${DEMO_OPEN311}></civic-case-tracker>`,
};

export const Received = caseStory('open');
export const Investigating = caseStory('investigating');
export const InProgress = caseStory('in_progress');
/** With the date the council expects to finish (`expected_datetime`). */
export const ActionScheduled = caseStory('action_scheduled');
export const Fixed = caseStory('fixed');
export const Closed = caseStory('closed');
export const NotTheCouncilsResponsibility = caseStory('not_councils_responsibility');
export const Duplicate = caseStory('duplicate');
export const NoFurtherAction = caseStory('no_further_action');

/** The council's own words for statuses (`status-labels`), per language. */
export const CouncilLabels = caseStory('action_scheduled', {
  labels: JSON.stringify({ action_scheduled: { en: 'Repair booked', cy: "Atgyweirio wedi'i drefnu" }, investigating: 'Being inspected' }),
});

/**
 * Markup in server text shows as text: a report whose description is HTML, stored through the
 * demo backend's POST requests like any other.
 */
export const ServerTextAsText: Story = {
  loaders: [
    async () => {
      const body = new URLSearchParams({
        service_code: 'graffiti',
        lat: '52.2237',
        long: '-1.5047',
        description: 'Tag on the bus shelter <img src=x onerror="alert(1)"> <b>Server text is always shown as text.</b>',
        'attribute[surface]': 'street_furniture',
        'attribute[offensive]': 'no',
      });
      const response = await fetch(`${DEMO_OPEN311}/requests.json`, { method: 'POST', body });
      const [created] = (await response.json()) as Array<{ service_request_id?: string }>;
      return { markupRef: created?.service_request_id ?? 'LDC-9999' };
    },
  ],
  render: (_args, { loaded }) => html`<civic-case-tracker ref=${String(loaded.markupRef)} endpoint=${DEMO_OPEN311}></civic-case-tracker>`,
};

/** A photo as a phone would send it: a small JPEG drawn here, so the story needs no image file. */
async function photo(colour: string, label: string): Promise<Blob> {
  const canvas = new OffscreenCanvas(480, 360);
  const g = canvas.getContext('2d')!;
  g.fillStyle = colour;
  g.fillRect(0, 0, 480, 360);
  g.fillStyle = '#ffffff';
  g.font = 'bold 48px sans-serif';
  g.fillText(label, 40, 200);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

/**
 * A report sent with three photos, stored through the demo backend's media upload and POST
 * requests as the report form sends them: the tracker shows each as a thumbnail linking to the
 * full size, with alt text saying which photo it is (the `photos` part,
 * `--civic-case-tracker-thumbnail-width`).
 */
export const WithPhotos: Story = {
  loaders: [
    async () => {
      const body = new URLSearchParams({
        service_code: 'graffiti',
        lat: '52.2237',
        long: '-1.5047',
        description: 'Spray paint across the bus shelter, both sides and the timetable.',
        'attribute[surface]': 'street_furniture',
        'attribute[offensive]': 'no',
      });
      for (const [colour, label] of [['#1d70b8', 'Photo 1'], ['#00703c', 'Photo 2'], ['#d4351c', 'Photo 3']] as const) {
        const upload = new FormData();
        upload.set('media', await photo(colour, label), `${label}.jpg`);
        const stored = (await (await fetch(`${DEMO_OPEN311}/media`, { method: 'POST', body: upload })).json()) as { media_url: string };
        body.append('media_url', stored.media_url);
      }
      const response = await fetch(`${DEMO_OPEN311}/requests.json`, { method: 'POST', body });
      const [created] = (await response.json()) as Array<{ service_request_id?: string }>;
      return { photosRef: created?.service_request_id ?? 'LDC-9999' };
    },
  ],
  render: (_args, { loaded }) => html`<civic-case-tracker ref=${String(loaded.photosRef)} endpoint=${DEMO_OPEN311}></civic-case-tracker>`,
};

const coreOnly = serverWithout('core-only', 'servicerequestupdates', 'subscriptions');
/** A server without the updates extension: the status alone, with its notes. */
export const StatusOnly: Story = { ...caseStory('action_scheduled', { endpoint: coreOnly.endpoint }), beforeEach: coreOnly.beforeEach };

const noSubscriptions = serverWithout('no-subscriptions', 'subscriptions');
/** A server without subscriptions: no "Email me when this changes". */
export const NoEmailUpdates: Story = { ...caseStory('investigating', { endpoint: noSubscriptions.endpoint }), beforeEach: noSubscriptions.beforeEach };

/** The server cannot be reached. */
export const ServerDown: Story = {
  beforeEach({ msw }: MswContext) {
    msw.use(http.all(`${DEMO_OPEN311}/*`, () => HttpResponse.error()));
  },
  render: () =>
    html`<civic-case-tracker ref="LDC-1001" endpoint=${DEMO_OPEN311}>
      <p slot="contact">You can also call us on 01632 960000.</p>
    </civic-case-tracker>`,
};

/** No endpoint: the webmaster sees the problem in the console; residents see this. */
export const NotConfigured: Story = {
  render: () => html`<civic-case-tracker><p slot="contact">Call us on 01632 960000 to ask about a report.</p></civic-case-tracker>`,
};

/** List mode: recent reports, a page at a time. */
export const RecentReports: Story = {
  render: () => html`<civic-case-tracker mode="list" page-size="4" endpoint=${DEMO_OPEN311}></civic-case-tracker>`,
};

/** List mode near a point where nothing has been reported. */
export const NoRecentReports: Story = {
  render: () =>
    html`<civic-case-tracker mode="list" lat="52.29" long="-1.36" radius="100" heading="Reported near you" endpoint=${DEMO_OPEN311}></civic-case-tracker>`,
};
