import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Consultation } from './model.js';
import { fromSnapshot, toSnapshot, type Progress } from './snapshot.js';

const townCentre = JSON.parse(
  readFileSync(new URL('../../server/demo/consultations/town-centre-2026.json', import.meta.url), 'utf8'),
) as Consultation;
const open: Consultation = { ...townCentre, status: 'open' };

const midway: Progress = {
  answers: { drives: 'yes' },
  step: { kind: 'page', id: 'parking' },
  key: 'key-1',
  returnToCheck: true,
  resumeCode: 'K7M3QX9P',
  expiresAt: '2026-12-31T00:00:00Z',
  reference: '',
};

describe('what a reload brings back', () => {
  it('brings the resident back to the page they were on, with their answers, key and resume code', () => {
    expect(fromSnapshot(toSnapshot(midway), open)).toEqual(midway);
  });

  it('stores no empty code, expiry or reference', () => {
    const stored = toSnapshot({ ...midway, resumeCode: '', expiresAt: '' });
    expect(stored).toEqual({ answers: midway.answers, step: midway.step, key: 'key-1', returnToCheck: true });
  });

  it('starts afresh at the overview without a stored copy', () => {
    expect(fromSnapshot(undefined, open)).toEqual({
      answers: {},
      step: { kind: 'overview' },
      key: '',
      returnToCheck: false,
      resumeCode: '',
      expiresAt: '',
      reference: '',
    });
  });

  it('shows the confirmation once the response was sent, never a second form', () => {
    expect(fromSnapshot(toSnapshot({ ...midway, reference: 'TC-1234' }), open).step).toEqual({ kind: 'done' });
  });

  it('goes back to the overview when the page is no longer shown or the consultation has closed', () => {
    expect(fromSnapshot(toSnapshot({ ...midway, answers: { drives: 'no' } }), open).step).toEqual({ kind: 'overview' });
    expect(fromSnapshot(toSnapshot(midway), { ...open, status: 'closed' }).step).toEqual({ kind: 'overview' });
  });
});
