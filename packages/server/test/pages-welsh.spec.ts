// The server's own pages in the resident's language, over real HTTP: the case page and the pages
// the links in emails open. Each link in a Welsh email carries ?lang=cy; without it the page
// takes the language the resident subscribed in, else the browser's Accept-Language. Every page
// has a link to the same page in the other language. Welsh pages are checked for English words.
import { describe, expect, it } from 'vitest';
import { expectNoEnglish } from '../../../scripts/lib/english-words.ts';
import { call, mailbox, pothole, STAFF_KEY, useTestServer } from './helpers.ts';

const t = useTestServer('pglite');
const welsh = { 'Accept-Language': 'cy' };
// Names and addresses a Welsh page may show as they are; "English" is the language switch's
// name for the English page (in lang="en").
const ALLOW = ['Larkmead', 'English'];

/** What a person reads on a page: the text of its <body>, tags dropped, entities read. */
function readable(html: string): string {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A page as a browser gets it, with the language switch's link. */
async function open(path: string, headers: Record<string, string> = {}) {
  const answer = await call(t.server.base, 'GET', path.replace(t.server.base, ''), { headers });
  const lang = /<html lang="(\w+)">/.exec(answer.text)?.[1];
  const link = /<a href="([^"]+)" lang="(\w+)" hreflang="(\w+)">([^<]+)<\/a>/.exec(answer.text);
  const switchTo = link && { href: link[1]!.replace(/&amp;/g, '&'), lang: link[2], hreflang: link[3], name: link[4] };
  return { status: answer.status, html: answer.text, text: readable(answer.text), lang, switchTo };
}

/** Presses the page's one button, as the browser would: its form's action, with its token. */
async function press(html: string) {
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
  const answer = await call(t.server.base, 'POST', action, { form: { token }, headers: { origin: t.server.base } });
  return { status: answer.status, lang: /<html lang="(\w+)">/.exec(answer.text)?.[1], text: readable(answer.text) };
}

const linkIn = (text: string, path: string) => new RegExp(`(http://\\S+${path.replace(/[/?]/g, '\\$&')}\\S*)`).exec(text)?.[1];

describe('the case page and the email links’ pages in Welsh', () => {
  it('follows a Welsh resident from the receipt’s links to the case page, all in Welsh, with a switch to English', async () => {
    const email = 'pages-cy@example.org';
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ email, email_updates: 'true' }), headers: welsh });
    const id = created.body[0].service_request_id as string;
    const receipt = (await mailbox(t.server)).find((m) => m.to.includes(email))!;

    // The confirm link carries the email's language, and its page and answer are Welsh.
    const confirmLink = linkIn(receipt.text, '/open311/v2/subscriptions/confirm?token=')!;
    expect(new URL(confirmLink).searchParams.get('lang')).toBe('cy');
    const confirm = await open(confirmLink);
    expect(confirm).toMatchObject({ status: 200, lang: 'cy' });
    expect(confirm.text).toContain(`Cael e-bost i ${email} pan fydd adroddiad ${id} yn cael ei ddiweddaru.`);
    expectNoEnglish(confirm.text, 'the confirm page', [...ALLOW, email]);
    expect(confirm.switchTo).toMatchObject({ name: 'English', lang: 'en', hreflang: 'en' });
    const inEnglish = await open(confirm.switchTo!.href);
    expect(inEnglish).toMatchObject({ status: 200, lang: 'en' });
    expect(inEnglish.text).toContain(`Get an email when report ${id} is updated, sent to ${email}.`);
    expect(inEnglish.switchTo).toMatchObject({ name: 'Cymraeg', lang: 'cy', hreflang: 'cy' });

    const confirmed = await press(confirm.html);
    expect(confirmed).toMatchObject({ status: 200, lang: 'cy' });
    expect(confirmed.text).toContain('Byddwch yn cael diweddariadau drwy e-bost');
    expectNoEnglish(confirmed.text, 'the confirmed page', [...ALLOW, email]);

    // Staff answer in both languages; the update email's links open Welsh pages.
    const posted = await call(t.server.base, 'POST', '/open311/v2/servicerequestupdates.json', {
      form: { service_request_id: id, status: 'action_scheduled', description: 'We will fill it on Thursday.', description_cy: 'Byddwn yn ei lenwi ddydd Iau.' },
      headers: { Authorization: `Bearer ${STAFF_KEY}` },
    });
    expect(posted.status).toBe(201);
    const updateMail = (await mailbox(t.server)).find((m) => m.to.includes(email) && m.subject.startsWith('Diweddariad'))!;
    const caseLink = linkIn(updateMail.text, `/cases/${id}`)!;
    expect(new URL(caseLink).searchParams.get('lang')).toBe('cy');
    const casePage = await open(caseLink);
    expect(casePage).toMatchObject({ status: 200, lang: 'cy' });
    for (const welshText of [
      `Adroddiad ${id}: Twll yn y ffordd`,
      'Statws Camau wedi’u trefnu',
      'Yn cael ei drin gan Cyngor Dosbarth Larkmead: Tîm priffyrdd',
      'Bydd ein tîm priffyrdd yn ei archwilio o fewn 5 diwrnod gwaith.',
      'Byddwn yn ei lenwi ddydd Iau.',
    ]) expect(casePage.text).toContain(welshText);
    expectNoEnglish(casePage.text, 'the case page', [...ALLOW, '3 High Street']);
    const caseInEnglish = await open(casePage.switchTo!.href);
    expect(caseInEnglish.lang).toBe('en');
    expect(caseInEnglish.text).toContain(`Report ${id}: Pothole`);
    expect(caseInEnglish.text).toContain('Dealt with by Larkmead District Council: Highways team');
    expect(caseInEnglish.text).toContain('We will fill it on Thursday.');

    const stopLink = linkIn(updateMail.text, '/open311/v2/subscriptions/unsubscribe?token=')!;
    const stop = await open(stopLink);
    expect(stop.lang).toBe('cy');
    expectNoEnglish(stop.text, 'the unsubscribe page', [...ALLOW, email]);
    const stopped = await press(stop.html);
    expect(stopped).toMatchObject({ status: 200, lang: 'cy' });
    expect(stopped.text).toContain(`Ni fyddwch yn cael rhagor o negeseuon e-bost am ${id}`);
    expectNoEnglish(stopped.text, 'the stopped page', ALLOW);
  });

  it('takes ?lang over Accept-Language, and Accept-Language when the link has no language', async () => {
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
    const id = created.body[0].service_request_id as string;
    const byBrowser = await open(`/cases/${id}`, { 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.8' });
    expect(byBrowser.lang).toBe('cy');
    expect(byBrowser.text).toContain('Does dim diweddariadau eto.');
    expect(byBrowser.switchTo!.href).toBe(`/cases/${id}?lang=en`);
    const asked = await open(`/cases/${id}?lang=en`, welsh);
    expect(asked.lang).toBe('en');
    expect(asked.text).toContain('No updates yet.');
    expect((await open(`/cases/${id}`)).lang).toBe('en');

    const missing = await open('/cases/LDC-404', welsh);
    expect(missing).toMatchObject({ status: 404, lang: 'cy' });
    expectNoEnglish(missing.text, 'the not-found page', [...ALLOW, 'LDC-1001']);
    const badLink = await open('/open311/v2/subscriptions/confirm?token=00000000-0000-0000-0000-000000000000&lang=cy');
    expect(badLink).toMatchObject({ status: 404, lang: 'cy' });
    expectNoEnglish(badLink.text, 'the unknown-link page', ALLOW);
  });

  it('reads a subscription’s pages in the language it was made in when the link says none', async () => {
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
    const id = created.body[0].service_request_id as string;
    const email = 'pages-sub-cy@example.org';
    await call(t.server.base, 'POST', '/open311/v2/subscriptions', { form: { service_request_id: id, email }, headers: welsh });
    const { rows } = await t.db.query<{ token: string }>('SELECT token FROM subscriptions WHERE email = $1', [email]);
    const page = await open(`/open311/v2/subscriptions/confirm?token=${rows[0]!.token}`, { 'Accept-Language': 'en-GB' });
    expect(page.lang).toBe('cy');
    expect(page.switchTo!.href).toBe(`/open311/v2/subscriptions/confirm?token=${rows[0]!.token}&lang=en`);
  });

  it('opens a consultation alert’s page in the other language from its switch', async () => {
    const email = 'pages-alert@example.org';
    const asked = await call(t.server.base, 'POST', '/api/consultations/alerts', { json: { email, lang: 'cy' } });
    expect(asked.status).toBe(202);
    const mail = (await mailbox(t.server)).find((m) => m.to.includes(email))!;
    const link = linkIn(mail.text, '/api/consultations/alerts/confirm?token=')!;
    const page = await open(link);
    expect(page.lang).toBe('cy');
    expect(page.switchTo).toMatchObject({ name: 'English', hreflang: 'en' });
    const english = await open(page.switchTo!.href);
    expect(english.lang).toBe('en');
    expect(english.text).toContain(`Get an email at ${email} when we open a new consultation.`);
    // Its button keeps the page's language.
    const confirmed = await press(english.html);
    expect(confirmed).toMatchObject({ status: 200, lang: 'en' });
    expect(confirmed.text).toContain('Your email alerts are on');
  });
});

describe('a report read in Welsh names who deals with it in Welsh', () => {
  it('gives agency_responsible and the latest update’s notes in Welsh (GET requests)', async () => {
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
    const id = created.body[0].service_request_id as string;
    await call(t.server.base, 'POST', '/open311/v2/servicerequestupdates.json', {
      form: { service_request_id: id, status: 'in_progress', description: 'A crew is on site.', description_cy: 'Mae criw ar y safle.' },
      headers: { Authorization: `Bearer ${STAFF_KEY}` },
    });
    const [cy] = (await call(t.server.base, 'GET', `/open311/v2/requests/${id}.json`, { headers: welsh })).body;
    expect(cy).toMatchObject({ agency_responsible: 'Cyngor Dosbarth Larkmead: Tîm priffyrdd', status_notes: 'Mae criw ar y safle.' });
    const [en] = (await call(t.server.base, 'GET', `/open311/v2/requests/${id}.json`)).body;
    expect(en).toMatchObject({ agency_responsible: 'Larkmead District Council: Highways team', status_notes: 'A crew is on site.' });
  });
});
