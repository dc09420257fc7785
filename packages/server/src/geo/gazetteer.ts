/**
 * The address gazetteer behind GET /api/addresses and /api/addresses/reverse (docs/gazetteer.md).
 * A few thousand addresses fit in memory comfortably; the data is read-only, so every process
 * loading the same file answers the same.
 */

export interface GazetteerAddress {
  uprn: string;
  number: string | null;
  name: string | null;
  street: string;
  /** The street's Welsh name, where it has one: a search by either name finds the address. */
  street_cy?: string;
  town: string;
  postcode: string;
  lat: number;
  lng: number;
}

export interface AddressFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    label: string;
    uprn: string;
    number: string | null;
    name: string | null;
    street: string;
    town: string;
    postcode: string;
    distance?: number;
  };
}

export interface AddressCollection {
  type: 'FeatureCollection';
  features: AddressFeature[];
}

/** "12 High Street, Larkmead, LK1 2AB"; "Rose Cottage, 3 The Green, Fenbury, LK3 1AA". */
export function addressLabel(a: GazetteerAddress): string {
  const first = [a.name, a.number ? `${a.number} ${a.street}` : a.street].filter(Boolean).join(', ');
  return `${first}, ${a.town}, ${a.postcode}`;
}

const ABBREVIATIONS: Record<string, string> = {
  st: 'street',
  rd: 'road',
  ln: 'lane',
  cl: 'close',
  dr: 'drive',
  ave: 'avenue',
  av: 'avenue',
  sq: 'square',
  gdns: 'gardens',
  cres: 'crescent',
  pk: 'park',
};

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s]/g, ' ');
const tokens = (text: string) => normalise(text).split(/\s+/).filter(Boolean);
const compactPostcode = (postcode: string) => postcode.replace(/\s+/g, '').toLowerCase();

/** A UK postcode, whole or begun: "LK1", "LK1 2", "lk12ab". Outward code then part of the inward. */
const POSTCODE_START = /^[a-z]{1,2}[0-9][a-z0-9]?\s*(?:[0-9][a-z]{0,2})?$/i;

interface Entry {
  address: AddressFeature;
  words: string[];
  postcode: string;
  number: string | null;
  order: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
/** Great-circle distance in metres (haversine). */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export class Gazetteer {
  private readonly entries: Entry[];

  constructor(addresses: GazetteerAddress[]) {
    const collator = new Intl.Collator('en-GB', { numeric: true });
    const sorted = [...addresses].sort(
      (a, b) =>
        collator.compare(a.town, b.town) ||
        collator.compare(a.street, b.street) ||
        collator.compare(a.number ?? '', b.number ?? '') ||
        collator.compare(a.name ?? '', b.name ?? ''),
    );
    this.entries = sorted.map((a, order) => ({
      address: {
        type: 'Feature',
        id: a.uprn,
        geometry: { type: 'Point', coordinates: [a.lng, a.lat] },
        properties: { label: addressLabel(a), uprn: a.uprn, number: a.number, name: a.name, street: a.street, town: a.town, postcode: a.postcode },
      },
      words: [...tokens(`${a.number ?? ''} ${a.name ?? ''} ${a.street} ${a.street_cy ?? ''} ${a.town} ${a.postcode}`), compactPostcode(a.postcode)],
      postcode: compactPostcode(a.postcode),
      number: a.number ? a.number.toLowerCase() : null,
      order,
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Best matches first: postcodes by prefix, otherwise every word must begin a word of the address. */
  search(query: string, limit: number): AddressCollection {
    const trimmed = query.trim();
    const collection = (found: Entry[]): AddressCollection => ({
      type: 'FeatureCollection',
      features: found.slice(0, limit).map((e) => structuredClone(e.address)),
    });
    if (POSTCODE_START.test(trimmed)) {
      const wanted = compactPostcode(trimmed);
      const byPostcode = this.entries.filter((e) => e.postcode.startsWith(wanted));
      if (byPostcode.length) {
        // An exact postcode first, then longer ones it begins; gazetteer order within each.
        return collection(byPostcode.sort((a, b) => Number(b.postcode === wanted) - Number(a.postcode === wanted) || a.order - b.order));
      }
    }
    const queryWords = tokens(trimmed);
    if (!queryWords.length) return collection([]);
    const scored: Array<{ entry: Entry; score: number }> = [];
    for (const entry of this.entries) {
      let score = 0;
      let matchedAll = true;
      for (const word of queryWords) {
        const expanded = ABBREVIATIONS[word];
        let best = 0;
        for (const candidate of entry.words) {
          if (candidate === word || (expanded && candidate === expanded)) best = Math.max(best, 3);
          else if (candidate.startsWith(word)) best = Math.max(best, 1);
        }
        if (/^\d+[a-z]?$/.test(word) && entry.number === word) best += 2;
        if (!best) {
          matchedAll = false;
          break;
        }
        score += best;
      }
      if (matchedAll) scored.push({ entry, score });
    }
    scored.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);
    return collection(scored.map((s) => s.entry));
  }

  /** Nearest first, within `radius` metres. */
  reverse(lat: number, lng: number, limit: number, radius: number): AddressCollection {
    const near: Array<{ entry: Entry; distance: number }> = [];
    for (const entry of this.entries) {
      const [eLng, eLat] = entry.address.geometry.coordinates;
      const distance = distanceMetres(lat, lng, eLat, eLng);
      if (distance <= radius) near.push({ entry, distance });
    }
    near.sort((a, b) => a.distance - b.distance || a.entry.order - b.entry.order);
    return {
      type: 'FeatureCollection',
      features: near.slice(0, limit).map(({ entry, distance }) => {
        const feature = structuredClone(entry.address);
        feature.properties.distance = Math.round(distance);
        return feature;
      }),
    };
  }
}
