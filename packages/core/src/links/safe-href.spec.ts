import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.js';

describe('safeHref', () => {
  it('lets through http(s) links, made absolute', () => {
    expect(safeHref('https://westshire.example.gov.uk/report')).toBe('https://westshire.example.gov.uk/report');
    expect(safeHref('/media/1.jpg', { base: 'http://localhost:8787/open311/v2/' })).toBe('http://localhost:8787/media/1.jpg');
    // Relative to the page: checked as the page resolves it, kept as written.
    expect(safeHref('/track?ref=LDC-1001')).toBe('/track?ref=LDC-1001');
    expect(safeHref('javascript:alert(1)//track')).toBe(undefined);
  });

  it('takes a base that is itself relative to the page (endpoint="/open311/v2")', () => {
    expect(safeHref('http://localhost:8787/open311/v2/media/1.jpg', { base: '/open311/v2' })).toBe('http://localhost:8787/open311/v2/media/1.jpg');
    expect(safeHref('/media/2.jpg', { base: '/open311/v2' })).toBe('https://base.invalid/media/2.jpg');
    expect(safeHref('javascript:alert(1)', { base: '/open311/v2' })).toBe(undefined);
  });

  it('refuses script, data and other schemes however they are written', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', '\tjavascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(safeHref(bad), bad).toBe(undefined);
    }
    expect(safeHref('tel:+441632960000')).toBe(undefined);
  });

  it('lets through the extra schemes a widget asks for', () => {
    expect(safeHref('tel:+441632960000', { protocols: ['tel:', 'mailto:'] })).toBe('tel:+441632960000');
    expect(safeHref('javascript:alert(1)', { protocols: ['tel:', 'mailto:'] })).toBe(undefined);
  });

  it('ignores what is not a string', () => {
    for (const empty of [undefined, null, '', '  ', 42, {}]) expect(safeHref(empty)).toBe(undefined);
  });
});
