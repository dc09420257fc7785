import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { Open311Client } from '@civic-widgets/core';
import '@civic-widgets/case-tracker/define';

/*
 * Stories render without a backend: each gets an Open311Client whose fetch answers from the
 * data below, the way the reference server would (JSON, spec field names, error arrays). The
 * browser tests run the element against the real reference server instead.
 */
const ENDPOINT = 'https://larkmead.example.gov.uk/open311/v2';
const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 10, n, hour, 15)).toISOString();

interface StoryCase {
  request: Record<string, unknown>;
  updates: Record<string, unknown>[];
}

function pothole(id: string, status: string, updates: [string, string, string][], extra: Record<string, unknown> = {}): StoryCase {
  return {
    request: {
      service_request_id: id,
      status: ['fixed', 'closed', 'duplicate', 'not_councils_responsibility', 'unable_to_fix'].includes(status) ? 'closed' : 'open',
      extended_status: status,
      service_name: 'Pothole',
      service_code: 'potholes',
      description: 'A deep pothole in the cycle lane outside number 14. Cyclists are swerving into traffic.',
      agency_responsible: 'Larkmead District Council: Highways team',
      service_notice: 'We inspect potholes within 5 working days and make dangerous ones safe within 24 hours.',
      requested_datetime: day(2, 8),
      updated_datetime: updates.length ? updates[updates.length - 1]![1] : day(2, 8),
      expected_datetime: '',
      address: '14 Mill Lane, Larkmead, LK1 2AB',
      lat: 52.2201,
      long: -1.5012,
      media_url: '',
      ...extra,
    },
    updates: updates.map(([s, when, description], i) => ({
      update_id: String(i + 1),
      service_request_id: id,
      status: s,
      updated_datetime: when,
      description,
      media_url: '',
    })),
  };
}

const investigating: [string, string, string] = ['investigating', day(3), 'An inspector will look at the pothole this week.'];
const scheduled: [string, string, string] = ['action_scheduled', day(5), 'A repair crew is booked for Tuesday 10 November.'];

const cases: Record<string, StoryCase> = {
  'LDC-1001': pothole('LDC-1001', 'open', []),
  'LDC-1002': pothole('LDC-1002', 'investigating', [investigating]),
  'LDC-1003': pothole('LDC-1003', 'in_progress', [investigating, ['in_progress', day(6), 'The crew is on site.']]),
  'LDC-1004': pothole('LDC-1004', 'action_scheduled', [investigating, scheduled], { expected_datetime: day(10, 17) }),
  'LDC-1005': pothole('LDC-1005', 'fixed', [investigating, scheduled, ['fixed', day(10, 15), 'The pothole has been filled and the lane resurfaced.']]),
  'LDC-1006': pothole('LDC-1006', 'closed', [['closed', day(4), 'Closed after inspection: the surface is within safe limits.']]),
  'LDC-1007': pothole('LDC-1007', 'not_councils_responsibility', [
    ['not_councils_responsibility', day(3), 'Mill Lane is a private road. We have passed your report to the residents’ association.'],
  ]),
  'LDC-1008': pothole('LDC-1008', 'duplicate', [['duplicate', day(3), 'This pothole was already reported as LDC-0998. Follow that report for updates.']]),
  'LDC-1009': pothole('LDC-1009', 'unable_to_fix', [['unable_to_fix', day(7), 'The road is due to be rebuilt in March; we have made it safe until then.']]),
  'LDC-1010': pothole('LDC-1010', 'investigating', [
    ['investigating', day(3), 'We are looking at <img src=x onerror="alert(1)"> this. <b>Server text is always shown as text.</b>'],
  ]),
};

interface Backend {
  updates?: boolean;
  subscriptions?: boolean;
  down?: boolean;
}

/** A fetch that answers like an Open311 server with (or without) the extensions. */
function storyFetch({ updates = true, subscriptions = true, down = false }: Backend): typeof fetch {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  return async (input, init) => {
    if (down) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    const path = url.pathname.replace(/^\/open311\/v2\//, '');
    const one = /^requests\/(.+)\.json$/.exec(path);
    if (one) {
      const found = cases[decodeURIComponent(one[1]!)];
      if (!found) return json([{ code: 404, description: 'There is no report with this reference.' }], 404);
      // Without the updates extension, a server says what it can in the request itself.
      const latest = found.updates[found.updates.length - 1];
      return json([updates || !latest ? found.request : { ...found.request, status_notes: latest.description }]);
    }
    if (path === 'requests.json') return json(Object.values(cases).map((c) => c.request));
    if (path === 'servicerequestupdates.json' && updates) {
      return json(cases[url.searchParams.get('service_request_id') ?? '']?.updates ?? []);
    }
    if (path === 'subscriptions' && subscriptions && init?.method === 'POST') {
      const email = new URLSearchParams(String(init.body)).get('email');
      return email ? json({ message: 'Check your email' }, 202) : json([{ code: 400, description: 'email is required' }], 400);
    }
    return json([{ code: 404, description: 'Not found' }], 404);
  };
}

const client = (backend: Backend = {}) => new Open311Client({ endpoint: ENDPOINT, fetch: storyFetch(backend), retries: 0 });

const meta: Meta = {
  title: 'Case tracker',
  tags: ['autodocs'],
  component: 'civic-case-tracker',
};
export default meta;
type Story = StoryObj;

const caseStory = (ref: string, backend: Backend = {}, attrs: { labels?: string } = {}): Story => ({
  render: () =>
    html`<civic-case-tracker ref=${ref} .client=${client(backend)} status-labels=${attrs.labels ?? ''}></civic-case-tracker>`,
});

/** No reference yet: the resident types the one from their email. */
export const LookUp: Story = {
  render: () =>
    html`<civic-case-tracker .client=${client()} reference-example="LDC-1001">
      <p slot="contact">If you cannot find your reference, call us on 01632 960000.</p>
    </civic-case-tracker>`,
};

/** The reference is not one the server knows. */
export const NotFound = caseStory('LDC-9999');

export const Received = caseStory('LDC-1001');
export const Investigating = caseStory('LDC-1002');
export const InProgress = caseStory('LDC-1003');
/** With the date the council expects to finish (`expected_datetime`). */
export const ActionScheduled = caseStory('LDC-1004');
export const Fixed = caseStory('LDC-1005');
export const Closed = caseStory('LDC-1006');
export const NotTheCouncilsResponsibility = caseStory('LDC-1007');
export const Duplicate = caseStory('LDC-1008');
export const UnableToFix = caseStory('LDC-1009');

/** The council's own words for statuses (`status-labels`), per language. */
export const CouncilLabels = caseStory('LDC-1004', {}, {
  labels: JSON.stringify({ action_scheduled: { en: 'Repair booked', cy: "Atgyweirio wedi'i drefnu" }, investigating: 'Being inspected' }),
});

/** Markup in server text shows as text. */
export const ServerTextAsText = caseStory('LDC-1010');

/** A server without the updates extension: the status alone, with its notes. */
export const StatusOnly = caseStory('LDC-1004', { updates: false, subscriptions: false });

/** A server without subscriptions: no "Email me when this changes". */
export const NoEmailUpdates = caseStory('LDC-1002', { subscriptions: false });

/** The server cannot be reached. */
export const ServerDown: Story = {
  render: () =>
    html`<civic-case-tracker ref="LDC-1001" .client=${client({ down: true })}>
      <p slot="contact">You can also call us on 01632 960000.</p>
    </civic-case-tracker>`,
};

/** No endpoint: the webmaster sees the problem in the console; residents see this. */
export const NotConfigured: Story = {
  render: () => html`<civic-case-tracker><p slot="contact">Call us on 01632 960000 to ask about a report.</p></civic-case-tracker>`,
};

/** List mode: recent reports, a page at a time. */
export const RecentReports: Story = {
  render: () => html`<civic-case-tracker mode="list" page-size="4" .client=${client()}></civic-case-tracker>`,
};

/** List mode near a point where nothing has been reported. */
export const NoRecentReports: Story = {
  render: () =>
    html`<civic-case-tracker mode="list" lat="52.29" long="-1.36" radius="100" heading="Reported near you" .client=${client()}></civic-case-tracker>`,
};
