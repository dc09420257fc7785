/** One place a geocoder offers the resident. */
export interface GeocodeResult {
  /** Stable id for the listbox option (UPRN, OSM id, postcode…). */
  id: string;
  /** The one-line address shown and sent as Open311 `address_string`. */
  label: string;
  lat: number;
  lng: number;
  /** Unique Property Reference Number, when the source has one. */
  uprn?: string;
}

export interface SearchOptions {
  signal?: AbortSignal;
  limit?: number;
  /** [west, south, east, north] of the council's area, for services that can prefer it. */
  bounds?: readonly [number, number, number, number] | null;
}

/** An address/postcode search service. */
export interface Geocoder {
  search(query: string, options?: SearchOptions): Promise<GeocodeResult[]>;
  /** The nearest address to a point, or null when there is none near. */
  reverse(lat: number, lng: number, options?: { signal?: AbortSignal }): Promise<GeocodeResult | null>;
}

/** The service could not be reached or answered with an error. */
export class GeocoderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GeocoderError';
  }
}

/** GETs JSON; `notFound` statuses answer `null` (some services use 404 for "no match"). */
export async function getJson(url: string, signal?: AbortSignal, notFound: number[] = []): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new GeocoderError(`could not reach ${new URL(url).origin}`);
  }
  if (notFound.includes(response.status)) return null;
  if (!response.ok) throw new GeocoderError(`${new URL(url).origin} answered ${response.status}`, response.status);
  return response.json();
}

/** Resolves a possibly relative URL against the page (absolute in Node tests). */
export function absolute(url: string): URL {
  return new URL(url, typeof document === 'undefined' ? undefined : document.baseURI);
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number.parseFloat(String(value)));

/** A finite lat/lng pair, or null. */
export function point(lat: unknown, lng: unknown): { lat: number; lng: number } | null {
  const la = num(lat);
  const ln = num(lng);
  return Number.isFinite(la) && Number.isFinite(ln) && Math.abs(la) <= 90 && Math.abs(ln) <= 180 ? { lat: la, lng: ln } : null;
}

/** A full UK postcode, whatever the spacing and case. */
export const fullPostcode = /^\s*[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\s*$/i;
