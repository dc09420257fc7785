import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { call, confirmEmailUpdates, mailbox, pothole, resetOpen311, STAFF_KEY, startServer, testDatabases, useTestServer } from './helpers.ts';

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'request_update' });
const linkIn = (text: string, path: string) => new RegExp(`https?://\\S+${path}\\?token=[0-9a-f-]{36}`).exec(text)?.[0];

describe.each(testDatabases())('Open311 updates, subscriptions and email on %s', (kind) => {
  const t = useTestServer(kind);
  const post = (path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) => call(t.server.base, 'POST', path, { form, headers });
  const get = (path: string) => call(t.server.base, 'GET', path);
  const update = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    post('/open311/v2/servicerequestupdates.json', { api_key: STAFF_KEY, service_request_id: 'LDC-1001', ...form }, headers);

  beforeEach(async () => {
    // Mail from the previous test may still be on its way into the dev mailbox.
    await t.server.ctx.queue.drain();
    await resetOpen311(t.db);
    await post('/open311/v2/requests.json', pothole({ email: 'Reporter@Example.org', email_updates: 'true', first_name: 'Ada' }));
  });

  it('refuses updates without a staff key, or with a public one (403)', async () => {
    const none = await post('/open311/v2/servicerequestupdates.json', { service_request_id: 'LDC-1001', status: 'fixed', description: 'Done' });
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: 'This needs a staff api_key. Send it as the api_key field.' }]);
    const wrong = await update({ api_key: 'pk_larkmead_demo_site', status: 'fixed', description: 'Done' });
    expect(wrong.status).toBe(403);
    expect(wrong.body[0].description).toBe('The api_key is not a valid staff key.');
    expect((await get('/open311/v2/servicerequestupdates.json')).body).toEqual([]);
  });

  it('accepts a staff key from CIVIC_STAFF_API_KEY', async () => {
    const other = await startServer(t.db, { env: { CIVIC_STAFF_API_KEY: 'env-staff-key-0123456789' } });
    try {
      const answer = await call(other.base, 'POST', '/open311/v2/servicerequestupdates.json', {
        form: { api_key: 'env-staff-key-0123456789', service_request_id: 'LDC-1001', status: 'investigating', description: 'Looking' },
      });
      expect(answer.status).toBe(201);
    } finally {
      await other.close();
    }
  });

  it('validates an update with actionable messages', async () => {
    const bad = await update({ status: 'sorted', description: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.map((e: { description: string }) => e.description)).toEqual([
      'status "sorted" is not a status. Use one of open, investigating, in_progress, action_scheduled, fixed, closed, duplicate, not_councils_responsibility, no_further_action, internal_referral.',
      'description is required: what the resident should be told.',
    ]);
    const missing = await update({ service_request_id: 'LDC-4040', status: 'fixed', description: 'Done' });
    expect(missing.status).toBe(404);
    expect(missing.body[0].description).toBe('There is no report with service_request_id "LDC-4040".');
  });

  it('moves the status with mySociety extended statuses; a closing status closes the request', async () => {
    const scheduled = await update({ status: 'action_scheduled', description: 'A crew will fill it on Tuesday.' });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body[0]).toMatchObject({ update_id: '1', service_request_id: 'LDC-1001', status: 'action_scheduled', open311_status: 'open', description: 'A crew will fill it on Tuesday.' });
    let request = (await get('/open311/v2/requests/LDC-1001.json')).body[0];
    expect(request).toMatchObject({ status: 'open', extended_status: 'action_scheduled', status_notes: 'A crew will fill it on Tuesday.' });

    await update({ status: 'fixed', description: 'Filled and sealed.', media_url: 'https://larkmead.example.gov.uk/after.jpg' });
    request = (await get('/open311/v2/requests/LDC-1001.json')).body[0];
    expect(request).toMatchObject({ status: 'closed', extended_status: 'fixed' });
    expect((await get('/open311/v2/requests.json?status=closed')).body).toHaveLength(1);
    expect((await get('/open311/v2/requests.json?status=fixed')).body).toHaveLength(1);

    const list = await get('/open311/v2/servicerequestupdates.json?service_request_id=LDC-1001');
    expect(list.body.map((u: { status: string }) => u.status)).toEqual(['action_scheduled', 'fixed']);
    expect(list.body[1].media_url).toBe('https://larkmead.example.gov.uk/after.jpg');
    const asXml = xml.parse((await get('/open311/v2/servicerequestupdates.xml')).text);
    expect(asXml.service_request_updates.request_update.map((u: { update_id: string }) => u.update_id)).toEqual(['1', '2']);
    expect((await get('/open311/v2/servicerequestupdates.json?start_date=2099-01-01T00:00:00Z')).body).toEqual([]);
    expect((await get('/open311/v2/servicerequestupdates.json?service_request_id=LDC-9999')).body).toEqual([]);

    // Reopening is an update too.
    await update({ status: 'open', description: 'It has opened up again.' });
    expect((await get('/open311/v2/requests/LDC-1001.json')).body[0].status).toBe('open');
  });

  it('stores one update for a retried post with the same Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': 'update-retry-1' };
    const first = await update({ status: 'investigating', description: 'Looking into it.' }, headers);
    const second = await update({ status: 'investigating', description: 'Looking into it.' }, headers);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect((await get('/open311/v2/servicerequestupdates.json')).body).toHaveLength(1);
  });

  it('emails the reporter who opted in once they confirm by the link in the receipt, with an unsubscribe link that works', async () => {
    let mail = await mailbox(t.server);
    const receipt = mail.find((m) => m.subject === 'Your report LDC-1001: Pothole')!;
    expect(receipt.text).toContain('You asked for email updates on this report. To get them, confirm this email address:');
    // Anyone can type anyone's address: until the link is followed, no update is emailed.
    await update({ status: 'investigating', description: 'Looking into it.' });
    expect((await mailbox(t.server)).filter((m) => m.subject.startsWith('Update on LDC-1001'))).toHaveLength(0);
    const confirm = linkIn(receipt.text, '/open311/v2/subscriptions/confirm')!;
    expect((await post('/open311/v2/subscriptions/confirm', { token: new URL(confirm).searchParams.get('token')! })).status).toBe(200);

    await update({ status: 'fixed', description: 'Filled <today> & sealed.' });
    mail = await mailbox(t.server);
    const email = mail.find((m) => m.subject === 'Update on LDC-1001 (Pothole): Fixed')!;
    expect(email.to).toBe('reporter@example.org');
    expect(email.text).toContain('Filled <today> & sealed.');
    expect(email.text).toContain(`${t.server.base}/cases/LDC-1001`);

    const unsubscribe = linkIn(email.text, '/open311/v2/subscriptions/unsubscribe')!;
    // The link only shows a button: a mail scanner following it changes nothing.
    const page = await fetch(unsubscribe);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Stop emails</button>');
    await update({ status: 'open', description: 'Reopened.' });
    expect((await mailbox(t.server)).filter((m) => m.subject.startsWith('Update on LDC-1001'))).toHaveLength(2);

    const token = new URL(unsubscribe).searchParams.get('token')!;
    const done = await post('/open311/v2/subscriptions/unsubscribe', { token });
    expect(done.status).toBe(200);
    expect(done.text).toContain('You will not get more emails about LDC-1001');
    await update({ status: 'fixed', description: 'Fixed again.' });
    expect((await mailbox(t.server)).filter((m) => m.subject.startsWith('Update on LDC-1001'))).toHaveLength(2);
  });

  it('subscribes someone else only after they confirm by the emailed link', async () => {
    const answer = await post('/open311/v2/subscriptions', { service_request_id: 'LDC-1001', email: 'neighbour@example.org' });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      service_request_id: 'LDC-1001',
      message: 'Check your email: we have sent a link to neighbour@example.org to confirm you want updates on LDC-1001.',
    });
    await confirmEmailUpdates(t.server, 'reporter@example.org');
    const confirmMail = (await mailbox(t.server)).find((m) => m.to === 'neighbour@example.org')!;
    expect(confirmMail.subject).toBe('Confirm you want updates on LDC-1001');
    const confirm = linkIn(confirmMail.text, '/open311/v2/subscriptions/confirm')!;

    // Before confirming: no update email.
    await update({ status: 'investigating', description: 'Inspector booked.' });
    expect((await mailbox(t.server)).filter((m) => m.to === 'neighbour@example.org')).toHaveLength(1);

    const page = await (await fetch(confirm)).text();
    expect(page).toContain('Get an email when report LDC-1001 is updated, sent to neighbour@example.org.');
    const confirmed = await post('/open311/v2/subscriptions/confirm', { token: new URL(confirm).searchParams.get('token')! });
    expect(confirmed.text).toContain('You will get email updates');

    await update({ status: 'fixed', description: 'Filled.' });
    const updates = (await mailbox(t.server)).filter((m) => m.subject === 'Update on LDC-1001 (Pothole): Fixed');
    expect(updates.map((m) => m.to).sort()).toEqual(['neighbour@example.org', 'reporter@example.org']);
    expect(updates.every((m) => /unsubscribe\?token=/.test(m.text))).toBe(true);
  });

  it('explains bad subscription requests and unknown links', async () => {
    const bad = await post('/open311/v2/subscriptions', { service_request_id: '', email: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.map((e: { description: string }) => e.description)).toEqual([
      'service_request_id is required: the reference of the report to follow.',
      'email must be an email address, like name@example.com.',
    ]);
    const missing = await post('/open311/v2/subscriptions', { service_request_id: 'LDC-777', email: 'a@example.org' });
    expect(missing.status).toBe(404);
    const link = await fetch(`${t.server.base}/open311/v2/subscriptions/confirm?token=00000000-0000-0000-0000-000000000000`);
    expect(link.status).toBe(404);
    expect(await link.text()).toContain('This link has expired or is not right');
  });

  it('shows the case page for email links, escaping what residents and staff typed', async () => {
    await update({ status: 'action_scheduled', description: '<script>alert(1)</script> crew booked' });
    const page = await fetch(`${t.server.base}/cases/LDC-1001`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Report LDC-1001: Pothole');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; crew booked');
    expect(html).not.toContain('<script>');
    expect((await fetch(`${t.server.base}/cases/LDC-404`)).status).toBe(404);
  });

  it('lists caught mail on the dev mailbox page as text', async () => {
    await post('/open311/v2/requests.json', pothole({ description: '<img src=x onerror=alert(1)>' }));
    await t.server.ctx.queue.drain();
    const html = await (await fetch(`${t.server.base}/dev/mailbox`)).text();
    expect(html).toContain('<h1>Dev mailbox</h1>');
    expect(html).toContain('New report LDC-1002: Pothole');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('limits POSTs per client with a 429 error array, leaving GETs alone', async () => {
    const limited = await startServer(t.db, { env: { CIVIC_RATE_LIMIT_POST_MAX: '2', CIVIC_RATE_LIMIT_POST_WINDOW_MS: '60000' } });
    try {
      const send = () => call(limited.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
      // The counters live in the database: forget this file's earlier POSTs.
      await t.db.exec('TRUNCATE rate_limits');
      expect((await send()).status).toBe(201);
      expect((await send()).status).toBe(201);
      const third = await send();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(third.body).toEqual([{ code: 429, description: expect.stringMatching(/^Too many requests from your connection\. Wait \d+ seconds and try again\.$/) }]);
      expect((await call(limited.base, 'GET', '/open311/v2/services.json')).status).toBe(200);

      // A second process on the same database shares the count.
      const twin = await startServer(t.db, { env: { CIVIC_RATE_LIMIT_POST_MAX: '2', CIVIC_RATE_LIMIT_POST_WINDOW_MS: '60000' } });
      try {
        expect((await call(twin.base, 'POST', '/open311/v2/requests.json', { form: pothole() })).status).toBe(429);
      } finally {
        await twin.close();
      }
    } finally {
      await limited.close();
    }
  });
});
