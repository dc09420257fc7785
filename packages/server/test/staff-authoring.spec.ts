import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../src/consultations/definition.ts';
import { call, testDatabases, useTestServer } from './helpers.ts';

/**
 * Staff authoring in the back office over real HTTP, on each database: creating a consultation
 * with topics and areas, adding questions with their type's settings and conditions beyond
 * "equals", changing, moving and removing questions, and the pages' markup and style.
 */

describe.each(testDatabases())('Staff authoring forms on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string) => call(t.server.base, 'GET', path);
  /** Posts a form as the staff page in a browser would, without following the redirect. */
  const post = async (path: string, form: Record<string, string | string[]>, origin = t.server.base) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const response = await fetch(`${t.server.base}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  const definition = async (id: string) => (await t.db.query<{ definition: Definition }>('SELECT definition FROM consultations WHERE id = $1', [id])).rows[0]!.definition;
  const ids = async (id: string) => (await definition(id)).pages.map((p) => p.questions.map((q) => q.id));

  async function created() {
    const id = `parks-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
    const answer = await post('/staff/consultations/new', {
      id,
      title: 'Parks',
      summary: 'How you use the parks.',
      opens: '2099-01-01',
      closes: '2099-02-01',
      // Play areas and Transport are topics the demo's consultations already use.
      topics: ['parks', 'transport'],
      new_topics: 'Dog walking',
      new_areas: 'Fenbury\nNew Town',
      proposal: 'Longer hours.',
      reasons: 'Asked for.',
      audience: 'Everyone.',
      minutes: '5',
      other_ways: 'Write to us.',
      privacy: 'Only for this.',
      page_title: 'Visits',
      q_type: 'radios',
      q_id: 'visits',
      q_label: 'How often do you visit?',
      q_options: 'Weekly\nMonthly\nRarely',
      q_other: 'Another pattern',
    });
    expect(answer.status, answer.text).toBe(303);
    expect(answer.location).toBe(`/staff/consultations/${id}/edit?saved=1`);
    return id;
  }

  it('creates a consultation with topics and areas, known ones keeping their Welsh, and unticking one takes it off', async () => {
    const form = await get('/staff/consultations/new');
    expect(form.text).toContain('<fieldset id="topics" aria-describedby="topics-hint"><legend>Topics (optional)</legend>');
    expect(form.text).toContain('<input type="checkbox" id="topics-transport" name="topics" value="transport"><label for="topics-transport">Transport and roads</label>');
    expect(form.text).toContain('<label for="new_areas">New areas (optional)</label>');

    const id = await created();
    const stored = await definition(id);
    expect(stored.topics).toEqual([
      { id: 'parks', label: { en: 'Parks and open spaces', cy: 'Parciau a mannau agored' } },
      { id: 'transport', label: { en: 'Transport and roads', cy: 'Trafnidiaeth a ffyrdd' } },
      { id: 'dog-walking', label: 'Dog walking' },
    ]);
    // "Fenbury" is the play-areas consultation's area: the same one, not a second Fenbury.
    expect(stored.areas).toEqual([{ id: 'fenbury', label: 'Fenbury' }, { id: 'new-town', label: 'New Town' }]);
    expect(stored.pages[0]!.questions[0]).toMatchObject({ type: 'radios', other: { label: 'Another pattern' } });

    const edit = await get(`/staff/consultations/${id}/edit`);
    expect(edit.text).toContain('<input type="checkbox" id="topics-dog-walking" name="topics" value="dog-walking" checked>');
    expect(edit.text).toContain('<input type="checkbox" id="areas-fenbury" name="areas" value="fenbury" checked>');
    // Unticking one and saving the overview takes it off.
    const saved = await post(`/staff/consultations/${id}/edit`, { title: 'Parks', summary: 'How you use the parks.', opens: '2099-01-01', closes: '2099-02-01', topics: ['dog-walking'], new_topics: '', areas: '', new_areas: '', proposal: 'Longer hours.', reasons: 'Asked for.', audience: 'Everyone.', minutes: '5', other_ways: 'Write to us.', privacy: 'Only for this.' });
    expect(saved.status, saved.text).toBe(303);
    expect(await definition(id)).toMatchObject({ topics: [{ id: 'dog-walking' }] });
    expect((await definition(id)).areas).toBeUndefined();
  });

  it('adds questions with their settings and conditions on one or several answers, answered, and any of them', async () => {
    const id = await created();
    const add = (form: Record<string, string>) => post(`/staff/consultations/${id}/questions/new`, { page: 'page-1', ...form });
    const page = await get(`/staff/consultations/${id}/questions/new`);
    for (const label of ['“Other” choice (for one or any number of choices, optional)', 'Most choices a resident can tick (for any number of choices, optional)', 'Most words (for a longer answer, optional)', 'Earliest date (for a date, optional)', 'Latest date (for a date, optional)', 'Second question (optional)', 'The second question’s answer is']) {
      expect(page.text).toContain(`>${label}</label>`);
    }
    expect(page.text).toContain('<fieldset id="cond_test"><legend>When that question</legend>');
    expect(page.text).toContain('<input type="radio" id="cond_test-answered" name="cond_test" value="answered"><label for="cond_test-answered">has been answered (any answer)</label>');

    expect((await add({ q_type: 'checkboxes', q_id: 'uses', q_label: 'What do you do there?', q_options: 'Walk\nPlay\nSport', q_other: 'Something else', q_max_selections: '2', cond_question: 'visits', cond_value: 'Weekly\nMonthly' })).status).toBe(303);
    expect((await add({ q_type: 'textarea', q_id: 'why', q_label: 'Why?', q_max_words: '150', cond_question: 'uses', cond_test: 'answered' })).status).toBe(303);
    const last = await add({ page: 'new', page_title: 'Dates', q_type: 'date', q_id: 'when', q_label: 'When did you last go?', q_date_min: '2026-01-01', q_date_max: '2026-12-31', cond_question: 'visits', cond_test: 'unanswered', cond2_question: 'uses', cond2_value: 'Sport', cond_join: 'any' });
    expect(last.status, last.text).toBe(303);
    expect(last.location).toBe(`/staff/consultations/${id}/edit?saved=question#question-when`);

    const [first, second] = (await definition(id)).pages;
    expect(first!.questions[1]).toEqual({ id: 'uses', type: 'checkboxes', label: 'What do you do there?', required: false, showIf: { question: 'visits', in: ['weekly', 'monthly'] }, options: [{ value: 'walk', label: 'Walk' }, { value: 'play', label: 'Play' }, { value: 'sport', label: 'Sport' }], other: { label: 'Something else' }, maxSelections: 2 });
    expect(first!.questions[2]).toMatchObject({ type: 'textarea', maxWords: 150, showIf: { question: 'uses', answered: true } });
    expect(second!.questions[0]).toMatchObject({ type: 'date', min: '2026-01-01', max: '2026-12-31', showIf: { any: [{ question: 'visits', answered: false }, { question: 'uses', equals: 'sport' }] } });

    const list = (await get(`/staff/consultations/${id}/edit`)).text;
    expect(list).toContain('(only if “visits” is one of “weekly”, “monthly”)');
    expect(list).toContain('(only if “visits” is not answered or “uses” is “sport”)');

    // An answer that is none of the choices would never match: it is refused, in words.
    const wrong = await add({ q_type: 'text', q_id: 'x', q_label: 'X', cond_question: 'visits', cond_value: 'Daily' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('<a href="#cond_value">The answer is: “Daily” is not one of that question’s choices. Enter a choice exactly as written</a>');
    expect(wrong.text).toContain('<textarea id="cond_value" name="cond_value" aria-describedby="cond_value-hint cond_value-error" aria-invalid="true">Daily</textarea>');
  });

  it('changes a question in its place, keeping its short name; the form shows it as stored', async () => {
    const id = await created();
    await post(`/staff/consultations/${id}/questions/new`, { page: 'page-1', q_type: 'yes_no', q_id: 'dog', q_label: 'Do you have a dog?', cond_question: 'visits', cond_value: 'Weekly\nRarely' });
    const form = await get(`/staff/consultations/${id}/questions/dog/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<h1>Change a question</h1>');
    expect(form.text).toContain('<input type="radio" id="q_type-yes_no" name="q_type" value="yes_no" checked>');
    expect(form.text).toContain('value="Do you have a dog?"');
    expect(form.text).toContain('<strong>Short name of the question:</strong> dog');
    expect(form.text).not.toContain('name="q_id"');
    expect(form.text).toContain('>Weekly\nRarely</textarea>');
    // The condition can only look at questions before this one.
    expect(form.text).toContain('<option value="visits" selected>How often do you visit?</option>');

    const changed = await post(`/staff/consultations/${id}/questions/dog/edit`, { q_id: 'renamed', q_type: 'radios', q_label: 'Which pet?', q_options: 'Dog\nCat', q_required: 'yes', cond_question: 'visits', cond_test: 'answered' });
    expect(changed.status, changed.text).toBe(303);
    expect(changed.location).toBe(`/staff/consultations/${id}/edit?saved=changed#question-dog`);
    expect((await definition(id)).pages[0]!.questions[1]).toEqual({ id: 'dog', type: 'radios', label: 'Which pet?', required: true, showIf: { question: 'visits', answered: true }, options: [{ value: 'dog', label: 'Dog' }, { value: 'cat', label: 'Cat' }] });
    expect((await get(`/staff/consultations/${id}/edit?saved=changed`)).text).toContain('<div class="banner" role="status"><h2>Question changed</h2></div>');

    const empty = await post(`/staff/consultations/${id}/questions/dog/edit`, { q_type: 'radios', q_label: '', q_options: 'Dog' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<li><a href="#q_label">Enter the question</a></li>');
    expect((await get(`/staff/consultations/${id}/questions/nothing/edit`)).status).toBe(404);
  });

  it('moves questions up and down by buttons, across pages, but not before the question they depend on', async () => {
    const id = await created();
    await post(`/staff/consultations/${id}/questions/new`, { page: 'page-1', q_type: 'yes_no', q_id: 'dog', q_label: 'Do you have a dog?' });
    await post(`/staff/consultations/${id}/questions/new`, { page: 'new', page_title: 'More', q_type: 'text', q_id: 'name', q_label: 'Dog’s name?', cond_question: 'dog', cond_value: 'yes' });
    const edit = (await get(`/staff/consultations/${id}/edit`)).text;
    expect(edit).toContain(`<form method="post" action="/staff/consultations/${id}/questions/dog/move"><input type="hidden" name="direction" value="up"><button type="submit" class="secondary">Move up<span class="visually-hidden">: Do you have a dog?</span></button></form>`);
    expect(edit).toContain(`<a href="/staff/consultations/${id}/questions/dog/edit">Change<span class="visually-hidden">: Do you have a dog?</span></a>`);
    // The first question has no "Move up", the last no "Move down".
    expect(edit).not.toContain(`questions/visits/move"><input type="hidden" name="direction" value="up">`);
    expect(edit).not.toContain(`questions/name/move"><input type="hidden" name="direction" value="down">`);

    const up = await post(`/staff/consultations/${id}/questions/dog/move`, { direction: 'up' });
    expect(up.status, up.text).toBe(303);
    expect(up.location).toBe(`/staff/consultations/${id}/edit?saved=moved#question-dog`);
    expect(await ids(id)).toEqual([['dog', 'visits'], ['name']]);
    // Down from the end of a page: to the top of the next.
    await post(`/staff/consultations/${id}/questions/visits/move`, { direction: 'down' });
    expect(await ids(id)).toEqual([['dog'], ['visits', 'name']]);
    await post(`/staff/consultations/${id}/questions/name/move`, { direction: 'up' });
    await post(`/staff/consultations/${id}/questions/name/move`, { direction: 'up' });
    expect(await ids(id)).toEqual([['dog', 'name'], ['visits']]);
    // Asked depending on "dog": it cannot go before it, and "dog" cannot go after it.
    const before = await post(`/staff/consultations/${id}/questions/name/move`, { direction: 'up' });
    expect(before.status).toBe(409);
    expect(before.text).toContain('“Dog’s name?” is asked depending on the question before it, so it cannot move before that question. Change its condition first.');
    const after = await post(`/staff/consultations/${id}/questions/dog/move`, { direction: 'down' });
    expect(after.status).toBe(409);
    expect(after.text).toContain('“Do you have a dog?” cannot move after “Dog’s name?”, which is asked depending on its answer. Change that question’s condition first.');
    expect(await ids(id)).toEqual([['dog', 'name'], ['visits']]);
  });

  it('removes a question after a confirmation page, unless another depends on it or it is the only one', async () => {
    const id = await created();
    expect((await get(`/staff/consultations/${id}/questions/visits/remove`)).text).toContain('It is the only question. Add another question before removing this one.');
    await post(`/staff/consultations/${id}/questions/new`, { page: 'page-1', q_type: 'yes_no', q_id: 'dog', q_label: 'Do you have a dog?', cond_question: 'visits', cond_test: 'answered' });
    const blocked = await get(`/staff/consultations/${id}/questions/visits/remove`);
    expect(blocked.text).toContain('“Do you have a dog?” is asked depending on the answer to this question. Change its condition first.');
    expect(blocked.text).not.toContain('Remove question</button>');
    expect((await post(`/staff/consultations/${id}/questions/visits/remove`, {})).status).toBe(409);
    expect(await ids(id)).toEqual([['visits', 'dog']]);

    const confirm = await get(`/staff/consultations/${id}/questions/dog/remove`);
    expect(confirm.text).toContain('<h1>Remove “Do you have a dog?”?</h1>');
    expect(confirm.text).toContain('<button type="submit" class="warning">Remove question</button>');
    const removed = await post(`/staff/consultations/${id}/questions/dog/remove`, {});
    expect(removed.status).toBe(303);
    expect(removed.location).toBe(`/staff/consultations/${id}/edit?saved=removed`);
    expect(await ids(id)).toEqual([['visits']]);
  });

  it('refuses question changes posted from another site', async () => {
    const id = await created();
    for (const [path, form] of [
      [`/staff/consultations/${id}/questions/visits/move`, { direction: 'down' }],
      [`/staff/consultations/${id}/questions/visits/remove`, {}],
      [`/staff/consultations/${id}/questions/visits/edit`, { q_type: 'yes_no', q_label: 'Hijacked' }],
    ] as const) {
      expect((await post(path, form, 'https://evil.example')).status).toBe(403);
    }
    expect((await definition(id)).pages[0]!.questions[0]!.label).toBe('How often do you visit?');
  });

  it('the preview stands in for save and return: a resume code, an "emailed" answer, and nothing stored or sent', async () => {
    const id = await created();
    const json = (method: string, path: string, body?: unknown) =>
      fetch(`${t.server.base}${path}`, { method, headers: { 'content-type': 'application/json', origin: t.server.base }, body: body === undefined ? undefined : JSON.stringify(body) });
    const drafts = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consultation_drafts WHERE consultation_id = $1', [id])).rows[0]!.n);
    const outbox = async () => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_queue WHERE payload::text LIKE '%preview-resident%'`)).rows[0]!.n);

    const saved = await json('POST', `/staff/preview-api/${id}/drafts`, { answers: { visits: 'weekly' }, page: 'page-1' });
    expect(saved.status).toBe(201);
    const body = (await saved.json()) as { resumeCode: string; emailed: boolean; expiresAt: string };
    expect(body.resumeCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(body.emailed).toBe(false);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());

    const emailed = await json('PUT', `/staff/preview-api/${id}/drafts/${body.resumeCode}`, { answers: {}, email: 'preview-resident@example.org' });
    expect(emailed.status).toBe(200);
    expect(await emailed.json()).toMatchObject({ emailed: true });
    const wrong = await json('POST', `/staff/preview-api/${id}/drafts`, { answers: {}, email: 'not an address' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { code: string }[])[0]!.code).toBe('invalid_email');

    const resumed = await json('GET', `/staff/preview-api/${id}/drafts/${body.resumeCode}`);
    expect(resumed.status).toBe(404);
    expect(((await resumed.json()) as { code: string }[])[0]!.code).toBe('draft_not_found');
    expect(await drafts()).toBe(0);
    expect(await outbox()).toBe(0);
    expect((await get(`/staff/consultations/${id}/preview`)).text).toContain('saving answers shows a resume code, but it cannot be used to carry on.');
  });

  it('takes Welsh for the overview, the page and the question, and the widget then offers Welsh', async () => {
    const id = `llyn-${Date.now().toString(36)}`;
    const created = await post('/staff/consultations/new', {
      id,
      title: 'The lake',
      summary: 'Boats on the lake.',
      opens: '2026-01-01',
      closes: '2099-02-01',
      proposal: 'Allow boats.',
      reasons: 'Asked for.',
      audience: 'Everyone.',
      minutes: '5',
      other_ways: 'Write to us.',
      privacy: 'Only for this.',
      title_cy: 'Y llyn',
      summary_cy: 'Cychod ar y llyn.',
      proposal_cy: 'Caniatáu cychod.',
      reasons_cy: 'Gofynnwyd amdano.',
      audience_cy: 'Pawb.',
      privacy_cy: 'Dim ond ar gyfer hyn.',
      page_title: 'Boats',
      page_title_cy: 'Cychod',
      q_type: 'radios',
      q_id: 'boats',
      q_label: 'Should boats be allowed?',
      q_label_cy: "A ddylid caniatáu cychod?",
      q_options: 'Yes, all boats\nOnly rowing boats',
      q_options_cy: 'Ydy, pob cwch\nCychod rhwyfo yn unig',
      q_other: 'Something else',
      q_other_cy: 'Rhywbeth arall',
    });
    expect(created.status, created.text).toBe(303);
    const stored = await definition(id);
    expect(stored).toMatchObject({ title: { en: 'The lake', cy: 'Y llyn' }, overview: { privacy: { en: 'Only for this.', cy: 'Dim ond ar gyfer hyn.' } }, pages: [{ title: { en: 'Boats', cy: 'Cychod' } }] });
    expect(stored.pages[0]!.questions[0]).toMatchObject({
      label: { en: 'Should boats be allowed?', cy: 'A ddylid caniatáu cychod?' },
      options: [{ value: 'yes-all-boats', label: { en: 'Yes, all boats', cy: 'Ydy, pob cwch' } }, { value: 'only-rowing-boats', label: { en: 'Only rowing boats', cy: 'Cychod rhwyfo yn unig' } }],
      other: { label: { en: 'Something else', cy: 'Rhywbeth arall' } },
    });
    const api = await get(`/api/consultations/${id}`);
    expect(api.body.languages).toEqual(['en', 'cy']);

    // The forms show the Welsh back, marked as Welsh; emptying a Welsh box takes the Welsh off.
    const edit = (await get(`/staff/consultations/${id}/edit`)).text;
    expect(edit).toContain('<input id="title_cy" name="title_cy" value="Y llyn" aria-describedby="title_cy-hint" lang="cy">');
    const change = (await get(`/staff/consultations/${id}/questions/boats/edit`)).text;
    expect(change).toContain('<textarea id="q_options_cy" name="q_options_cy" aria-describedby="q_options_cy-hint" lang="cy">Ydy, pob cwch\nCychod rhwyfo yn unig</textarea>');
    const fewer = await post(`/staff/consultations/${id}/questions/boats/edit`, { q_type: 'radios', q_label: 'Should boats be allowed?', q_label_cy: '', q_options: 'Yes, all boats\nOnly rowing boats\nNo', q_options_cy: 'Ydy, pob cwch\nCychod rhwyfo yn unig' });
    expect(fewer.status).toBe(400);
    expect(fewer.text).toContain('<a href="#q_options_cy">Enter a Welsh choice for each English choice, in the same order (3 in English, 2 in Welsh), or leave them all empty</a>');
    const plain = await post(`/staff/consultations/${id}/questions/boats/edit`, { q_type: 'radios', q_label: 'Should boats be allowed?', q_label_cy: '', q_options: 'Yes, all boats\nOnly rowing boats', q_options_cy: '' });
    expect(plain.status, plain.text).toBe(303);
    expect((await definition(id)).pages[0]!.questions[0]).toMatchObject({ label: 'Should boats be allowed?', options: [{ value: 'yes-all-boats', label: 'Yes, all boats' }, { value: 'only-rowing-boats', label: 'Only rowing boats' }] });
  });

  it('styles every class the authoring markup uses', async () => {
    const id = await created();
    await post(`/staff/consultations/${id}/questions/new`, { page: 'page-1', q_type: 'yes_no', q_id: 'dog', q_label: 'Do you have a dog?' });
    const pages = [`/staff/consultations/${id}/edit`, `/staff/consultations/${id}/questions/new`, `/staff/consultations/${id}/questions/dog/edit`, `/staff/consultations/${id}/questions/dog/remove`, '/staff/consultations/new'];
    const html = (await Promise.all(pages.map(get))).map((p) => p.text).join('');
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    const used = new Set([...html.replace(/<style>[\s\S]*?<\/style>/g, '').matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')));
    for (const name of ['choice', 'short', 'warning', 'secondary', 'actions']) expect(used).toContain(name);
    for (const name of used) expect(style, `.${name}`).toMatch(new RegExp(`\\.${name}[^-\\w]`));
  });
});

describe.each(testDatabases())("The consultation preview and the widgets' files, on %s", (kind) => {
  // A stand-in for the CDN build: the preview page only has to load it from this server.
  const built = mkdtempSync(join(tmpdir(), 'civic-widgets-'));
  mkdirSync(join(built, 'chunks'));
  writeFileSync(join(built, 'consultation.js'), "import './chunks/shared-abc123.js';\n");
  writeFileSync(join(built, 'chunks', 'shared-abc123.js'), 'export {};\n');
  const withFiles = useTestServer(kind, { widgetsDir: built });
  const without = useTestServer(kind, { widgetsDir: mkdtempSync(join(tmpdir(), 'civic-no-widgets-')) });

  it('runs the widget from the files this server serves, under the preview page', async () => {
    const page = await call(withFiles.server.base, 'GET', '/staff/consultations/town-centre-2026/preview');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script type="module" src="/staff/widgets/consultation.js"></script>');
    expect(page.text).toContain('<civic-consultation endpoint="/staff/preview-api" consultation="town-centre-2026">');
    const entry = await fetch(`${withFiles.server.base}/staff/widgets/consultation.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    const chunk = await fetch(`${withFiles.server.base}/staff/widgets/chunks/shared-abc123.js`);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('without them, says how to add them instead of showing a blank page', async () => {
    const page = await call(without.server.base, 'GET', '/staff/consultations/town-centre-2026/preview');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script');
    expect(page.text).toContain('The preview needs the widgets’ files, and this server does not have them.');
    expect(page.text).toContain('npm install @civic-widgets/cdn');
    expect((await fetch(`${without.server.base}/staff/widgets/consultation.js`)).status).toBe(404);
  });
});
