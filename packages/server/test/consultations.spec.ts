import { describe, expect, it } from 'vitest';
import { DRAFT_LOOKUPS_PER_MINUTE } from '../src/consultations/routes.ts';
import { testDatabases, useTestServer } from './helpers.ts';

/**
 * The consultation API over real HTTP against the real database, with the demo consultations
 * the server seeds at start-up: town-centre-2026 (open, 4 pages, page 3 only for drivers) and
 * library-hours-2026 (closed, 184 responses, results published).
 */

const STAFF_KEY = 'sk_larkmead_demo_staff_0001';
/** The staff key as integrators send it: in the Authorization header, never in the address. */
const STAFF = { Authorization: `Bearer ${STAFF_KEY}` };
const OPEN = '/api/consultations/town-centre-2026';
const CLOSED = '/api/consultations/library-hours-2026';

/** RFC 4180 parser for the tests: quoted fields, doubled quotes, CRLF inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** A complete, valid response from someone who does not drive (so page 3 is hidden). */
const nonDriver = () => ({
  'visit-frequency': 'weekly',
  drives: 'no',
  travel: ['walk', 'other'],
  'travel.other': 'Mobility scooter',
  postcode: 'LK1 2AB',
  'one-way': 'agree',
  priorities: ['trees', 'pavements', 'seating', 'lighting', 'cycle-parking'],
  comments: 'More benches, please.',
  'event-date': '2027-03-27',
  'responding-as': 'resident',
});

describe.each(testDatabases())('Consultation API on %s', (kind) => {
  const t = useTestServer(kind);

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${t.server.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    // TextDecoder keeps the byte-order mark (fetch's text() would drop it), so tests can see it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, body: json };
  }

  async function csv(path: string) {
    const response = await call('GET', `${path}/responses.csv`, undefined, STAFF);
    expect(response.status).toBe(200);
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(response.text.slice(1));
    const [header, ...data] = rows;
    return { header: header!, rows: data, byRef: (ref: string) => data.filter((r) => r[0] === ref) };
  }

  describe('listing and reading consultations', () => {
    it('lists the open consultation first, then the closed one with published results', async () => {
      const { status, body } = await call('GET', '/api/consultations');
      expect(status).toBe(200);
      const ids = body.map((c: { id: string }) => c.id);
      expect(ids.indexOf('town-centre-2026')).toBeLessThan(ids.indexOf('library-hours-2026'));
      const open = body.find((c: { id: string }) => c.id === 'town-centre-2026');
      expect(open).toMatchObject({ status: 'open', title: { en: expect.any(String), cy: expect.any(String) } });
      expect(Date.parse(open.closes)).toBeGreaterThan(Date.now());
      expect(body.find((c: { id: string }) => c.id === 'library-hours-2026').status).toBe('results_published');
    });

    it('returns the whole definition: overview, other ways to respond, pages, every question type, in English and Welsh', async () => {
      const { status, body } = await call('GET', OPEN);
      expect(status).toBe(200);
      expect(body.languages).toEqual(['en', 'cy']);
      expect(body.overview).toMatchObject({ estimatedMinutes: 10, privacy: { en: expect.any(String), cy: expect.any(String) } });
      expect(body.overview.otherWays.map((w: { kind: string }) => w.kind)).toEqual(['post', 'phone', 'event']);
      expect(body.pages).toHaveLength(4);
      expect(body.pages[2].showIf).toEqual({ question: 'drives', equals: 'yes' });
      const types = new Set(body.pages.flatMap((p: any) => p.questions.map((q: any) => q.type)));
      expect(types).toEqual(new Set(['text', 'textarea', 'radios', 'checkboxes', 'scale', 'ranking', 'yes_no', 'date', 'location']));
      // Defaults are explicit, so the widget need not know them.
      const postcode = body.pages[0].questions.find((q: any) => q.id === 'postcode');
      expect(postcode).toMatchObject({ required: false, maxLength: 10 });
    });

    it('answers 404 with an error array for an unknown consultation', async () => {
      const { status, body } = await call('GET', '/api/consultations/no-such-thing');
      expect(status).toBe(404);
      expect(body).toEqual([{ code: 'not_found', description: expect.stringContaining('no-such-thing') }]);
    });
  });

  describe('submitting a response', () => {
    it('stores a valid response once and returns a reference', async () => {
      const { status, body } = await call('POST', `${OPEN}/responses`, { answers: nonDriver(), lang: 'en' });
      expect(status).toBe(201);
      expect(body.reference).toMatch(/^LDC-C-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const { header, byRef } = await csv(OPEN);
      const row = byRef(body.reference);
      expect(row).toHaveLength(1);
      const cell = (name: string) => row[0]![header.findIndex((h) => h.startsWith(name))];
      expect(cell('travel ')).toBe('Walk or wheel; Another way');
      expect(cell('travel other')).toBe('Mobility scooter');
      expect(cell('priorities')).toBe('Street trees > Wider pavements > Seating > Better lighting > Covered cycle parking');
    });

    it('reports every problem at once, each with its question, and stores nothing', async () => {
      const before = (await csv(OPEN)).rows.length;
      const answers = {
        ...nonDriver(),
        'visit-frequency': 'hourly',
        travel: ['other'],
        'travel.other': '',
        priorities: ['trees', 'trees'],
        'event-date': '2027-02-30',
        'one-way': undefined,
      };
      const { status, body } = await call('POST', `${OPEN}/responses`, { answers });
      expect(status).toBe(400);
      expect(body.map((e: any) => [e.code, e.question])).toEqual([
        ['invalid_option', 'visit-frequency'],
        ['other_required', 'travel'],
        ['required', 'one-way'],
        ['invalid_ranking', 'priorities'],
        ['invalid_date', 'event-date'],
      ]);
      for (const e of body) expect(e.description.length).toBeGreaterThan(10);
      expect((await csv(OPEN)).rows.length).toBe(before);
    });

    it('enforces word limits and refuses a body without answers', async () => {
      const tooWordy = await call('POST', `${OPEN}/responses`, { answers: { ...nonDriver(), comments: 'word '.repeat(301) } });
      expect(tooWordy.status).toBe(400);
      expect(tooWordy.body).toEqual([{ code: 'too_many_words', question: 'comments', description: expect.stringContaining('300 words') }]);
      const noAnswers = await call('POST', `${OPEN}/responses`, { lang: 'en' });
      expect(noAnswers.status).toBe(400);
      expect(noAnswers.body[0].code).toBe('invalid_body');
    });

    it('drops answers to a hidden page and does not require its questions', async () => {
      const answers = { ...nonDriver(), 'park-where': 'street', 'car-park-rating': '2', 'not-a-question': 'x' };
      const { status, body } = await call('POST', `${OPEN}/responses`, { answers });
      expect(status).toBe(201);
      const { header, byRef } = await csv(OPEN);
      const row = byRef(body.reference)[0]!;
      expect(row[header.findIndex((h) => h.startsWith('park-where '))]).toBe('');
      expect(row[header.findIndex((h) => h.startsWith('car-park-rating '))]).toBe('');
    });

    it('shows page 3 to drivers: its required question is enforced, and a nested condition applies', async () => {
      const driver = { ...nonDriver(), drives: 'yes' };
      const missing = await call('POST', `${OPEN}/responses`, { answers: driver });
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual([{ code: 'required', question: 'park-where', description: expect.stringContaining('Where do you usually park?') }]);

      // car-park-rating shows only for the two car parks: for "street" its answer is dropped.
      const street = await call('POST', `${OPEN}/responses`, { answers: { ...driver, 'park-where': 'street', 'car-park-rating': '4' } });
      const square = await call('POST', `${OPEN}/responses`, { answers: { ...driver, 'park-where': 'market-square', 'car-park-rating': '4' } });
      expect([street.status, square.status]).toEqual([201, 201]);
      const { header, byRef } = await csv(OPEN);
      const rating = header.findIndex((h) => h.startsWith('car-park-rating '));
      expect(byRef(street.body.reference)[0]![rating]).toBe('');
      expect(byRef(square.body.reference)[0]![rating]).toBe('4');
    });

    it('requires "what makes it unsafe" only once a place is pinned, and the place must be in the district', async () => {
      const pinned = { ...nonDriver(), 'unsafe-place': { lat: 52.2281, lng: -1.5049, address: 'High Street, Larkmead' } };
      const missing = await call('POST', `${OPEN}/responses`, { answers: pinned });
      expect(missing.body).toEqual([{ code: 'required', question: 'unsafe-why', description: expect.any(String) }]);

      const outside = await call('POST', `${OPEN}/responses`, {
        answers: { ...pinned, 'unsafe-place': { lat: 52.22, lng: -1.7 }, 'unsafe-why': 'Dark underpass' },
      });
      expect(outside.status).toBe(400);
      expect(outside.body).toEqual([{ code: 'location_outside_area', question: 'unsafe-place', description: expect.stringContaining('Westshire') }]);

      const ok = await call('POST', `${OPEN}/responses`, { answers: { ...pinned, 'unsafe-why': 'Dark underpass' } });
      expect(ok.status).toBe(201);
      const { header, byRef } = await csv(OPEN);
      const row = byRef(ok.body.reference)[0]!;
      expect(row[header.indexOf('unsafe-place lat')]).toBe('52.2281');
      expect(row[header.indexOf('unsafe-place lng')]).toBe('-1.5049');
      expect(row[header.indexOf('unsafe-place address')]).toBe('High Street, Larkmead');
    });

    it('refuses a closed consultation with a clear 409', async () => {
      const { status, body } = await call('POST', `${CLOSED}/responses`, { answers: { 'use-frequency': 'weekly', support: 'yes' } });
      expect(status).toBe(409);
      expect(body).toEqual([{ code: 'consultation_closed', description: expect.stringMatching(/closed on \d{1,2} \w+ \d{4}/) }]);
    });
  });

  describe('idempotency', () => {
    it('stores one response for two posts with the same key, and it appears once in the CSV', async () => {
      const key = `test-${Date.now()}-a`;
      const payload = { answers: nonDriver(), lang: 'cy' };
      const first = await call('POST', `${OPEN}/responses`, payload, { 'Idempotency-Key': key });
      const second = await call('POST', `${OPEN}/responses`, payload, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      const { byRef } = await csv(OPEN);
      expect(byRef(first.body.reference)).toHaveLength(1);
      expect(byRef(first.body.reference)[0]![2]).toBe('cy');
    });

    it('stores one response when the same key arrives twice at once', async () => {
      const key = `test-${Date.now()}-race`;
      const payload = { answers: nonDriver() };
      const results = await Promise.all([1, 2, 3].map(() => call('POST', `${OPEN}/responses`, payload, { 'Idempotency-Key': key })));
      const references = new Set(results.map((r) => r.body.reference));
      expect(references.size).toBe(1);
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect((await csv(OPEN)).byRef([...references][0]!)).toHaveLength(1);
    });

    it('refuses the same key with a different body, and a malformed key', async () => {
      const key = `test-${Date.now()}-b`;
      await call('POST', `${OPEN}/responses`, { answers: nonDriver() }, { 'Idempotency-Key': key });
      const reused = await call('POST', `${OPEN}/responses`, { answers: { ...nonDriver(), 'one-way': 'disagree' } }, { 'Idempotency-Key': key });
      expect(reused.status).toBe(409);
      expect(reused.body[0].code).toBe('idempotency_key_reused');
      const long = await call('POST', `${OPEN}/responses`, { answers: nonDriver() }, { 'Idempotency-Key': 'k'.repeat(201) });
      expect(long.status).toBe(400);
      expect(long.body[0].code).toBe('invalid_idempotency_key');
    });
  });

  describe('save and return', () => {
    it('saves a draft, resumes it with a retyped code, updates it, and deletes it on submit', async () => {
      const saved = await call('POST', `${OPEN}/drafts`, { answers: { 'visit-frequency': 'daily', drives: 'yes' }, page: 'about-you' });
      expect(saved.status).toBe(201);
      expect(saved.body.resumeCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
      expect(saved.body.emailed).toBe(false);
      const days = (Date.parse(saved.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);

      const code: string = saved.body.resumeCode;
      const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
      const resumed = await call('GET', `${OPEN}/drafts/${typed}`);
      expect(resumed.status).toBe(200);
      expect(resumed.headers.get('cache-control')).toBe('no-store');
      expect(resumed.body).toMatchObject({ resumeCode: code, answers: { 'visit-frequency': 'daily', drives: 'yes' }, page: 'about-you' });

      const updated = await call('PUT', `${OPEN}/drafts/${code}`, { answers: { ...nonDriver(), drives: 'yes' }, page: 'parking' });
      expect(updated.status).toBe(200);
      expect(updated.body.resumeCode).toBe(code);
      expect((await call('GET', `${OPEN}/drafts/${code}`)).body).toMatchObject({ page: 'parking', answers: { 'one-way': 'agree' } });

      const submitted = await call('POST', `${OPEN}/responses`, {
        answers: { ...nonDriver(), drives: 'yes', 'park-where': 'station-road' },
        resumeCode: code,
      });
      expect(submitted.status).toBe(201);
      const gone = await call('GET', `${OPEN}/drafts/${code}`);
      expect(gone.status).toBe(404);
      expect(gone.body[0].code).toBe('draft_not_found');
    });

    it('emails the resume code with a link back to an allowed page, and never to a foreign site', async () => {
      const email = `resident-${Date.now()}@example.org`;
      const saved = await call('POST', `${OPEN}/drafts`, {
        answers: { drives: 'no' },
        email,
        lang: 'cy',
        returnUrl: 'http://localhost:8080/consultations/town-centre?tab=1',
      });
      expect(saved.body.emailed).toBe(true);
      await t.server.ctx.queue.drain();
      const code: string = saved.body.resumeCode;
      const { rows } = await t.db.query<{ subject: string; text_body: string }>('SELECT subject, text_body FROM dev_mailbox WHERE mail_to LIKE $1', [`%${email}%`]);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.subject).toContain('Eich cod ailddechrau');
      expect(rows[0]!.text_body).toContain(`${code.slice(0, 4)} ${code.slice(4)}`);
      expect(rows[0]!.text_body).toContain(`http://localhost:8080/consultations/town-centre?tab=1&resume=${code}`);

      const phishing = `phish-${Date.now()}@example.org`;
      await call('POST', `${OPEN}/drafts`, { answers: {}, email: phishing, returnUrl: 'https://evil.example.com/login' });
      await t.server.ctx.queue.drain();
      const { rows: other } = await t.db.query<{ text_body: string }>('SELECT text_body FROM dev_mailbox WHERE mail_to LIKE $1', [`%${phishing}%`]);
      expect(other).toHaveLength(1);
      expect(other[0]!.text_body).not.toContain('evil.example.com');
      expect(other[0]!.text_body).toContain('enter the code');
    });

    it('forgets a draft once it expires, and clears expired drafts away', async () => {
      const saved = await call('POST', `${OPEN}/drafts`, { answers: { drives: 'no' } });
      const code: string = saved.body.resumeCode;
      await t.db.query("UPDATE consultation_drafts SET expires_at = now() - interval '1 minute' WHERE code = $1", [code]);
      const expired = await call('GET', `${OPEN}/drafts/${code}`);
      expect(expired.status).toBe(404);
      expect(expired.body[0]).toMatchObject({ code: 'draft_not_found', description: expect.stringContaining('30 days') });
      await call('POST', `${OPEN}/drafts`, { answers: {} });
      const { rows } = await t.db.query('SELECT code FROM consultation_drafts WHERE code = $1', [code]);
      expect(rows).toHaveLength(0);
    });

    it('refuses a bad email, an unknown code and a closed consultation', async () => {
      const bad = await call('POST', `${OPEN}/drafts`, { answers: {}, email: 'not-an-email' });
      expect(bad.status).toBe(400);
      expect(bad.body[0].code).toBe('invalid_email');
      const long = await call('POST', `${OPEN}/drafts`, { answers: {}, email: `${'a'.repeat(250)}@example.com` });
      expect(long.status).toBe(400);
      expect(long.body).toEqual([{ code: 'invalid_email', description: 'Enter an email address of 254 characters or fewer.' }]);
      const unknown = await call('GET', `${OPEN}/drafts/ABCDEFGH`);
      expect(unknown.status).toBe(404);
      const closed = await call('POST', `${CLOSED}/drafts`, { answers: {} });
      expect(closed.status).toBe(409);
      expect(closed.body[0].code).toBe('consultation_closed');
    });
  });

  describe('results', () => {
    it('publishes "we asked, you said, we did" with counts and percentages for the closed demo consultation', async () => {
      const { status, body } = await call('GET', `${CLOSED}/results`);
      expect(status).toBe(200);
      expect(body.responseCount).toBe(184);
      expect(body).toMatchObject({ weAsked: { en: expect.any(String) }, youSaid: { cy: expect.any(String) }, decision: { url: expect.stringMatching(/^https:/) } });
      expect(body.quotes.length).toBeGreaterThan(0);
      const support = body.questions.find((q: any) => q.id === 'support');
      expect(support.answered).toBe(184);
      expect(support.options.map((o: any) => o.value)).toEqual(['yes', 'no']);
      expect(support.options[0].count + support.options[1].count).toBe(184);
      expect(support.options[0].percent + support.options[1].percent).toBeCloseTo(100, 0);
      const services = body.questions.find((q: any) => q.id === 'services');
      expect(services.other.count).toBeGreaterThan(0);
      const ranking = body.questions.find((q: any) => q.id === 'priorities').ranking;
      expect(ranking.map((r: any) => r.meanRank)).toEqual([...ranking.map((r: any) => r.meanRank)].sort((a, b) => a - b));
    });

    it('has no results while a consultation is open, and staff cannot publish before it closes', async () => {
      const { status, body } = await call('GET', `${OPEN}/results`);
      expect(status).toBe(404);
      expect(body[0].code).toBe('results_not_published');
      const early = await call('POST', `${OPEN}/results`, { youSaid: 'x', weDid: 'y', decision: { text: 'z' } }, STAFF);
      expect(early.status).toBe(409);
      expect(early.body[0].code).toBe('consultation_open');
    });

    it('publishes the figures of real responses once a consultation closes', async () => {
      const id = `publish-test-${Date.now()}`;
      const { status: _status, languages: _languages, ...definition } = JSON.parse((await call('GET', OPEN)).text);
      await t.db.query('INSERT INTO consultations (id, definition, opens_at, closes_at) VALUES ($1, $2, $3, $4)', [
        id,
        JSON.stringify({ ...definition, id, opens: '2026-01-01T00:00:00.000Z', closes: '2099-01-01T00:00:00.000Z' }),
        '2026-01-01T00:00:00.000Z',
        '2099-01-01T00:00:00.000Z',
      ]);
      const path = `/api/consultations/${id}`;
      for (const [oneWay, drives] of [['agree', 'no'], ['agree', 'no'], ['disagree', 'no'], ['strongly-agree', 'yes']]) {
        const answers = { ...nonDriver(), 'one-way': oneWay, drives, ...(drives === 'yes' ? { 'park-where': 'other', 'park-where.other': 'Church car park' } : {}) };
        expect((await call('POST', `${path}/responses`, { answers })).status).toBe(201);
      }
      await t.db.query('UPDATE consultations SET closes_at = $1 WHERE id = $2', [new Date(Date.now() - 1000).toISOString(), id]);

      const forbidden = await call('POST', `${path}/results`, { youSaid: 'x', weDid: 'y', decision: { text: 'z' } });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body[0].code).toBe('forbidden');

      const published = await call('POST', `${path}/results`, {
        youSaid: { en: 'Most agreed.', cy: "Roedd y rhan fwyaf yn cytuno." },
        weDid: 'We will make it one-way.',
        decision: { text: 'Cabinet agreed.', url: 'https://larkmead.example.gov.uk/decisions/1' },
        quotes: [{ text: 'More benches, please.', question: 'comments' }],
      }, STAFF);
      expect(published.status).toBe(200);
      const results = (await call('GET', `${path}/results`)).body;
      expect(results).toMatchObject({ status: 'results_published', responseCount: 4, weAsked: definition.summary });
      const oneWay = results.questions.find((q: any) => q.id === 'one-way');
      expect(oneWay.options.map((o: any) => [o.value, o.count, o.percent])).toEqual([
        ['strongly-agree', 1, 25],
        ['agree', 2, 50],
        ['neutral', 0, 0],
        ['disagree', 1, 25],
        ['strongly-disagree', 0, 0],
      ]);
      const parkWhere = results.questions.find((q: any) => q.id === 'park-where');
      expect(parkWhere).toMatchObject({ answered: 1, other: { count: 1, percent: 100 } });
      expect(results.questions.find((q: any) => q.id === 'drives').options.map((o: any) => o.count)).toEqual([1, 3]);
    });
  });

  describe('staff CSV export', () => {
    it('needs the staff key', async () => {
      for (const query of ['', '?api_key=wrong-key-0000000000']) {
        const { status, body } = await call('GET', `${OPEN}/responses.csv${query}`);
        expect(status).toBe(403);
        expect(body).toEqual([{ code: 'forbidden', description: expect.any(String) }]);
      }
      // The right key in the address is refused too: addresses are written to access logs.
      const inUrl = await call('GET', `${OPEN}/responses.csv?api_key=${STAFF_KEY}`);
      expect(inUrl.status).toBe(403);
      expect(inUrl.body[0].description).toContain('Authorization header');
      expect((await call('GET', `${OPEN}/responses.csv`, undefined, { Authorization: 'Bearer wrong-key-0000000000' })).status).toBe(403);
    });

    it('quotes commas, quotes and line breaks, and defuses formulas a resident typed', async () => {
      const answers = {
        ...nonDriver(),
        postcode: '=1+1',
        comments: 'He said "no", then\r\nleft.',
        'travel.other': '@SUM(A1:A9)',
      };
      const { body } = await call('POST', `${OPEN}/responses`, { answers });
      const response = await call('GET', `${OPEN}/responses.csv`, undefined, STAFF);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain('attachment; filename="town-centre-2026-responses.csv"');
      expect(response.text).toContain('"He said ""no"", then\r\nleft."');
      const { header, byRef } = await csv(OPEN);
      const row = byRef(body.reference)[0]!;
      expect(row[header.findIndex((h) => h.startsWith('postcode '))]).toBe("'=1+1");
      expect(row[header.indexOf('travel other')]).toBe("'@SUM(A1:A9)");
      expect(row[header.findIndex((h) => h.startsWith('comments '))]).toBe('He said "no", then\r\nleft.');
      // Every data row has as many cells as the header.
      for (const r of (await csv(OPEN)).rows) expect(r).toHaveLength(header.length);
    });
  });

  describe('defining consultations (staff)', () => {
    const definition = (id: string, closes = '2099-01-01T00:00:00.000Z') => ({
      id,
      title: { en: 'Bins', cy: 'Biniau' },
      summary: 'Fortnightly bins?',
      opens: '2026-01-01T00:00:00.000Z',
      closes,
      overview: {
        proposal: 'Collect bins every two weeks.',
        reasons: 'Cost.',
        audience: 'Everyone.',
        estimatedMinutes: 2,
        otherWays: [{ kind: 'phone', label: 'Phone', detail: '01632 960000' }],
        privacy: 'We keep answers for a year.',
      },
      pages: [{ id: 'p1', title: 'Bins', questions: [{ id: 'agree', type: 'yes_no', label: 'Do you agree?', required: true }] }],
    });

    it('creates a consultation from JSON, lists it and takes responses, with no restart', async () => {
      const id = `bins-${Date.now()}`;
      const created = await call('PUT', `/api/consultations/${id}`, definition(id), STAFF);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id, status: 'open', languages: ['en', 'cy'], pages: [{ questions: [{ id: 'agree', required: true }] }] });
      expect((await call('GET', '/api/consultations')).body.map((c: { id: string }) => c.id)).toContain(id);
      const replaced = await call('PUT', `/api/consultations/${id}`, { ...definition(id), summary: 'Weekly or fortnightly?', api_key: STAFF_KEY });
      expect(replaced.status).toBe(200);
      expect(replaced.body.summary).toBe('Weekly or fortnightly?');
      expect((await call('POST', `/api/consultations/${id}/responses`, { answers: { agree: 'yes' } })).status).toBe(201);
      const locked = await call('PUT', `/api/consultations/${id}`, definition(id), STAFF);
      expect(locked.status).toBe(409);
      expect(locked.body[0]).toMatchObject({ code: 'has_responses', description: expect.stringContaining('1 responses') });
    });

    it('lists every problem of a broken definition, naming the key, and needs the staff key', async () => {
      const id = `broken-${Date.now()}`;
      const broken = definition(id) as any;
      broken.pages[0].questions.push({ id: 'why', type: 'textarea', label: 'Why?', showIf: { question: 'later', equals: 'x' } });
      broken.pages[0].questions.push({ id: 'agree', type: 'yes_no', label: 'Again?' });
      broken.overview.otherWays = [];
      const { status, body } = await call('PUT', `/api/consultations/${id}`, broken, STAFF);
      expect(status).toBe(400);
      const descriptions = body.map((e: { description: string }) => e.description);
      expect(body.every((e: { code: string }) => e.code === 'invalid_definition')).toBe(true);
      expect(descriptions.join('\n')).toContain('overview.otherWays');
      expect((await call('GET', `/api/consultations/${id}`)).status).toBe(404);

      const crossRef = definition(id) as any;
      crossRef.pages[0].questions.push({ id: 'why', type: 'textarea', label: 'Why?', showIf: { question: 'later', equals: 'x' } });
      const refused = await call('PUT', `/api/consultations/${id}`, crossRef, STAFF);
      expect(refused.body).toEqual([{ code: 'invalid_definition', description: 'pages[0].questions[1].showIf: "later" must be an earlier question' }]);

      const anonymous = await call('PUT', `/api/consultations/${id}`, definition(id));
      expect(anonymous.status).toBe(403);
      expect(anonymous.body[0].code).toBe('forbidden');
    });
  });

  // Last in the file: it uses up this client's draft lookups for the minute.
  describe('resume codes cannot be guessed', () => {
    it('limits draft lookups per address, with a 429 error array', async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= DRAFT_LOOKUPS_PER_MINUTE; i++) statuses.push((await call('GET', `${OPEN}/drafts/ZZZZZZZZ`)).status);
      expect(statuses).toContain(404);
      const limited = await call('GET', `${OPEN}/drafts/ZZZZZZZZ`);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(limited.body[0].description).toMatch(/try again/i);
    });
  });
});
