import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@civic-widgets/location-picker/define';
import type { CivicLocationPicker } from '@civic-widgets/location-picker';
import streetLights from '../../packages/location-picker/src/fixtures/street-lights.geojson?url';

/**
 * The stories use the demo server (`pnpm start`, http://localhost:8787) for the offline basemap,
 * the boundary and the gazetteer. When it is not running they show what a resident would see
 * when a council's services are down: "The map could not be shown" and "Address search is not
 * working at the moment" — so the error states are visible either way.
 */
const demo = 'http://localhost:8787';
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
  parameters: {
    docs: {
      description: {
        component:
          'Address or postcode search, a map with a keyboard-movable pin, and "Use my location". Needs the demo server (`pnpm start`) on http://localhost:8787; without it the stories show the failure states.',
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

export const SearchUnavailable: Story = {
  render: () => html`<civic-location-picker label="Where is the problem?" geocoder-url="http://localhost:9/api/addresses"></civic-location-picker>`,
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

export const MapFailed: Story = {
  render: () => html`<civic-location-picker
    label="Where is the problem?"
    geocoder-url=${gazetteer}
    map-style="http://localhost:9/no-such-style.json"
  ></civic-location-picker>`,
};

export const NearbyReportsAndAssets: Story = {
  render: () => html`<civic-location-picker
    label="Which street light is broken?"
    hint="Choose the light on the map, or search for the nearest address"
    geocoder-url=${gazetteer}
    boundary-src=${boundary}
    map-style=${style}
    center="52.2281,-1.5075"
    zoom="16"
    assets-src=${streetLights}
    asset-id-property="asset_id"
    .reports=${[
      { service_request_id: 'LDC-1001', lat: 52.2283, long: -1.5071, status: 'open' },
      { service_request_id: 'LDC-1002', lat: 52.2279, long: -1.5079, status: 'open' },
      { service_request_id: 'LDC-1003', lat: 52.2286, long: -1.5062, status: 'open' },
    ]}
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
