import type { ServiceRequest } from '@civic-widgets/core';

// Near a point: the core client keeps only requests within the radius, so a server without the
// near-a-point extension lists the same reports. Paging is left to us.

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
