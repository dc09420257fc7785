import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { http, HttpResponse } from 'msw';
import '@civic-widgets/location-picker/define';
import type { CivicLocationPicker } from '@civic-widgets/location-picker';
import streetLights from '../../packages/location-picker/src/fixtures/street-lights.geojson?url';

import { DEMO_BACKEND, demoJson } from '../backend/urls.ts';

/**
 * The stories use the demo council's backend (stories/backend, answered in the browser) for the
 * offline basemap, the boundary, the parishes and the address gazetteer: the server's own demo
 * data. The failure stories make one of those requests fail, as when a council's service is down.
 */
const demo = DEMO_BACKEND;
const gazetteer = `${demo}/api/addresses`;
const boundary = `${demo}/api/area`;
const style = `${demo}/basemap/style.json`;

/** A Geolocation that answers like a browser would, so the story needs no permission prompt. */
const geolocation = (answer: { lat: number; lng: number } | { code: number }): Geolocation =>
  ({
    getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
      setTimeout(() => {
        if ('code' in answer) failure?.({ code: answer.code, message: '' } as GeolocationPositionError);
        else success({ coords: { latitude: answer.lat, longitude: answer.lng, accuracy: 10 }, timestamp: Date.now() } as GeolocationPosition);
      }, 300);
    },
    watchPosition: () => 0,
    clearWatch: () => undefined,
  }) as unknown as Geolocation;

const press = (selector: string) => ({
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const picker = canvasElement.querySelector('civic-location-picker') as CivicLocationPicker;
    await customElements.whenDefined('civic-location-picker');
    await picker.updateComplete;
    (picker.shadowRoot!.querySelector(selector) as HTMLElement).click();
  },
});

const typeIn = (query: string) => ({
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const picker = canvasElement.querySelector('civic-location-picker') as CivicLocationPicker;
    await customElements.whenDefined('civic-location-picker');
    await picker.updateComplete;
    const input = picker.shadowRoot!.querySelector('input')!;
    input.value = query;
    input.dispatchEvent(new Event('input'));
  },
});

const meta: Meta = {
  title: 'Location picker/Location picker',
  tags: ['autodocs'],
  component: 'civic-location-picker',
  parameters: {
    docs: {
      description: {
        component:
          'Address or postcode search, a map with a keyboard-movable pin, and "Use my location". The stories run against the demo council\'s backend, answered in the browser from the reference server\'s demo data.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

interface Args {
  label: string;
  hint: string;
  required: boolean;
  withMap: boolean;
}

export const WithMap: StoryObj<Args> = {
  args: { label: 'Where is the problem?', hint: 'Search for the nearest address, or move the pin on the map', required: true, withMap: true },
  render: ({ label, hint, required, withMap }) => html`<civic-location-picker
    label=${label}
    hint=${hint}
    ?required=${required}
    geocoder-url=${gazetteer}
    boundary-src=${boundary}
    areas-src=${`${demo}/api/parishes`}
    map-style=${withMap ? style : nothing}
  ></civic-location-picker>`,
};

export const SearchOnly: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer} boundary-src=${boundary}></civic-location-picker>`,
};

export const Suggestions: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer} boundary-src=${boundary}></civic-location-picker>`,
  ...typeIn('high street'),
};

export const PostcodeSearch: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer}></civic-location-picker>`,
  ...typeIn('LK1 2AB'),
};

export const NoResults: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer}></civic-location-picker>`,
  ...typeIn('zzzz nowhere'),
};

type MswContext = Pick<StoryContext, 'msw'>;

/** The gazetteer cannot be reached. */
export const SearchUnavailable: Story = {
  beforeEach({ msw }: MswContext) {
    msw.use(http.get(gazetteer, () => HttpResponse.error()));
  },
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer}></civic-location-picker>`,
  ...typeIn('high street'),
};

export const Chosen: Story = {
  render: () => html`<civic-location-picker
    label="Where is the problem?"
    geocoder-url=${gazetteer}
    map-style=${style}
    .value=${{ lat: 52.22817, lng: -1.50512, address: '12 High Street, Larkmead, LK1 2AB', area: 'Larkmead District Council' }}
  ></civic-location-picker>`,
};

export const RequiredError: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" required geocoder-url=${gazetteer}></civic-location-picker>`,
  play: async ({ canvasElement }) => {
    await customElements.whenDefined('civic-location-picker');
    (canvasElement.querySelector('civic-location-picker') as CivicLocationPicker).reportValidity();
  },
};

export const OutsideTheCouncil: Story = {
  render: () => html`<civic-location-picker
    label="Where is the problem?"
    geocoder-url=${gazetteer}
    boundary-src=${boundary}
    .geolocation=${geolocation({ lat: 52.22, lng: -1.7 })}
  ></civic-location-picker>`,
  ...press('.actions button'),
};

export const UseMyLocation: Story = {
  render: () => html`<civic-location-picker
    label="Where is the problem?"
    geocoder-url=${gazetteer}
    boundary-src=${boundary}
    map-style=${style}
    .geolocation=${geolocation({ lat: 52.254, lng: -1.572 })}
  ></civic-location-picker>`,
  ...press('.actions button'),
};

export const LocationDenied: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer} .geolocation=${geolocation({ code: 1 })}></civic-location-picker>`,
  ...press('.actions button'),
};

export const LocationUnavailable: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer} .geolocation=${geolocation({ code: 2 })}></civic-location-picker>`,
  ...press('.actions button'),
};

/** The map style answers with a server error: address search still works. */
export const MapFailed: Story = {
  beforeEach({ msw }: MswContext) {
    msw.use(http.get(style, () => HttpResponse.json([{ code: 500, description: 'Server error' }], { status: 500 })));
  },
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url=${gazetteer} map-style=${style}></civic-location-picker>`,
};

/** The demo's street lights as assets, and the demo's sample reports near them (GET requests near a point). */
export const NearbyReportsAndAssets: Story = {
  loaders: [async () => ({ nearby: await demoJson<unknown[]>('/open311/v2/requests.json?lat=52.2281&long=-1.5075&radius=1500') })],
  render: (_args, { loaded }) => html`<civic-location-picker
    label="Which street light is broken?"
    hint="Choose the light on the map, or search for the nearest address"
    geocoder-url=${gazetteer}
    boundary-src=${boundary}
    map-style=${style}
    center="52.2281,-1.5075"
    zoom="16"
    assets-src=${streetLights}
    asset-id-property="asset_id"
    .reports=${loaded.nearby}
    @civic-report-select=${(e: CustomEvent) => console.log('civic-report-select', e.detail)}
  ></civic-location-picker>`,
};

export const Welsh: Story = {
  render: () => html`<civic-location-picker lang="cy" label="Ble mae'r broblem?" required geocoder-url=${gazetteer} map-style=${style}></civic-location-picker>`,
};

export const ReadOnly: Story = {
  render: () => html`<civic-location-picker
    readonly
    label="Where the problem was reported"
    map-style=${style}
    center="52.22817,-1.50512"
    zoom="16"
    .value=${{ lat: 52.22817, lng: -1.50512, address: '12 High Street, Larkmead, LK1 2AB', area: 'Larkmead District Council' }}
  ></civic-location-picker>`,
};

export const Disabled: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" disabled geocoder-url=${gazetteer} map-style=${style}></civic-location-picker>`,
};
