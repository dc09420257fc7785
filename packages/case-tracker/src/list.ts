import type { Open311Client, ServiceRequest } from '@civic-widgets/core';

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

/** What list mode asks for. */
export interface ListQuery {
  serviceCode?: string;
  status?: string;
  lat?: number;
  long?: number;
  radius?: number;
  pageSize: number;
}

/**
 * Fetches list pages, using the server's page/page_size extension where it has one and paging
 * in the browser where it sent everything.
 */
export class ListLoader {
  #serverPages = true;
  #all: ServiceRequest[] = [];

  async page(client: Open311Client, query: ListQuery, page: number, signal?: AbortSignal): Promise<ListPage> {
    let received: ServiceRequest[];
    if (this.#serverPages || page === 1) {
      received = await client.requests({ ...query, page }, { signal });
      if (page === 1) this.#serverPages = !ignoresPaging(received, query.pageSize);
      // A server that ignores service_code sends every category.
      if (query.serviceCode) received = received.filter((r) => !r.serviceCode || r.serviceCode === query.serviceCode);
      if (!this.#serverPages) this.#all = received;
    } else {
      received = this.#all;
    }
    return toPage(received, page, query.pageSize, this.#serverPages);
  }
}
