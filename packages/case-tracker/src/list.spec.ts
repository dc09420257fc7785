import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '@civic-widgets/core';
import { ignoresPaging, toPage } from './list.js';

const at = (id: string, lat: number | null, long: number | null) => ({ id, lat, long }) as ServiceRequest;

describe('list helpers', () => {
  it('pages in the browser when the server sent everything', () => {
    const all = ['a', 'b', 'c', 'd', 'e'].map((id) => at(id, 0, 0));
    expect(ignoresPaging(all, 2)).toBe(true);
    expect(toPage(all, 1, 2, false)).toEqual({ items: all.slice(0, 2), hasNext: true });
    expect(toPage(all, 3, 2, false)).toEqual({ items: all.slice(4), hasNext: false });
  });

  it("trusts a server's pages: a full page may have a next one", () => {
    const two = [at('a', 0, 0), at('b', 0, 0)];
    expect(ignoresPaging(two, 2)).toBe(false);
    expect(toPage(two, 1, 2, true).hasNext).toBe(true);
    expect(toPage(two.slice(0, 1), 2, 2, true).hasNext).toBe(false);
  });
});
