import { expect } from '@open-wc/testing';
import { formatDate, formatDateTime } from './format.js';
import { useLocale } from './localization.js';

describe('date formatting in the resident\'s language', () => {
  const date = new Date(2027, 1, 1, 23, 59);

  afterEach(() => useLocale('en'));

  it('writes British English dates', async () => {
    await useLocale('en');
    expect(formatDate(date)).to.equal('1 February 2027');
    expect(formatDateTime(date)).to.equal('1 February 2027 at 23:59');
  });

  it('writes Welsh month names, even where the browser has no Welsh date data', async () => {
    await useLocale('cy');
    expect(formatDate(date)).to.equal('1 Chwefror 2027');
    expect(formatDateTime(date)).to.match(/^1 Chwefror 2027 (am|at) 23:59$/);
  });

  it('gives nothing for a date it cannot read, rather than "Invalid Date"', () => {
    expect(formatDate('not a date')).to.equal('');
    expect(formatDateTime('')).to.equal('');
  });
});
