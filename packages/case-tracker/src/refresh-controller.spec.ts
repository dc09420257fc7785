// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { RefreshController } from './refresh-controller.js';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('RefreshController', () => {
  let refreshes: number;
  let controller: RefreshController;
  let interval: number;
  let active: boolean;

  beforeEach(() => {
    vi.useFakeTimers();
    refreshes = 0;
    interval = 60;
    active = true;
    const host = { addController: () => {} } as unknown as ReactiveControllerHost;
    controller = new RefreshController(host, {
      refresh: async () => {
        refreshes++;
      },
      interval: () => interval,
      active: () => active,
    });
    setVisibility('visible');
    controller.hostConnected();
  });

  afterEach(() => {
    controller.hostDisconnected();
    vi.useRealTimers();
  });

  it('polls no more than once a minute, however short the interval asked for', async () => {
    interval = 5;
    controller.schedule();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(refreshes).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refreshes).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refreshes).toBe(2);
  });

  it('stops polling while the page is hidden and refreshes when it is shown again', async () => {
    controller.schedule();
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(refreshes).toBe(0);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshes).toBe(1);
  });

  it('refreshes once when switching back fires both focus and visibilitychange', async () => {
    window.dispatchEvent(new Event('focus'));
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshes).toBe(1);
  });

  it('does nothing with polling off, or with nothing to refresh', async () => {
    interval = 0;
    controller.schedule();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(refreshes).toBe(0);
    active = false;
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshes).toBe(0);
  });
});
