import { describe, expect, it } from 'vitest';
import type { ServiceRequest, ServiceRequestUpdate } from '@civic-widgets/core';
import { currentStatus, isClosed, parseStatusLabels, sortNewestFirst, statusLabel, statusTone } from './status.js';

const request = (over: Partial<ServiceRequest> = {}): ServiceRequest => ({
  id: 'LDC-1',
  status: 'open',
  statusNotes: '',
  serviceName: 'Pothole',
  serviceCode: 'potholes',
  description: '',
  agencyResponsible: '',
  serviceNotice: '',
  requestedAt: new Date('2026-01-01T09:00:00Z'),
  updatedAt: new Date('2026-01-01T09:00:00Z'),
  expectedAt: null,
  address: '',
  addressId: '',
  zipcode: '',
  lat: null,
  long: null,
  mediaUrl: '',
  mediaUrls: [],
  ...over,
});
const update = (id: string, status: string, at: string): ServiceRequestUpdate => ({
  id,
  serviceRequestId: 'LDC-1',
  status,
  updatedAt: new Date(at),
  description: '',
  mediaUrl: '',
});

describe('status labels', () => {
  it('speaks plainly about Open311 and extended statuses', () => {
    expect(statusLabel('open', {}, 'en')).toBe('Received');
    expect(statusLabel('action_scheduled', {}, 'en')).toBe('Action scheduled');
    expect(statusLabel('NOT COUNCILS RESPONSIBILITY', {}, 'en')).toBe("Not the council's responsibility");
    expect(statusLabel('Duplicate', {}, 'en')).toBe('Already reported');
  });

  it('turns a status it does not know into words', () => {
    expect(statusLabel('awaiting_parts', {}, 'en')).toBe('Awaiting parts');
  });

  it("prefers the council's words, per language, falling back to English then ours", () => {
    const labels = parseStatusLabels('{"Fixed": "Repaired", "open": {"en": "Logged", "cy": "Wedi\'i gofnodi"}, "closed": {"cy": "Ar gau"}}');
    expect(labels).not.toBeInstanceOf(Error);
    const own = labels as Exclude<typeof labels, Error>;
    expect(statusLabel('fixed', own, 'en')).toBe('Repaired');
    expect(statusLabel('fixed', own, 'cy')).toBe('Repaired');
    expect(statusLabel('open', own, 'cy')).toBe("Wedi'i gofnodi");
    expect(statusLabel('open', own, 'en')).toBe('Logged');
    expect(statusLabel('closed', own, 'en')).toBe('Closed');
  });

  it('reports bad JSON instead of throwing', () => {
    expect(parseStatusLabels('{fixed: Repaired}')).toBeInstanceOf(Error);
    expect(parseStatusLabels('["fixed"]')).toBeInstanceOf(Error);
    expect(parseStatusLabels('')).toEqual({});
  });

  it('knows which statuses close a case and how each looks', () => {
    expect(isClosed('fixed')).toBe(true);
    expect(isClosed('not_councils_responsibility')).toBe(true);
    expect(isClosed('action_scheduled')).toBe(false);
    expect(isClosed('something_new')).toBe(false);
    expect(statusTone('fixed')).toBe('done');
    expect(statusTone('duplicate')).toBe('closed');
    expect(statusTone('open')).toBe('new');
    expect(statusTone('in_progress')).toBe('active');
  });
});

describe('the current status', () => {
  it('sorts updates newest first, breaking ties by id', () => {
    const sorted = sortNewestFirst([
      update('1', 'investigating', '2026-01-02T09:00:00Z'),
      update('3', 'fixed', '2026-01-05T09:00:00Z'),
      update('2', 'action_scheduled', '2026-01-05T09:00:00Z'),
      update('10', 'closed', '2026-01-01T09:00:00Z'),
    ]);
    expect(sorted.map((u) => u.id)).toEqual(['3', '2', '1', '10']);
  });

  it("takes the newest update's extended status over Open311's open/closed", () => {
    const updates = sortNewestFirst([update('1', 'investigating', '2026-01-02T09:00:00Z'), update('2', 'fixed', '2026-01-03T09:00:00Z')]);
    expect(currentStatus(request({ status: 'closed', updatedAt: new Date('2026-01-03T09:00:00Z') }), updates)).toBe('fixed');
  });

  it('believes the request when it changed later and disagrees (closed without an update)', () => {
    const updates = [update('1', 'action_scheduled', '2026-01-02T09:00:00Z')];
    expect(currentStatus(request({ status: 'closed', updatedAt: new Date('2026-01-09T09:00:00Z') }), updates)).toBe('closed');
  });

  it("uses the request's own status when there are no updates, the extended one first", () => {
    expect(currentStatus(request({ status: 'in_progress' }), [])).toBe('in_progress');
    expect(currentStatus(request({ status: 'open', extendedStatus: 'action_scheduled' }), [])).toBe('action_scheduled');
    expect(currentStatus(request({ status: '' }), [])).toBe('open');
  });
});
