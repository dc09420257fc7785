import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { call, confirmEmailUpdates, mailbox, pothole, resetOpen311, STAFF_KEY, testDatabases, useTestServer } from './helpers.ts';

const DAY = 86_400_000;
/** A W3C date-time `days` from now, to the second, as the API answers it. */
const fromNow = (days: number) => new Date(Math.floor((Date.now() + days * DAY) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const nextYear = new Date().getUTCFullYear() + 1;
const ukDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'request' });

describe.each(testDatabases())('expected_datetime set by staff on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string) => call(t.server.base, 'GET', path);
  const update = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    call(t.server.base, 'POST', '/open311/v2/servicerequestupdates.json', { form: { api_key: STAFF_KEY, service_request_id: 'LDC-1001', ...form }, headers });
  const expected = async () => (await get('/open311/v2/requests/LDC-1001.json')).body[0].expected_datetime;
  /** Posts the /staff form as a browser on that page would, without following the redirect. */
  const staffPost = (form: Record<string, string>) =>
    fetch(`${t.server.base}/staff/reports/LDC-1001/updates`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.server.base },
      body: new URLSearchParams(form),
    });

  beforeEach(async () => {
    await t.server.ctx.queue.drain();
    await resetOpen311(t.db);
    await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ email: 'reporter@example.org', email_updates: 'true' }) });
  });

  it('is empty until staff set it, then shows in GET requests as JSON and XML', async () => {
    expect(await expected()).toBe('');
    const when = fromNow(7);
    const answer = await update({ status: 'action_scheduled', description: 'A crew will fill it next week.', expected_datetime: when });
    expect(answer.status).toBe(201);
    expect(await expected()).toBe(when);
    expect((await get('/open311/v2/requests.json')).body[0]).toMatchObject({ service_request_id: 'LDC-1001', extended_status: 'action_scheduled', expected_datetime: when });
    const asXml = xml.parse((await get('/open311/v2/requests/LDC-1001.xml')).text);
    expect(asXml.service_requests.request[0].expected_datetime).toBe(when);
  });

  it('changes it (any time zone), keeps it when an update leaves it out, and removes it when sent empty', async () => {
    await update({ status: 'action_scheduled', description: 'Booked.', expected_datetime: fromNow(7) });
    // 09:30 in UTC+01:00 is 08:30 UTC.
    const later = fromNow(14);
    const withOffset = `${later.slice(0, 10)}T09:30:00+01:00`;
    expect((await update({ status: 'action_scheduled', description: 'Moved a week.', expected_datetime: withOffset })).status).toBe(201);
    expect(await expected()).toBe(`${later.slice(0, 10)}T08:30:00Z`);
    expect((await update({ status: 'in_progress', description: 'The crew is on site.' })).status).toBe(201);
    expect(await expected()).toBe(`${later.slice(0, 10)}T08:30:00Z`);
    expect((await update({ status: 'in_progress', description: 'Waiting for parts: no date yet.', expected_datetime: '' })).status).toBe(201);
    expect(await expected()).toBe('');
  });

  it('refuses dates it cannot read, more than a day past or 5 years ahead, with messages that say why', async () => {
    await update({ status: 'action_scheduled', description: 'Booked.', expected_datetime: fromNow(7) });
    const before = await expected();
    const past = fromNow(-2);
    const far = fromNow(6 * 366);
    const cases: [string, string][] = [
      ['next Tuesday', 'expected_datetime must be a date and time with a time zone, like 2026-12-01T17:00:00Z (got "next Tuesday"). Send it empty to remove the expected date.'],
      [`${nextYear}-12-01`, `expected_datetime must be a date and time with a time zone, like 2026-12-01T17:00:00Z (got "${nextYear}-12-01"). Send it empty to remove the expected date.`],
      [`${nextYear}-02-30T17:00:00Z`, `expected_datetime must be a date and time with a time zone, like 2026-12-01T17:00:00Z (got "${nextYear}-02-30T17:00:00Z"). Send it empty to remove the expected date.`],
      [`${nextYear}-12-01T17:00:00`, `expected_datetime must be a date and time with a time zone, like 2026-12-01T17:00:00Z (got "${nextYear}-12-01T17:00:00"). Send it empty to remove the expected date.`],
      [past, `expected_datetime ${past} is more than a day in the past. Residents see it as the date the work should be done by, so send the date it is now expected, or send expected_datetime empty to remove it.`],
      [far, `expected_datetime ${far} is more than 5 years ahead. Check the year.`],
    ];
    for (const [value, message] of cases) {
      const answer = await update({ status: 'action_scheduled', description: 'New date.', expected_datetime: value });
      expect(answer.status, value).toBe(400);
      expect(answer.body, value).toEqual([{ code: 400, description: message }]);
    }
    const repeated = await call(t.server.base, 'POST', '/open311/v2/servicerequestupdates.json', {
      form: `api_key=${STAFF_KEY}&service_request_id=LDC-1001&status=open&description=x&expected_datetime=${encodeURIComponent(fromNow(3))}&expected_datetime=${encodeURIComponent(fromNow(4))}`,
    });
    expect(repeated.body).toEqual([{ code: 400, description: 'expected_datetime must be sent once, as text.' }]);
    // Nothing was stored by the refused updates.
    expect(await expected()).toBe(before);
    expect((await get('/open311/v2/servicerequestupdates.json?service_request_id=LDC-1001')).body).toHaveLength(1);
    // A date earlier today (the crew came this morning, the office posts it now) is fine.
    const thisMorning = fromNow(-0.5);
    expect((await update({ status: 'in_progress', description: 'On site.', expected_datetime: thisMorning })).status).toBe(201);
    expect(await expected()).toBe(thisMorning);
  });

  it('removes it when the request closes, whatever the closing update sends', async () => {
    await update({ status: 'action_scheduled', description: 'Booked.', expected_datetime: fromNow(7) });
    expect((await update({ status: 'fixed', description: 'Filled.' })).status).toBe(201);
    expect((await get('/open311/v2/requests/LDC-1001.json')).body[0]).toMatchObject({ status: 'closed', expected_datetime: '' });

    // Reopened with a date, then closed by a CRM that always sends its (now passed) date.
    const reopenedBy = fromNow(3);
    await update({ status: 'open', description: 'It has sunk again.', expected_datetime: reopenedBy });
    expect(await expected()).toBe(reopenedBy);
    const closing = await update({ status: 'no_further_action', description: 'Within tolerance.', expected_datetime: fromNow(-30) });
    expect(closing.status).toBe(201);
    expect(await expected()).toBe('');
    // A closing update still must send a readable date, if any.
    const garbled = await update({ status: 'closed', description: 'Closed.', expected_datetime: 'soon' });
    expect(garbled.status).toBe(400);
  });

  it('a retried update (same Idempotency-Key) does not set the date again', async () => {
    const headers = { 'Idempotency-Key': 'expected-retry-1' };
    const first = fromNow(7);
    await update({ status: 'action_scheduled', description: 'Booked.', expected_datetime: first }, headers);
    const replay = await update({ status: 'action_scheduled', description: 'Booked.', expected_datetime: fromNow(9) }, headers);
    expect(replay.status).toBe(200);
    expect(await expected()).toBe(first);
  });

  it('tells subscribers the expected date in the update email, and not once it is closed', async () => {
    await confirmEmailUpdates(t.server, 'reporter@example.org');
    const when = `${nextYear}-01-15T17:00:00Z`;
    await update({ status: 'action_scheduled', description: 'A crew is booked.', expected_datetime: when });
    let mail = await mailbox(t.server);
    const scheduled = mail.find((m) => m.subject === 'Update on LDC-1001 (Pothole): Action scheduled')!;
    const weekday = new Date(when).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Europe/London' });
    expect(scheduled.text).toContain(`Status: Action scheduled\nExpected by: ${weekday} 15 January ${nextYear}\n`);
    await update({ status: 'fixed', description: 'Filled.' });
    mail = await mailbox(t.server);
    const fixed = mail.find((m) => m.subject === 'Update on LDC-1001 (Pothole): Fixed')!;
    expect(fixed.text).not.toContain('Expected by');
  });

  describe('on the /staff page', () => {
    it('has an optional, labelled date field showing the current expected date', async () => {
      let page = (await get('/staff/reports/LDC-1001')).text;
      expect(page).toContain('<label for="expected_date">Expected by (optional)</label>');
      expect(page).toContain('<p class="hint" id="expected_date-hint">');
      expect(page).toContain('<input type="date" id="expected_date" name="expected_date" value="" aria-describedby="expected_date-hint">');
      expect(page).not.toContain('<dt>Expected by</dt>');

      const when = `${nextYear}-07-15T16:00:00Z`;
      await update({ status: 'action_scheduled', description: 'Booked.', expected_datetime: when });
      page = (await get('/staff/reports/LDC-1001')).text;
      const weekday = new Date(when).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Europe/London' });
      expect(page).toContain(`<dt>Expected by</dt><dd><time datetime="${nextYear}-07-15T16:00:00.000Z">${weekday} 15 July ${nextYear}</time></dd>`);
      expect(page).toContain(`name="expected_date" value="${nextYear}-07-15"`);
    });

    it('sets the date to 5pm UK time on the chosen day (summer and winter), and removes it when emptied', async () => {
      const summer = await staffPost({ status: 'action_scheduled', expected_date: `${nextYear}-07-15`, description: 'Booked for July.' });
      expect(summer.status).toBe(303);
      expect(summer.headers.get('location')).toBe('/staff/reports/LDC-1001?posted=1');
      expect(await expected()).toBe(`${nextYear}-07-15T16:00:00Z`);
      await staffPost({ status: 'action_scheduled', expected_date: `${nextYear}-01-15`, description: 'Brought forward to January.' });
      expect(await expected()).toBe(`${nextYear}-01-15T17:00:00Z`);
      await staffPost({ status: 'in_progress', expected_date: '', description: 'No date yet.' });
      expect(await expected()).toBe('');
      expect((await get('/open311/v2/servicerequestupdates.json?service_request_id=LDC-1001')).body.map((u: { description: string }) => u.description)).toEqual([
        'Booked for July.',
        'Brought forward to January.',
        'No date yet.',
      ]);
    });

    it('leaves a date set through the API alone when the field is posted unchanged', async () => {
      const when = fromNow(10).slice(0, 10) + 'T09:30:00Z';
      await update({ status: 'action_scheduled', description: 'Booked by the CRM.', expected_datetime: when });
      expect((await staffPost({ status: 'in_progress', expected_date: ukDay(when), description: 'Crew on the way.' })).status).toBe(303);
      expect(await expected()).toBe(when);
    });

    it('shows GOV.UK error messages for a date in the past or not a real date, and stores nothing', async () => {
      const answer = await staffPost({ status: 'action_scheduled', expected_date: '2020-01-01', description: 'Booked.' });
      expect(answer.status).toBe(400);
      const page = await answer.text();
      expect(page).toContain('<li><a href="#expected_date">Expected by must be today or in the future</a></li>');
      expect(page).toContain('<p class="field-error" id="expected_date-error">Expected by must be today or in the future</p>');
      expect(page).toContain('name="expected_date" value="2020-01-01" aria-describedby="expected_date-hint expected_date-error"');
      const unreal = await (await staffPost({ status: 'action_scheduled', expected_date: `${nextYear}-02-30`, description: 'Booked.' })).text();
      expect(unreal).toContain('<a href="#expected_date">Expected by must be a real date, like 1 December 2026</a>');
      const far = await (await staffPost({ status: 'action_scheduled', expected_date: `${nextYear + 6}-01-01`, description: 'Booked.' })).text();
      expect(far).toContain('<a href="#expected_date">Expected by must be within the next 5 years</a>');
      expect((await get('/open311/v2/servicerequestupdates.json?service_request_id=LDC-1001')).body).toEqual([]);
      expect(await expected()).toBe('');
    });

    it('removes the date when the report is closed, even with the field still filled in', async () => {
      await staffPost({ status: 'action_scheduled', expected_date: `${nextYear}-03-02`, description: 'Booked.' });
      expect((await staffPost({ status: 'fixed', expected_date: `${nextYear}-03-02`, description: 'Filled.' })).status).toBe(303);
      expect((await get('/open311/v2/requests/LDC-1001.json')).body[0]).toMatchObject({ status: 'closed', expected_datetime: '' });
      const page = (await get('/staff/reports/LDC-1001')).text;
      expect(page).not.toContain('<dt>Expected by</dt>');
      expect(page).toContain('name="expected_date" value=""');
    });
  });
});
