import { describe, expect, it } from 'vitest';
import { call, STAFF_KEY, testDatabases, useTestServer } from './helpers.ts';

/**
 * The demo back office's consultations (/staff/consultations) over real HTTP: the list, the
 * responses CSV and publishing "we asked, you said, we did" from a GOV.UK-style form. The demo
 * seeds town-centre-2026 (open, no responses) and library-hours-2026 (closed, 184 responses,
 * results published).
 */

const LIST = '/staff/consultations';

describe.each(testDatabases())('Consultations on the /staff page on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string) => call(t.server.base, 'GET', path);
  /** Posts the publish form as a browser on the staff page would, without following the redirect. */
  const publish = (id: string, form: Record<string, string>, origin = t.server.base) =>
    fetch(`${t.server.base}/staff/consultations/${id}/results`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams(form),
    });
  /** The list's table row for one consultation. */
  const rowOf = (html: string, id: string) => html.split('<tr>').find((row) => row.includes(`href="/staff/consultations/${id}"`)) ?? '';

  /** A consultation with two responses that closed a second ago, without results. */
  async function closedConsultation() {
    const id = `bins-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    const created = await call(t.server.base, 'PUT', `/api/consultations/${id}`, {
      headers: { Authorization: `Bearer ${STAFF_KEY}` },
      json: {
        title: { en: 'Fortnightly bins', cy: 'Biniau bob pythefnos' },
        summary: 'We asked whether bins should be collected every two weeks.',
        opens: '2026-01-01T00:00:00.000Z',
        closes: '2099-01-01T00:00:00.000Z',
        overview: {
          proposal: 'Collect bins every two weeks.',
          reasons: 'Cost.',
          audience: 'Everyone.',
          estimatedMinutes: 2,
          otherWays: [{ kind: 'phone', label: 'Phone', detail: '01632 960000' }],
          privacy: 'We keep answers for a year.',
        },
        pages: [
          {
            id: 'p1',
            title: 'Bins',
            questions: [
              { id: 'agree', type: 'yes_no', label: 'Do you agree?', required: true },
              { id: 'why', type: 'textarea', label: 'Why?' },
            ],
          },
        ],
      },
    });
    expect(created.status, created.text).toBe(201);
    for (const answers of [{ agree: 'yes', why: 'Less traffic, "fewer" lorries' }, { agree: 'no' }]) {
      expect((await call(t.server.base, 'POST', `/api/consultations/${id}/responses`, { json: { answers } })).status).toBe(201);
    }
    await t.db.query('UPDATE consultations SET closes_at = $1 WHERE id = $2', [new Date(Date.now() - 1000).toISOString(), id]);
    return id;
  }

  it('lists every consultation with its status, dates, number of responses and what to do next', async () => {
    const id = await closedConsultation();
    const page = await get(LIST);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('<a href="/staff/consultations" aria-current="page">Consultations</a>');
    expect(page.text).toContain('<h1>Consultations</h1>');

    const library = rowOf(page.text, 'library-hours-2026');
    expect(library).toContain('>Opening hours at Larkmead Library</a>');
    expect(library).toContain('Results published');
    expect(library).toContain('<td class="number">184</td>');
    expect(library).toContain('<a href="/api/consultations/library-hours-2026/results">Results');
    expect(library).toContain('<a href="/staff/consultations/library-hours-2026/responses.csv" download>CSV');

    const town = rowOf(page.text, 'town-centre-2026');
    expect(town).toContain('<strong class="tag">Open</strong>');
    expect(town).toContain('<td class="number">0</td>');
    expect(town).not.toContain('Publish results');
    expect(town).not.toContain('/results"');
    const closes = (await get('/api/consultations/town-centre-2026')).body.closes;
    expect(town).toContain(`<time datetime="${closes}">`);

    const bins = rowOf(page.text, id);
    expect(bins).toContain('Closed');
    expect(bins).toContain('<td class="number">2</td>');
    expect(bins).toContain(`<a href="/staff/consultations/${id}#publish">Publish results`);
    // Open ones first, then the most recently closed.
    expect(page.text.indexOf('town-centre-2026')).toBeLessThan(page.text.indexOf(id));
    expect(page.text.indexOf(id)).toBeLessThan(page.text.indexOf('library-hours-2026'));
  });

  it('publishes what the officer typed, shows a confirmation, and the results API returns it', async () => {
    const id = await closedConsultation();
    const before = await get(`/staff/consultations/${id}`);
    expect(before.text).toContain(`<form method="post" action="/staff/consultations/${id}/results" novalidate>`);
    expect(before.text).toContain('<label for="youSaid">You said</label>');
    expect(before.text).toContain('<dt>Responses</dt><dd>2</dd>');

    const answer = await publish(id, {
      weAsked: '',
      youSaid: 'Most of you agreed.\nSome worried about smells.',
      weDid: 'Bins go fortnightly from April.',
      decision_text: 'Cabinet agreed on 3 March.',
      decision_url: 'https://larkmead.example.gov.uk/decisions/bins',
      decision_date: '2026-03-03',
      quotes: 'Less traffic, fewer lorries\r\n\r\n  Please keep food waste weekly  \n',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/staff/consultations/${id}?published=1`);

    const confirmed = await get(`/staff/consultations/${id}?published=1`);
    expect(confirmed.text).toContain('<div class="banner" role="status"><h2>Results published</h2>');
    expect(confirmed.text).toContain(`<a href="/api/consultations/${id}/results">View the published results</a>`);
    expect(confirmed.text).not.toContain('<form');
    expect(confirmed.text).toContain('<dd class="pre-line">Most of you agreed.\nSome worried about smells.</dd>');

    const results = await get(`/api/consultations/${id}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({
      status: 'results_published',
      responseCount: 2,
      weAsked: 'We asked whether bins should be collected every two weeks.',
      youSaid: 'Most of you agreed.\nSome worried about smells.',
      weDid: 'Bins go fortnightly from April.',
      decision: { text: 'Cabinet agreed on 3 March.', url: 'https://larkmead.example.gov.uk/decisions/bins', date: '2026-03-03' },
      quotes: [{ text: 'Less traffic, fewer lorries' }, { text: 'Please keep food waste weekly' }],
    });
    expect(results.body.questions.find((q: { id: string }) => q.id === 'agree').options.map((o: { count: number }) => o.count)).toEqual([1, 1]);
    expect(rowOf((await get(LIST)).text, id)).toContain('Results published');

    // A second tab still showing the form cannot overwrite them.
    const again = await publish(id, { youSaid: 'Changed', weDid: 'Changed', decision_text: 'Changed' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('The results of this consultation are already published.');
    expect((await get(`/api/consultations/${id}/results`)).body.youSaid).toBe('Most of you agreed.\nSome worried about smells.');
  });

  it('publishes "we asked, you said, we did" in English and Welsh, each Welsh field beside its English', async () => {
    const id = await closedConsultation();
    const form = (await get(`/staff/consultations/${id}`)).text;
    for (const field of ['weAsked', 'youSaid', 'weDid', 'decision_text']) {
      // In the form's order: the English, then its Welsh (marked lang="cy" for spelling and screen readers).
      expect(form.indexOf(`<textarea id="${field}_cy" name="${field}_cy"`)).toBeGreaterThan(form.indexOf(`<textarea id="${field}" name="${field}"`));
      expect(form).toMatch(new RegExp(`<textarea id="${field}_cy" name="${field}_cy" aria-describedby="${field}_cy-hint" lang="cy">`));
    }
    expect(form).toContain('<label for="youSaid_cy">You said in Welsh (optional)</label>');

    // A Welsh "we asked" needs the English beside it.
    const missing = await publish(id, { weAsked_cy: 'Gofynnwyd am finiau.', youSaid: 'Yes.', weDid: 'Done.', decision_text: 'Agreed.' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Enter what the consultation asked in English too, or leave both empty');

    const answer = await publish(id, {
      weAsked: 'We asked about bins.',
      weAsked_cy: 'Gofynnwyd i chi am finiau.',
      youSaid: 'Most of you agreed.',
      youSaid_cy: 'Roedd y rhan fwyaf ohonoch yn cytuno.',
      weDid: 'Bins go fortnightly from April.',
      weDid_cy: 'Bydd biniau’n cael eu casglu bob pythefnos o fis Ebrill.',
      decision_text: 'Cabinet agreed on 3 March.',
      decision_text_cy: '',
    });
    expect(answer.status).toBe(303);
    const results = (await get(`/api/consultations/${id}/results`)).body;
    expect(results).toMatchObject({
      weAsked: { en: 'We asked about bins.', cy: 'Gofynnwyd i chi am finiau.' },
      youSaid: { en: 'Most of you agreed.', cy: 'Roedd y rhan fwyaf ohonoch yn cytuno.' },
      weDid: { en: 'Bins go fortnightly from April.', cy: 'Bydd biniau’n cael eu casglu bob pythefnos o fis Ebrill.' },
      // No Welsh given: English alone, which Welsh readers get.
      decision: { text: 'Cabinet agreed on 3 March.' },
    });
    const shown = (await get(`/staff/consultations/${id}`)).text;
    expect(shown).toContain('<dt>You said in Welsh</dt><dd class="pre-line" lang="cy">Roedd y rhan fwyaf ohonoch yn cytuno.</dd>');
    expect(shown).not.toContain('<dt>Decision in Welsh</dt>');
  });

  it('shows GOV.UK errors linked to the fields, keeps what was typed, and publishes nothing', async () => {
    const id = await closedConsultation();
    const answer = await publish(id, {
      weAsked: 'We asked about <bins> & "boxes"',
      youSaid: '   ',
      weDid: 'Fortnightly <script>alert(1)</script>',
      decision_text: 'Agreed.',
      decision_url: 'larkmead.gov.uk/decisions',
      decision_date: '2026-02-30',
      quotes: 'One',
    });
    expect(answer.status).toBe(400);
    const page = await answer.text();
    expect(page).toContain('<title>Error: Fortnightly bins');
    expect(page).toContain('<h2>There is a problem</h2>');
    expect(page).toContain('<li><a href="#youSaid">Enter what people said</a></li>');
    expect(page).toContain('<a href="#decision_url">Enter the link to the decision as a full web address');
    expect(page).toContain('<a href="#decision_date">Date of the decision must be a real date, like 14 October 2026</a>');
    expect(page).toContain('<p class="field-error" id="youSaid-error"><span class="visually-hidden">Error:</span> Enter what people said</p>');
    expect(page).toContain('<textarea id="youSaid" name="youSaid" aria-describedby="youSaid-hint youSaid-error">');
    // What was typed comes back, as text.
    expect(page).toContain('<textarea id="weAsked" name="weAsked" aria-describedby="weAsked-hint">We asked about &lt;bins&gt; &amp; &quot;boxes&quot;</textarea>');
    expect(page).toContain('>Fortnightly &lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('name="decision_url" value="larkmead.gov.uk/decisions"');
    expect(page).toContain('name="decision_date" value="2026-02-30"');
    expect((await get(`/api/consultations/${id}/results`)).status).toBe(404);

    const missing = await (await publish(id, { youSaid: 'Yes.', weDid: '', decision_text: '' })).text();
    expect(missing).toContain('<li><a href="#weDid">Enter what the council did</a></li>');
    expect(missing).toContain('<li><a href="#decision_text">Enter the decision</a></li>');
    expect(missing).not.toContain('href="#youSaid"');
    expect(missing).toContain('aria-describedby="youSaid-hint">Yes.</textarea>');
  });

  it('offers no publish form while a consultation is open, and the service refuses one posted anyway', async () => {
    const page = await get('/staff/consultations/town-centre-2026');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Larkmead High Street: a safer, greener town centre</h1>');
    expect(page.text).not.toContain('<form');
    expect(page.text).toContain('You can publish the results once the consultation closes on');

    const forced = await publish('town-centre-2026', { youSaid: 'x', weDid: 'y', decision_text: 'z' });
    expect(forced.status).toBe(409);
    expect(await forced.text()).toContain('<li>Results can be published once the consultation has closed.</li>');
    expect((await get('/api/consultations/town-centre-2026/results')).status).toBe(404);
  });

  it('shows published results with a link to them and no form', async () => {
    const page = await get('/staff/consultations/library-hours-2026');
    expect(page.text).toContain('<dt>Responses</dt><dd>184</dd>');
    expect(page.text).toContain('<h2>Published results</h2>');
    expect(page.text).toContain('<a href="/api/consultations/library-hours-2026/results">View the published results</a>');
    expect(page.text).toContain('The Communities Committee agreed the new opening hours on 14 October.');
    expect(page.text).not.toContain('<form');
  });

  it('downloads the responses as the same CSV the staff API gives', async () => {
    const id = await closedConsultation();
    const page = await get(`/staff/consultations/${id}`);
    expect(page.text).toContain(`<a href="/staff/consultations/${id}/responses.csv" download>Download the responses (CSV)</a>`);
    const bytes = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${t.server.base}${path}`, { headers });
      return { response, body: Buffer.from(await response.arrayBuffer()) };
    };
    const staff = await bytes(`/staff/consultations/${id}/responses.csv`);
    const api = await bytes(`/api/consultations/${id}/responses.csv`, { Authorization: `Bearer ${STAFF_KEY}` });
    expect(staff.response.status).toBe(200);
    expect(staff.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(staff.response.headers.get('content-disposition')).toBe(`attachment; filename="${id}-responses.csv"`);
    expect(staff.response.headers.get('cache-control')).toBe('no-store');
    expect(staff.body.equals(api.body)).toBe(true);
    expect(staff.body.toString('utf8')).toContain('"Less traffic, ""fewer"" lorries"');

    const library = (await bytes('/staff/consultations/library-hours-2026/responses.csv')).body.toString('utf8');
    expect(library.match(/\r\nLDC-C-/g)).toHaveLength(184);
  });

  it('refuses a publish posted from another site, and answers 404 for an unknown consultation', async () => {
    const id = await closedConsultation();
    const forged = await publish(id, { youSaid: 'x', weDid: 'y', decision_text: 'z' }, 'https://evil.example');
    expect(forged.status).toBe(403);
    expect((await get(`/api/consultations/${id}/results`)).status).toBe(404);

    for (const path of ['/staff/consultations/no-such-thing', '/staff/consultations/no-such-thing/responses.csv']) {
      const missing = await get(path);
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('<h1>Consultation not found</h1>');
    }
    expect((await publish('no-such-thing', { youSaid: 'x', weDid: 'y', decision_text: 'z' })).status).toBe(404);
  });
});
