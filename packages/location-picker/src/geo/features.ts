import { point } from '../geocoders/types.js';

/** The GeoJSON the map draws: points with a string `id` property. */
export interface PointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; [key: string]: unknown };
}
export interface PointCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
}

/** An Open311 service request as `GET requests` returns it (JSON; strings or numbers). */
export interface Open311Request {
  service_request_id?: string | number | null;
  lat?: number | string | null;
  long?: number | string | null;
  service_code?: string | number | null;
  service_name?: string | null;
  status?: string | null;
  [key: string]: unknown;
}

/** Open311 requests → points; requests without an id or a position are left out. */
export function reportsToPoints(requests: readonly Open311Request[]): PointCollection {
  const features: PointFeature[] = [];
  for (const request of requests) {
    const at = point(request.lat, request.long);
    if (!at || request.service_request_id == null || request.service_request_id === '') continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [at.lng, at.lat] },
      properties: {
        id: String(request.service_request_id),
        service: request.service_name ?? '',
        status: request.status ?? '',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The request list from a `GET requests` JSON body as servers send it: the spec's bare array,
 * or wrapped as `{"service_requests": [...]}` / `{"service_requests": {...}}` (one request).
 */
export function readRequests(json: unknown): Open311Request[] {
  if (Array.isArray(json)) return json as Open311Request[];
  const wrapped = (json as { service_requests?: unknown } | null)?.service_requests;
  if (Array.isArray(wrapped)) return wrapped as Open311Request[];
  return wrapped && typeof wrapped === 'object' ? [wrapped as Open311Request] : [];
}

/**
 * An assets GeoJSON → points with the asset id in `properties.id`, read from the property the
 * council names (`asset-id-property`), else the feature's own `id`.
 */
export function assetsToPoints(json: unknown, idProperty = ''): PointCollection {
  const list = (json as { features?: unknown[] } | null)?.features;
  if (!Array.isArray(list)) throw new TypeError('not a GeoJSON FeatureCollection');
  const features: PointFeature[] = [];
  for (const raw of list as { id?: unknown; geometry?: { type?: string; coordinates?: unknown[] }; properties?: Record<string, unknown> | null }[]) {
    if (raw.geometry?.type !== 'Point') continue;
    const [lng, lat] = raw.geometry.coordinates ?? [];
    const at = point(lat, lng);
    const props = raw.properties ?? {};
    const id = idProperty ? props[idProperty] : (raw.id ?? props.id);
    if (!at || id == null || id === '') continue;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [at.lng, at.lat] }, properties: { ...props, id: String(id) } });
  }
  return { type: 'FeatureCollection', features };
}
