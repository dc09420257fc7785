import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The widget configuration document (docs/integrators.md#widget-configuration): what a backend
 * tells its widgets so a page needs only `endpoint`. Every field is optional; URLs are absolute
 * once loaded (relative ones are resolved against the document's own URL).
 */
export interface WidgetConfig {
  /** The council's name, phone number and opening hours, shown as the other way to get in touch. */
  council?: { name?: string; phone?: string; openingHours?: string };
  /** Languages the backend answers in (BCP 47), e.g. `["en", "cy"]`. */
  languages?: string[];
  /** A MapLibre style URL; without one there is no map. */
  mapStyle?: string;
  /** The council's boundary (GeoJSON): places outside are refused. */
  boundary?: string;
  /** Areas such as parishes (GeoJSON): the area's name goes with the place. */
  areas?: string;
  /** The address search: `custom` with a gazetteer URL, or `postcodes-io`, `nominatim`, `os-places`. */
  geocoder?: { kind?: string; url?: string; reverseUrl?: string; key?: string };
  /** Layers of assets (street lights, bins) a resident can choose on the map. */
  assetLayers?: { id?: string; name?: string; src?: string; idProperty?: string; services?: string[]; attribute?: string }[];
  /** The page where a resident follows a report, with `{id}` for the reference. */
  trackerUrl?: string;
  /**
   * How many photos one report can carry (POST requests takes `media_urls[]`, our extension).
   * Absent (a plain Open311 server): one, as `media_url`.
   */
  photosPerReport?: number;
  /**
   * Whether a report given an email address gets a receipt by email: `false` from a server that
   * sends no email, so the form does not say it sent one. Absent: yes (Open311 servers such as
   * FixMyStreet email a confirmation).
   */
  receipts?: boolean;
}

/** Where the document lives: a fixed name under the endpoint, so finding it costs no extra request. */
export const widgetConfigUrl = (endpoint: string): string => `${endpoint.replace(/\/+$/, '')}/widget-config.json`;

const URL_KEYS = ['mapStyle', 'boundary', 'areas', 'trackerUrl'] as const;

/** The document as read, with relative URLs made absolute against `base` (its own URL). */
export function resolveWidgetConfig(raw: unknown, base: string): WidgetConfig | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const config = { ...(raw as WidgetConfig) };
  // Only strings are kept: text from a server is data, never markup or code.
  const abs = (value: unknown) => {
    // `{id}` must survive URL parsing, which would escape its braces.
    if (typeof value === 'string' && value) return new URL(value.replaceAll('{id}', '__ID__'), base).href.replaceAll('__ID__', '{id}');
    return undefined;
  };
  for (const key of URL_KEYS) config[key] = abs(config[key]);
  if (typeof config.receipts !== 'boolean') delete config.receipts;
  // `{bbox}` in an OGC API - Features or WFS URL must survive too, like `{id}`.
  if (Array.isArray(config.assetLayers)) {
    config.assetLayers = config.assetLayers.map((layer) => ({
      ...layer,
      src: typeof layer?.src === 'string' && layer.src ? new URL(layer.src.replaceAll('{bbox}', '__BBOX__'), base).href.replaceAll('__BBOX__', '{bbox}') : undefined,
    }));
  }
  if (config.geocoder) config.geocoder = { ...config.geocoder, url: abs(config.geocoder.url), reverseUrl: abs(config.geocoder.reverseUrl) };
  return config;
}

// One request per endpoint and language per page, however many widgets use it.
const cache = new Map<string, Promise<WidgetConfig | null>>();

/**
 * Reads an endpoint's configuration document once per language: its texts (the council's name,
 * the hours, the asset layers' names) come in `locale` where the backend has them. The language
 * is in the URL (`?locale=cy`), as for the category list, so a page could preload it. Resolves to
 * null when the backend has none (a plain Open311 server) or it cannot be read: widgets then work
 * from their attributes alone.
 */
export function loadWidgetConfig(endpoint: string, locale = 'en'): Promise<WidgetConfig | null> {
  const key = `${endpoint}\n${locale}`;
  let found = cache.get(key);
  if (!found) {
    const url = new URL(`${widgetConfigUrl(endpoint)}?locale=${encodeURIComponent(locale)}`, document.baseURI).href;
    found = fetch(url, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((raw) => resolveWidgetConfig(raw, url))
      .catch(() => null);
    cache.set(key, found);
  }
  return found;
}

/**
 * Gives an element its endpoint's configuration. The document is requested when the element
 * first updates with an endpoint, in the same task as its first data request, so it never delays
 * the first question; the element renders again when it arrives. `value` is undefined until then.
 */
export class WidgetConfigController implements ReactiveController {
  value?: WidgetConfig | null;
  #endpoint?: string;
  #for?: string;

  constructor(private readonly host: ReactiveControllerHost & { endpoint: string; locale?: string }) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { endpoint, locale = 'en' } = this.host;
    const wanted = `${endpoint}\n${locale}`;
    if (!endpoint || wanted === this.#for) return;
    this.#for = wanted;
    // Another backend: nothing of the last one's applies. Another language: its document stays
    // until this one's is in, so the phone line does not blink out.
    if (endpoint !== this.#endpoint) this.value = undefined;
    this.#endpoint = endpoint;
    void loadWidgetConfig(endpoint, locale).then((config) => {
      if (this.#for !== wanted) return;
      this.value = config;
      this.host.requestUpdate();
    });
  }
}
