import { describe, expect, it } from 'vitest';
import { reportSettings } from './settings.js';

describe('reportSettings: what the pages use, from the attributes and the backend’s configuration', () => {
  it('says a receipt is sent unless the backend says it sends no email', () => {
    expect(reportSettings({}, {}, '').receipts).toBe(true);
    expect(reportSettings({}, { receipts: true }, '').receipts).toBe(true);
    expect(reportSettings({}, { receipts: false }, '').receipts).toBe(false);
  });

  it('takes the page’s attribute over the backend’s, and "" turns a part off', () => {
    const backend = { mapStyle: 'https://x.example/style.json', trackerUrl: 'https://x.example/track?ref={id}', council: { phone: '01632 960000', openingHours: '9 to 5' } };
    expect(reportSettings({}, backend, '')).toMatchObject({ mapStyle: backend.mapStyle, trackerUrl: backend.trackerUrl, phone: '01632 960000', openingHours: '9 to 5' });
    expect(reportSettings({ mapStyle: '', phone: '0300 123 4567' }, backend, '')).toMatchObject({ mapStyle: '', phone: '0300 123 4567', openingHours: '' });
  });
});
