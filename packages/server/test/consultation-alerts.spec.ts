import { describe, expect, it } from 'vitest';
import { MailQueue } from '../src/mail/queue.ts';
import { call as callAt, STAFF_KEY, testDatabases, useTestServer } from './helpers.ts';

/**
 * Consultation alerts end to end over real HTTP, through the dev mailbox, on each database: a
 * resident signs up for new consultations on a topic, confirms by the emailed link, hears about
 * a matching one (and not another), and unsubscribes in one click (RFC 8058); a respondent asks
 * for the outcome, confirms, and gets it when staff publish the results, once. Then the durable
 * queue itself: retries with backoff, and a job whose worker died is taken again.
 */

interface Mail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

const definition = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: { en: `Skate park ${id}`, cy: `Parc sglefrio ${id}` },
  summary: { en: 'Where should the new skate park go?', cy: "Ble dylai'r parc sglefrio newydd fynd?" },
  opens: '2026-01-01T00:00:00.000Z',
  closes: '2099-01-01T00:00:00.000Z',
  topics: [{ id: 'parks', label: { en: 'Parks and open spaces', cy: 'Parciau a mannau agored' } }],
  overview: {
    proposal: 'A skate park.',
    reasons: 'Young people asked for one.',
    audience: 'Everyone.',
    estimatedMinutes: 2,
    otherWays: [{ kind: 'phone', label: 'Phone', detail: '01632 960000' }],
    privacy: 'We keep answers for a year.',
  },
  pages: [{ id: 'p1', title: 'Skate park', questions: [{ id: 'agree', type: 'yes_no', label: 'Do you agree?', required: true }] }],
  ...extra,
});

describe.each(testDatabases())('consultation alerts on %s', (kind) => {
  const t = useTestServer(kind);
  const call = (method: string, path: string, json?: unknown) => callAt(t.server.base, method, path, json === undefined ? {} : { json });
  /** As staff: the key in the Authorization header, never in the address. */
  const staffCall = (method: string, path: string, json?: unknown) =>
    callAt(t.server.base, method, path, { ...(json === undefined ? {} : { json }), headers: { Authorization: `Bearer ${STAFF_KEY}` } });
  const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  async function inbox(to: string): Promise<Mail[]> {
    const answer = await callAt(t.server.base, 'GET', '/dev/mailbox.json');
    return (answer.body as Mail[]).filter((m) => m.to === to);
  }
  /** Waits for the queue worker to deliver the n-th email to `to` (the worker runs on its own). */
  async function mailFor(to: string, count = 1): Promise<Mail[]> {
    const end = Date.now() + 20_000;
    for (;;) {
      const mail = await inbox(to);
      if (mail.length >= count) return mail;
      if (Date.now() > end) throw new Error(`expected ${count} email(s) to ${to}, got ${mail.map((m) => m.subject).join(' | ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const linkIn = (text: string, action: string) => {
    const found = new RegExp(`(http://\\S+/api/consultations/alerts/${action}\\?token=[0-9a-f-]+)`).exec(text)?.[1];
    if (!found) throw new Error(`no ${action} link in:\n${text}`);
    return found.replace(t.server.base, '');
  };
  /** A page's text as a person reads it (the server escapes every value). */
  const read = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  /** Follows a link from an email as a person does: the page, then its button (a form POST). */
  async function click(path: string) {
    const page = await callAt(t.server.base, 'GET', path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const token = /name="token" value="([^"]+)"/.exec(page.text)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
    const done = await callAt(t.server.base, 'POST', action!, { form: { token: token! } });
    return { page: { ...page, text: read(page.text) }, done: { ...done, text: read(done.text) } };
  }

  it('asking again cannot unconfirm an alert, change its choices without the link, or fill an inbox', async () => {
    const email = `again-${stamp()}@example.org`;
    expect((await call('POST', '/api/consultations/alerts', { email, topics: ['parks'] })).status).toBe(202);
    const [first] = await mailFor(email);
    const confirm = await click(linkIn(first!.text, 'confirm'));
    expect(confirm.done.status).toBe(200);
    const row = async () =>
      (await t.db.query<{ topics: string[]; lang: string; confirmed_at: Date | null; token: string; requested: unknown }>('SELECT topics, lang, confirmed_at, token, requested FROM consultation_alerts WHERE email = $1 AND scope = $2', [email, 'new'])).rows[0]!;
    const before = await row();

    // A stranger asks again and again, for other choices: the same answer, one email at most.
    for (let i = 0; i < 8; i++) {
      const again = await call('POST', '/api/consultations/alerts', { email, topics: [], lang: 'cy' });
      expect(again).toMatchObject({ status: 202, body: { status: 'confirmation_sent' } });
    }
    await t.server.ctx.queue.drain();
    expect(await inbox(email), 'no more email within ten minutes').toHaveLength(1);
    const during = await row();
    expect(during.confirmed_at, 'still confirmed').toEqual(before.confirmed_at);
    expect(during.topics).toEqual(['parks']);
    expect(during.lang).toBe('en');
    expect(during.token, 'links already sent keep working').toBe(before.token);

    // Ten minutes on, asking again sends one more confirmation; the choices change only once its
    // link is confirmed (by whoever reads that inbox).
    await t.db.query(`UPDATE consultation_alerts SET confirmation_sent_at = now() - interval '11 minutes' WHERE email = $1`, [email]);
    await call('POST', '/api/consultations/alerts', { email, topics: ['transport'], lang: 'en' });
    await call('POST', '/api/consultations/alerts', { email, topics: ['transport'], lang: 'en' });
    const mail = await mailFor(email, 2);
    await t.server.ctx.queue.drain();
    expect(await inbox(email)).toHaveLength(2);
    expect(mail[0]!.text).toContain('Topics: Transport and roads.');
    expect((await row()).topics).toEqual(['parks']);
    const second = await click(linkIn(mail[0]!.text, 'confirm'));
    expect(second.page.text).toContain('Transport and roads');
    expect(second.done.status).toBe(200);
    expect(await row()).toMatchObject({ topics: ['transport'], requested: null, token: before.token });

    // Whatever it asks for (each consultation's outcome is its own alert), one address gets at
    // most five confirmation emails an hour.
    const busy = `busy-${stamp()}@example.org`;
    for (let i = 0; i < 5; i++) {
      await t.db.query(`INSERT INTO consultation_alerts (email, scope, token, confirmation_sent_at) VALUES ($1, $2, $3, now() - interval '30 minutes')`, [busy, `outcome:x${i}`, crypto.randomUUID()]);
    }
    await call('POST', '/api/consultations/alerts', { email: busy, topics: [] });
    await t.server.ctx.queue.drain();
    expect(await inbox(busy)).toHaveLength(0);
    await t.db.query(`UPDATE consultation_alerts SET confirmation_sent_at = now() - interval '61 minutes' WHERE email = $1 AND scope <> 'new'`, [busy]);
    await call('POST', '/api/consultations/alerts', { email: busy, topics: [] });
    expect(await mailFor(busy)).toHaveLength(1);
  });

  it('confirms by link, emails a matching new consultation in Welsh, and unsubscribes in one click', async () => {
    const email = `alerts-${stamp()}@example.org`;
    const asked = await call('POST', '/api/consultations/alerts', { email: email.toUpperCase(), topics: ['parks'], lang: 'cy' });
    expect(asked).toMatchObject({ status: 202, body: { status: 'confirmation_sent' } });

    const [confirmation] = await mailFor(email);
    expect(confirmation!.subject).toBe('Cadarnhewch eich bod eisiau negeseuon e-bost am ymgynghoriadau newydd');
    expect(confirmation!.text).toContain('Pynciau: Parciau a mannau agored. Ardaloedd: unrhyw le yn ardal y cyngor.');
    expect(confirmation!.headers['list-unsubscribe'], 'not a list email yet').toBeUndefined();

    // Unconfirmed: a new consultation on the topic sends nothing.
    const early = `early-${stamp()}`;
    expect((await staffCall('PUT', `/api/consultations/${early}`, definition(early))).status).toBe(201);
    await t.server.ctx.queue.drain();
    expect(await inbox(email)).toHaveLength(1);

    const confirm = await click(linkIn(confirmation!.text, 'confirm'));
    expect(confirm.page.text).toContain('<html lang="cy">');
    expect(confirm.page.text).toContain(`Cael e-bost yn ${email}`);
    expect(confirm.done.status).toBe(200);
    expect(confirm.done.text).toContain("Mae eich negeseuon e-bost wedi'u troi ymlaen");

    // A consultation on another topic: nothing. One on parks: one email, in Welsh, one-click headers.
    const other = `library-${stamp()}`;
    await staffCall('PUT', `/api/consultations/${other}`, definition(other, { topics: [{ id: 'libraries', label: 'Libraries' }] }));
    const id = `skate-${stamp()}`;
    expect((await staffCall('PUT', `/api/consultations/${id}`, definition(id))).status).toBe(201);
    const mail = await mailFor(email, 2);
    await t.server.ctx.queue.drain();
    expect((await inbox(email)).map((m) => m.subject)).toEqual([`Ymgynghoriad newydd: Parc sglefrio ${id}`, confirmation!.subject]);
    const alert = mail[0]!;
    expect(alert.text).toContain("Ble dylai'r parc sglefrio newydd fynd?");
    expect(alert.text).toContain(`Darllenwch amdano a dweud eich dweud: ${t.server.base}/consultation.html?consultation=${id}`);
    expect(alert.text).toContain('Mae\'n cau ar 1 Ionawr 2099.');
    expect(alert.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = /^<(.+)>$/.exec(alert.headers['list-unsubscribe']!)![1]!;
    expect(alert.text).toContain(`I atal y negeseuon hyn (un clic): ${unsubscribeUrl}`);

    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to that address, nothing else.
    const oneClick = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(read(await oneClick.text())).toContain('Ni fyddwch yn cael y negeseuon e-bost hyn mwyach');
    const after = `after-${stamp()}`;
    await staffCall('PUT', `/api/consultations/${after}`, definition(after));
    await t.server.ctx.queue.drain();
    expect(await inbox(email)).toHaveLength(2);
  });

  it('emails a respondent the outcome when staff publish it, once, with a one-click unsubscribe', async () => {
    const id = `outcome-${stamp()}`;
    await staffCall('PUT', `/api/consultations/${id}`, definition(id, { topics: [] }));
    expect((await call('POST', `/api/consultations/${id}/responses`, { answers: { agree: 'yes' } })).status).toBe(201);
    const email = `respondent-${stamp()}@example.org`;
    expect((await call('POST', '/api/consultations/alerts', { email, consultation: id })).status).toBe(202);
    const [confirmation] = await mailFor(email);
    expect(confirmation!.subject).toBe(`Confirm you want the outcome of “Skate park ${id}”`);
    const confirmed = await click(linkIn(confirmation!.text, 'confirm'));
    expect(confirmed.done.text).toContain('We will email');

    // Time passes: the consultation closes; staff publish what they decided.
    await t.db.query(`UPDATE consultations SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const results = { youSaid: 'Most of you agreed.', weDid: 'We will build it by the river.', decision: { text: 'Agreed by the Leisure Committee.' } };
    expect((await staffCall('POST', `/api/consultations/${id}/results`, results)).status).toBe(200);
    const [outcome] = await mailFor(email, 2);
    expect(outcome!.subject).toBe(`What we decided: Skate park ${id}`);
    expect(outcome!.text).toContain('You said\nMost of you agreed.');
    expect(outcome!.text).toContain('We did\nWe will build it by the river.');
    expect(outcome!.text).toContain('1 person responded.');
    expect(outcome!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // A corrected outcome is published again: nobody is told twice.
    await staffCall('POST', `/api/consultations/${id}/results`, { ...results, weDid: 'We will build it by the river, in spring.' });
    await t.server.ctx.queue.drain();
    expect(await inbox(email)).toHaveLength(2);

    // The link in the body: a page with a button, then done.
    const stop = await click(linkIn(outcome!.text, 'unsubscribe'));
    expect(stop.page.text).toContain(`Stop the email about the outcome of “Skate park ${id}” to ${email}.`);
    expect(stop.done.text).toContain('You will not get these emails any more');
  });

  it('refuses a wrong email address, an unknown consultation and an unknown link, in words', async () => {
    expect((await call('POST', '/api/consultations/alerts', { email: 'not-an-address' })).body[0].code).toBe('invalid_email');
    // Longer than an address can be (RFC 5321's 254): still an email problem, and it says so.
    const long = await call('POST', '/api/consultations/alerts', { email: `${'a'.repeat(250)}@example.com` });
    expect(long.status).toBe(400);
    expect(long.body).toEqual([{ code: 'invalid_email', description: 'Enter an email address of 254 characters or fewer.' }]);
    const unknown = await call('POST', '/api/consultations/alerts', { email: 'a@example.org', consultation: 'no-such-thing' });
    expect(unknown.status).toBe(404);
    const link = await callAt(t.server.base, 'GET', '/api/consultations/alerts/unsubscribe?token=00000000-0000-0000-0000-000000000000');
    expect(link.status).toBe(404);
    expect(read(link.text)).toContain('This link has expired or is not right.');
    expect((await staffCall('PUT', `/api/consultations/alerts`, definition('alerts'))).status).toBe(400);
  });

  it('lists topics and areas with each consultation', async () => {
    const list = (await call('GET', '/api/consultations')).body as Array<{ id: string; topics: unknown[]; areas: unknown[] }>;
    expect(list.find((c) => c.id === 'town-centre-2026')).toMatchObject({
      topics: [{ id: 'transport' }, { id: 'environment' }],
      areas: [{ id: 'larkmead-town', label: { en: 'Larkmead town', cy: 'Tref Larkmead' } }],
    });
    expect(list.find((c) => c.id === 'car-parks-2026')).toMatchObject({ status: 'closed', areas: [] });
  });

  describe('the durable queue', () => {
    it('retries a failed job later, with backoff, and then finishes it', async () => {
      const queue = new MailQueue(t.db, { error() {} }, { backoffSeconds: 60 });
      let calls = 0;
      queue.handle('flaky', async () => {
        if (++calls === 1) throw new Error('SMTP said 451, try later');
      });
      const key = `flaky-${stamp()}`;
      expect(await queue.add([{ kind: 'flaky', payload: {}, key }])).toBe(1);
      expect(await queue.add([{ kind: 'flaky', payload: {}, key }]), 'the same key again').toBe(0);
      await queue.runDue();
      const [failed] = (await t.db.query<{ attempts: number; wait: number; last_error: string; done_at: Date | null }>(
        `SELECT attempts, extract(epoch FROM next_attempt_at - now())::float AS wait, last_error, done_at FROM mail_queue WHERE key = $1`,
        [key],
      )).rows;
      expect(failed).toMatchObject({ attempts: 1, last_error: 'SMTP said 451, try later', done_at: null });
      expect(failed!.wait).toBeGreaterThan(50);
      expect(await queue.runDue(), 'not due yet').toBe(0);
      await t.db.query(`UPDATE mail_queue SET next_attempt_at = now() WHERE key = $1`, [key]);
      await queue.runDue();
      const [done] = (await t.db.query<{ attempts: number; done_at: Date | null }>('SELECT attempts, done_at FROM mail_queue WHERE key = $1', [key])).rows;
      expect(done!.attempts).toBe(2);
      expect(done!.done_at).not.toBeNull();
    });

    it('takes up a job again when the process that claimed it died before sending', async () => {
      const key = `orphan-${stamp()}`;
      const dead = new MailQueue(t.db, { error() {} });
      await dead.add([{ kind: 'orphan', payload: { n: 1 }, key }]);
      // The dead process claimed it (its lease is set) and never finished.
      await t.db.query(`UPDATE mail_queue SET attempts = 1, locked_until = now() + interval '2 minutes' WHERE key = $1`, [key]);
      const alive = new MailQueue(t.db, { error() {} });
      const seen: unknown[] = [];
      alive.handle('orphan', async (job) => void seen.push(job.payload));
      await alive.runDue();
      expect(seen, 'leased to the dead process').toEqual([]);
      await t.db.query(`UPDATE mail_queue SET locked_until = now() - interval '1 second' WHERE key = $1`, [key]);
      await alive.runDue();
      expect(seen).toEqual([{ n: 1 }]);
    });
  });
});
