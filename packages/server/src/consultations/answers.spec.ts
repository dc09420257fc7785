import { describe, expect, it } from 'vitest';
import { evaluate, isAnswered, validateResponse, visibility } from './answers.ts';
import { parseDefinition, DefinitionError } from './definition.ts';
import { csvField, guardFormula } from './report.ts';

/** The condition rules of docs/consultation-api.md, which the widget must mirror exactly. */

const definition = parseDefinition({
  id: 'rules',
  title: 'Rules',
  summary: 'Rules',
  opens: '2026-01-01T00:00:00Z',
  closes: '2027-01-01T00:00:00Z',
  overview: {
    proposal: 'p',
    reasons: 'r',
    audience: 'a',
    estimatedMinutes: 1,
    otherWays: [{ kind: 'phone', label: 'Phone', detail: '01632 960000' }],
    privacy: 'p',
  },
  pages: [
    {
      id: 'p1',
      title: 'One',
      questions: [
        { id: 'q1', type: 'yes_no', label: 'Q1', required: true },
        { id: 'q2', type: 'checkboxes', label: 'Q2', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
      ],
    },
    {
      id: 'p2',
      title: 'Two',
      showIf: { question: 'q1', equals: 'yes' },
      questions: [{ id: 'q3', type: 'text', label: 'Q3', required: true }],
    },
    {
      id: 'p3',
      title: 'Three',
      questions: [
        { id: 'q4', type: 'text', label: 'Q4', required: true, showIf: { question: 'q3', answered: true } },
        { id: 'q5', type: 'text', label: 'Q5', showIf: { any: [{ question: 'q2', in: ['b'] }, { all: [{ question: 'q1', equals: 'no' }, { question: 'q2', answered: false }] }] } },
      ],
    },
  ],
});

describe('conditions', () => {
  it('counts blank text, empty lists and null as unanswered', () => {
    for (const v of [undefined, null, '', '   ', []]) expect(isAnswered(v)).toBe(false);
    for (const v of ['x', ['a'], { lat: 1, lng: 2 }, 0]) expect(isAnswered(v)).toBe(true);
  });

  it('equals on checkboxes means "is ticked"; in means "any ticked"', () => {
    expect(evaluate({ question: 'q2', equals: 'b' }, { q2: ['a', 'b'] })).toBe(true);
    expect(evaluate({ question: 'q2', in: ['c', 'a'] }, { q2: ['a'] })).toBe(true);
    expect(evaluate({ question: 'q2', in: ['c'] }, { q2: ['a'] })).toBe(false);
    expect(evaluate({ question: 'q2', equals: 'a' }, {})).toBe(false);
    expect(evaluate({ question: 'q2', answered: false }, {})).toBe(true);
  });

  it('hides a page and, through it, the questions that depend on its answers', () => {
    const seen = visibility(definition, { q1: 'no', q3: 'stale answer from before' });
    expect([...seen.pages]).toEqual(['p1', 'p3']);
    // q3 is hidden, so its answer counts as absent and q4 (answered: true on q3) hides too.
    expect(seen.questions.has('q4')).toBe(false);
    expect(seen.questions.has('q5')).toBe(true); // all: q1 = no and q2 unanswered
  });

  it('drops hidden answers, enforces visible required ones', () => {
    const hidden = validateResponse(definition, { q1: 'no', q3: 'x', q4: 'y' });
    expect(hidden).toEqual({ ok: true, answers: { q1: 'no' } });
    const shown = validateResponse(definition, { q1: 'yes', q3: 'x' });
    expect(shown).toEqual({ ok: false, errors: [{ code: 'required', question: 'q4', description: expect.stringContaining('Q4') }] });
  });
});

describe('definitions', () => {
  it('refuses a condition that looks ahead, naming the key', () => {
    const bad = structuredClone(definition) as any;
    bad.pages[0].questions[0].showIf = { question: 'q3', equals: 'x' };
    expect(() => parseDefinition(bad)).toThrow(DefinitionError);
    expect(() => parseDefinition(bad)).toThrow(/pages\[0\]\.questions\[0\]\.showIf: "q3" must be an earlier question/);
  });
});

describe('CSV cells', () => {
  it('quotes per RFC 4180 and guards formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
    for (const s of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) expect(guardFormula(s)).toBe(`'${s}`);
    expect(guardFormula('1-1')).toBe('1-1');
  });
});

describe('a place (location question)', () => {
  const where = parseDefinition({
    ...structuredClone(definition),
    id: 'where',
    pages: [{ id: 'p1', title: 'Where', questions: [{ id: 'spot', type: 'location', label: 'Where is it?', required: true }] }],
  });
  const outside = () => ({ inside: false as const, neighbour: { name: 'Westshire Council' } });

  it('takes a point, or a typed address alone when the map could not be used', () => {
    expect(validateResponse(where, { spot: { lat: 52.2, lng: -1.5, address: ' 1 High Street ' } })).toEqual({
      ok: true,
      answers: { spot: { lat: 52.2, lng: -1.5, address: '1 High Street' } },
    });
    expect(validateResponse(where, { spot: { address: '  Behind the library car park  ' } })).toEqual({
      ok: true,
      answers: { spot: { address: 'Behind the library car park' } },
    });
    // Nothing can place a typed address, so the area check applies to points only.
    expect(validateResponse(where, { spot: { address: 'Mill Lane' } }, outside).ok).toBe(true);
  });

  it('refuses no place, half a point, and a point outside the area, in words that say what to do', () => {
    const problem = (answer: unknown) => {
      const result = validateResponse(where, { spot: answer }, outside);
      return result.ok ? null : result.errors[0];
    };
    expect(problem({ address: '   ' })).toMatchObject({ code: 'invalid_location', description: 'The place for “Where is it?” needs a latitude and longitude, or an address.' });
    expect(problem({ lat: 52.2, address: 'x' })).toMatchObject({ code: 'invalid_location', description: expect.stringContaining('latitude between -90 and 90') });
    expect(problem({ lat: 52.2, lng: -1.7 })).toMatchObject({ code: 'location_outside_area', description: expect.stringContaining('Westshire Council') });
  });
});
