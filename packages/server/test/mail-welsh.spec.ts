// Emails in the language the resident used (Welsh Language Standards): the language is recorded
// with the report, the subscription and the saved answers; Welsh residents get every email in
// Welsh, residents whose language nobody knows get both (Welsh first), and the council's team is
// told the resident wrote in Welsh. Every Welsh email is checked for English words, the
// consultation alerts' confirmations, new-consultation alert and outcome email included.
import { describe, expect, it } from 'vitest';
import { expectNoEnglish } from '../../../scripts/lib/english-words.ts';
import { call, confirmEmailUpdates, mailbox, POINTS, pothole, STAFF_KEY, useTestServer } from './helpers.ts';

const t = useTestServer('pglite');

/**
 * A Thursday one to two weeks ahead, at noon UTC, and how a Welsh email writes it: the server
 * refuses an "Expected by" date more than a day in the past, so a fixed date would stop this test
 * from passing a few days after it was written.
 */
function aThursdayAhead(): { iso: string; welsh: string } {
  const day = new Date(Date.now() + 7 * 86_400_000);
  day.setUTCHours(12, 0, 0, 0);
  while (day.getUTCDay() !== 4) day.setUTCDate(day.getUTCDate() + 1);
  const months = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
  return { iso: day.toISOString(), welsh: `dydd Iau ${day.getUTCDate()} ${months[day.getUTCMonth()]} ${day.getUTCFullYear()}` };
}
const welsh = { 'Accept-Language': 'cy' };
// Names, places and addresses a Welsh email may carry as they are.
const ALLOW = ['Larkmead', 'Ada', '2 Bridge Street'];

async function report(headers: Record<string, string>, extra: Record<string, string> = {}) {
  const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole(extra), headers });
  expect(created.status).toBe(201);
  return created.body[0].service_request_id as string;
}

async function update(id: string, fields: Record<string, string>) {
  const answer = await call(t.server.base, 'POST', '/open311/v2/servicerequestupdates.json', {
    form: { api_key: STAFF_KEY, service_request_id: id, ...fields },
  });
  expect(answer.status).toBe(201);
}

const to = async (email: string) => (await mailbox(t.server)).filter((m) => m.to.includes(email));

describe('emails in the language the resident used', () => {
  it('writes to a Welsh resident in Welsh: receipt, updates (the Welsh staff wrote), and tells the team', async () => {
    const email = 'ada-cy@example.org';
    const thursday = aThursdayAhead();
    const id = await report(welsh, { email, first_name: 'Ada', email_updates: 'true', description: 'Twll dwfn y tu allan i’r becws' });
    const { rows } = await t.db.query<{ language: string }>('SELECT language FROM service_requests WHERE service_request_id = $1', [id]);
    expect(rows[0]!.language).toBe('cy');
    await confirmEmailUpdates(t.server, email);

    await update(id, {
      status: 'action_scheduled',
      description: 'We will fill this pothole on Thursday.',
      description_cy: 'Byddwn yn llenwi’r twll hwn ddydd Iau.',
      expected_datetime: thursday.iso,
    });
    const [updated, receipt] = [...(await to(email))].sort((a, b) => a.subject.localeCompare(b.subject));
    expect(receipt!.subject).toBe(`Eich adroddiad ${id}: Twll yn y ffordd`);
    // Nobody has confirmed the address: no name and nothing else the sender typed.
    expect(receipt!.text).toMatch(/^Helo,\n/);
    for (const typed of ['Ada', 'Twll dwfn y tu allan i’r becws']) expect(receipt!.text).not.toContain(typed);
    expect(receipt!.text).toContain('Gofynnoch am ddiweddariadau drwy e-bost am yr adroddiad hwn. I’w cael, cadarnhewch y cyfeiriad e-bost hwn:');
    expect(receipt!.text).toContain('Bydd ein tîm priffyrdd yn ei archwilio o fewn 5 diwrnod gwaith.');
    expectNoEnglish(`${receipt!.subject}\n${receipt!.text}`, 'the receipt', ALLOW);

    expect(updated!.subject).toBe(`Diweddariad am ${id} (Twll yn y ffordd): Camau wedi’u trefnu`);
    expect(updated!.text).toContain('Byddwn yn llenwi’r twll hwn ddydd Iau.');
    expect(updated!.text).toContain(`Disgwylir erbyn: ${thursday.welsh}`);
    expectNoEnglish(`${updated!.subject}\n${updated!.text}`, 'the update email', ALLOW);

    const notice = (await mailbox(t.server)).find((m) => m.subject.startsWith(`New report ${id}`))!;
    expect(notice.text).toContain('The resident wrote in Welsh: reply to them in Welsh.');
  });

  it('names the parish in Welsh in a Welsh receipt for a report passed to a parish council', async () => {
    const email = 'cai-cy@example.org';
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', {
      form: { service_code: 'speeding_traffic', 'attribute[speed_limit]': '30', 'attribute[wanted]': 'speedwatch', lat: String(POINTS.fenbury[0]), long: String(POINTS.fenbury[1]), email },
      headers: welsh,
    });
    expect(created.status).toBe(201);
    const [receipt] = await to(email);
    expect(receipt!.text).toContain('Ble: ger Laurel Bank, The Green, Fenbury, LK3 1AA (pwynt ar y map 52.254000, -1.572000), yn Cyngor Plwyf Fenbury');
    expect(receipt!.text).not.toContain('Fenbury Parish Council');
  });

  it('asks a Welsh subscriber to confirm in Welsh', async () => {
    const id = await report({ 'Accept-Language': 'en-GB' });
    const email = 'subscriber-cy@example.org';
    const answer = await call(t.server.base, 'POST', '/open311/v2/subscriptions', { form: { service_request_id: id, email }, headers: welsh });
    expect(answer.status).toBe(202);
    const [confirm] = await to(email);
    expect(confirm!.subject).toBe(`Cadarnhewch eich bod am gael diweddariadau am ${id}`);
    expectNoEnglish(`${confirm!.subject}\n${confirm!.text}`, 'the subscription confirmation', ALLOW);
  });

  it('writes in both languages, Welsh first, when the client named no language we have', async () => {
    const email = 'unknown@example.org';
    const id = await report({ 'Accept-Language': 'fr' }, { email, email_updates: 'true' });
    await confirmEmailUpdates(t.server, email);
    await update(id, { status: 'fixed', description: 'Filled and sealed.', description_cy: 'Wedi’i lenwi a’i selio.' });
    const mail = await to(email);
    expect(mail.map((m) => m.subject).sort()).toEqual([
      `Diweddariad am ${id} (Twll yn y ffordd): Wedi’i drwsio / Update on ${id} (Pothole): Fixed`,
      `Eich adroddiad ${id}: Twll yn y ffordd / Your report ${id}: Pothole`,
    ]);
    for (const message of mail) {
      const [cy, en] = message.text.split('—'.repeat(20));
      expect(cy).toMatch(/Diolch am eich adroddiad|Mae diweddariad am adroddiad/);
      expect(en).toMatch(/Thank you for your report|There is an update on report/);
    }
    const notice = (await mailbox(t.server)).find((m) => m.subject.startsWith(`New report ${id}`))!;
    expect(notice.text).toContain('reply in Welsh and English');
  });

  it('writes to an English resident in English only', async () => {
    const email = 'ada-en@example.org';
    const id = await report({ 'Accept-Language': 'en-GB,en;q=0.9' }, { email });
    const [receipt] = await to(email);
    expect(receipt!.subject).toBe(`Your report ${id}: Pothole`);
    expect(receipt!.text).not.toContain('Diolch');
  });

  it('emails the resume code in Welsh, or in both languages when the page did not say', async () => {
    const save = (email: string, lang?: string) =>
      fetch(`${t.server.base}/api/consultations/town-centre-2026/drafts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers: { drives: 'no' }, email, ...(lang ? { lang } : {}) }),
      });
    expect((await save('resume-cy@example.org', 'cy')).status).toBe(201);
    expect((await save('resume-both@example.org')).status).toBe(201);
    const [cy] = await to('resume-cy@example.org');
    expect(cy!.subject).toBe('Eich cod ailddechrau: Stryd Fawr Larkmead: canol tref mwy diogel a gwyrddach');
    expectNoEnglish(`${cy!.subject}\n${cy!.text}`, 'the resume-code email', ALLOW);
    const [both] = await to('resume-both@example.org');
    expect(both!.text).toContain('Eich cod ailddechrau yw');
    expect(both!.text).toContain('Your resume code is');
  });
});

describe('a report read in Welsh (GET requests and updates)', () => {
  it('gives the category, the notice and the updates in the language asked for', async () => {
    const id = await report({});
    await update(id, { status: 'in_progress', description: 'A crew is on site.', description_cy: 'Mae criw ar y safle.' });
    const [cy] = (await call(t.server.base, 'GET', `/open311/v2/requests/${id}.json`, { headers: welsh })).body;
    expect(cy).toMatchObject({ service_name: 'Twll yn y ffordd', service_notice: 'Bydd ein tîm priffyrdd yn ei archwilio o fewn 5 diwrnod gwaith.' });
    const [en] = (await call(t.server.base, 'GET', `/open311/v2/requests/${id}.json`)).body;
    expect(en).toMatchObject({ service_name: 'Pothole', service_notice: 'Our highways team will inspect it within 5 working days.' });
    const list = (await call(t.server.base, 'GET', `/open311/v2/requests.json?service_request_id=${id}&locale=cy`)).body;
    expect(list[0].service_name).toBe('Twll yn y ffordd');

    const updates = (path: string, headers = {}) => call(t.server.base, 'GET', path, { headers });
    const inWelsh = (await updates(`/open311/v2/servicerequestupdates.json?service_request_id=${id}`, welsh)).body;
    expect(inWelsh.map((u: { description: string }) => u.description)).toEqual(['Mae criw ar y safle.']);
    const inEnglish = (await updates(`/open311/v2/servicerequestupdates.json?service_request_id=${id}`)).body;
    expect(inEnglish.map((u: { description: string }) => u.description)).toEqual(['A crew is on site.']);
    // Each update says which language its text is in: Welsh where staff wrote it, else the English
    // it falls back to, which a Welsh page then marks as English (WCAG 3.1.2).
    await update(id, { status: 'fixed', description: 'Filled.' });
    const both = (await updates(`/open311/v2/servicerequestupdates.json?service_request_id=${id}`, welsh)).body;
    expect(both.map((u: { description: string; description_language: string }) => [u.description, u.description_language])).toEqual([
      ['Mae criw ar y safle.', 'cy'],
      ['Filled.', 'en'],
    ]);
    const xml = await fetch(`${t.server.base}/open311/v2/servicerequestupdates.xml?service_request_id=${id}`, { headers: welsh });
    expect(await xml.text()).toContain('<description_language>en</description_language>');
  });
});

describe('the Welsh map', () => {
  it('credits the map in Welsh and labels in Welsh where the data has it, for style.json?lang=cy', async () => {
    const cy = (await call(t.server.base, 'GET', '/basemap/style.json?lang=cy')).body;
    const en = (await call(t.server.base, 'GET', '/basemap/style.json')).body;
    expect(cy.metadata['civic-widgets:attribution']).toBe('Data demo © Civic Widgets, ffuglennol');
    expect(en.metadata['civic-widgets:attribution']).toBe('Demo data © Civic Widgets, fictional');
    const label = (style: { layers: { id: string; layout?: Record<string, unknown> }[] }) => style.layers.find((l) => l.id === 'place-label')?.layout?.['text-field'];
    expect(label(cy)).toEqual(['coalesce', ['get', 'name_cy'], ['get', 'name']]);
    expect(label(en)).toEqual(['get', 'name']);
  });
});

describe('the consultation emails in Welsh', () => {
  interface Mail { to: string; subject: string; text: string; html: string | null }
  const staff = { Authorization: `Bearer ${STAFF_KEY}` };
  /** The emails to `to` once the queue worker has sent `count` of them (fan-outs queue more jobs). */
  async function mailFor(to: string, count: number): Promise<Mail[]> {
    for (let tries = 0; ; tries++) {
      await t.server.ctx.queue.drain();
      const mail = ((await call(t.server.base, 'GET', '/dev/mailbox.json')).body as Mail[]).filter((m) => m.to === to);
      if (mail.length >= count) return mail;
      if (tries > 200) throw new Error(`expected ${count} email(s) to ${to}, got ${mail.map((m) => m.subject).join(' | ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** The HTML part as a reader sees it: its words, not its markup. */
  const htmlWords = (html: string | null) =>
    (html ?? '').replace(/<title>[\s\S]*?<\/title>/, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  function expectWelsh(mail: Mail, where: string) {
    expect(mail.html, `${where} has an HTML part`).toBeTruthy();
    expect(mail.html).toContain('<html lang="cy">');
    expectNoEnglish(`${mail.subject}\n${mail.text}\n${htmlWords(mail.html)}`, where, ALLOW);
  }
  /** Confirms an alert as the resident does: the emailed link's page, then its button. */
  async function confirmAlert(text: string) {
    const path = /https?:\/\/\S+(\/api\/consultations\/alerts\/confirm\?token=[0-9a-f-]+)/.exec(text)?.[1];
    expect(path, `a confirm link in:\n${text}`).toBeTruthy();
    const page = await call(t.server.base, 'GET', path!);
    const token = /name="token" value="([^"]+)"/.exec(page.text)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
    expect((await call(t.server.base, 'POST', action!, { form: { token: token! } })).status).toBe(200);
  }
  // Every word of it in Welsh too, as a council publishing a bilingual consultation writes it.
  const both = (en: string, cy: string) => ({ en, cy });
  const definition = (id: string) => ({
    id,
    title: both('Skate park', 'Parc sglefrio'),
    summary: both('Where should the new skate park go?', "Ble dylai'r parc sglefrio newydd fynd?"),
    opens: '2026-01-01T00:00:00.000Z',
    closes: '2099-01-01T00:00:00.000Z',
    topics: [{ id: 'parks', label: both('Parks and open spaces', 'Parciau a mannau agored') }],
    overview: {
      proposal: both('A skate park.', 'Parc sglefrio.'),
      reasons: both('Young people asked for one.', 'Gofynnodd pobl ifanc am un.'),
      audience: both('Everyone.', 'Pawb.'),
      estimatedMinutes: 2,
      otherWays: [{ kind: 'phone', label: both('Phone', 'Ffôn'), detail: '01632 960000' }],
      privacy: both('We keep answers for a year.', 'Rydym yn cadw atebion am flwyddyn.'),
    },
    pages: [{ id: 'p1', title: both('Skate park', 'Parc sglefrio'), questions: [{ id: 'agree', type: 'yes_no', label: both('Do you agree?', 'Ydych chi’n cytuno?'), required: true }] }],
  });

  it('asks to confirm, announces a new consultation, and tells the outcome, all in Welsh', async () => {
    // "Email me about new consultations" on parks, in Welsh: the confirmation, then the alert.
    const subscriber = 'alerts-cy@example.org';
    expect((await call(t.server.base, 'POST', '/api/consultations/alerts', { json: { email: subscriber, topics: ['parks'], lang: 'cy' } })).status).toBe(202);
    const [confirmNew] = await mailFor(subscriber, 1);
    expect(confirmNew!.subject).toBe('Cadarnhewch eich bod eisiau negeseuon e-bost am ymgynghoriadau newydd');
    expectWelsh(confirmNew!, 'the new-consultation alert confirmation');
    await confirmAlert(confirmNew!.text);

    const id = 'skate-park-cy';
    expect((await call(t.server.base, 'PUT', `/api/consultations/${id}`, { json: definition(id), headers: staff })).status).toBe(201);
    const [opened] = await mailFor(subscriber, 2);
    expect(opened!.subject).toBe('Ymgynghoriad newydd: Parc sglefrio');
    expect(opened!.text).toContain("Mae'n cau ar 1 Ionawr 2099.");
    expectWelsh(opened!, 'the new-consultation alert');

    // "Tell me the outcome", in Welsh: the confirmation, then "we asked, you said, we did".
    expect((await call(t.server.base, 'POST', `/api/consultations/${id}/responses`, { json: { answers: { agree: 'yes' } } })).status).toBe(201);
    const respondent = 'outcome-cy@example.org';
    expect((await call(t.server.base, 'POST', '/api/consultations/alerts', { json: { email: respondent, consultation: id, lang: 'cy' } })).status).toBe(202);
    const [confirmOutcome] = await mailFor(respondent, 1);
    expect(confirmOutcome!.subject).toBe('Cadarnhewch eich bod eisiau canlyniad “Parc sglefrio”');
    expectWelsh(confirmOutcome!, 'the outcome alert confirmation');
    await confirmAlert(confirmOutcome!.text);

    await t.db.query(`UPDATE consultations SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const results = {
      youSaid: both('Most of you agreed.', "Roedd y rhan fwyaf ohonoch yn cytuno."),
      weDid: both('We will build it by the river.', "Byddwn yn ei adeiladu ger yr afon."),
      decision: { text: both('Agreed by the Leisure Committee.', "Cytunwyd gan y Pwyllgor Hamdden.") },
    };
    expect((await call(t.server.base, 'POST', `/api/consultations/${id}/results`, { json: results, headers: staff })).status).toBe(200);
    const [outcome] = await mailFor(respondent, 2);
    expect(outcome!.subject).toBe('Beth wnaethom ei benderfynu: Parc sglefrio');
    expect(outcome!.text).toContain('Dywedoch chi\nRoedd y rhan fwyaf ohonoch yn cytuno.');
    expect(outcome!.text).toContain('Gwnaethon ni\nByddwn yn ei adeiladu ger yr afon.');
    expect(outcome!.text).toContain('Ymatebodd 1 person.');
    expectWelsh(outcome!, 'the outcome email');
  });
});
