import type { ServiceRequest } from '@civic-widgets/core';

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/**
 * Keeps the requests within `radius` metres of the point. A server with the near-a-point
 * extension has done this already; one without it sends every recent request, so the list
 * still means "near here". Requests without coordinates cannot be said to be near.
 */
export function nearOnly(requests: readonly ServiceRequest[], point: { lat: number; long: number }, radius: number): ServiceRequest[] {
  return requests.filter(
    (r) => r.lat !== null && r.long !== null && distanceMetres(point, { lat: r.lat, long: r.long }) <= radius,
  );
}

export interface ListPage {
  items: ServiceRequest[];
  hasNext: boolean;
}

/**
 * One page of the list from what the server sent for `page`. A server with the page/page_size
 * extension sends at most `pageSize`; a full page may have a next one. A server without it
 * ignores both and sends everything: then we page in the browser.
 */
export function toPage(received: readonly ServiceRequest[], page: number, pageSize: number, serverPages: boolean): ListPage {
  if (!serverPages) {
    const start = (page - 1) * pageSize;
    return { items: received.slice(start, start + pageSize), hasNext: received.length > start + pageSize };
  }
  return { items: received.slice(0, pageSize), hasNext: received.length === pageSize };
}

/** Whether a server's answer to a paged query shows that it ignored the paging extension. */
export function ignoresPaging(received: readonly ServiceRequest[], pageSize: number): boolean {
  return received.length > pageSize;
}
