import { beforeEach, describe, expect, it } from 'vitest';
import { call, mailbox, pothole, resetOpen311, testDatabases, useTestServer } from './helpers.ts';

/*
 * Several photos with one report (docs/open311-extensions.md#several-photos): FixMyStreet sends
 * them to open311-adapter as repeated media_url fields; our extension also takes media_urls[].
 * GET gives the first as Open311's media_url and every one in media_urls, in JSON and XML.
 */

const photo = (n: number) => `https://larkmead.example.gov.uk/open311/v2/media/${String(n).padStart(32, '0')}.jpg`;

describe.each(testDatabases())('several photos with a report (extension) on %s', (kind) => {
  const t = useTestServer(kind);

  // The queue drains first: an email of the last test must not land after the reset.
  beforeEach(async () => {
    await t.server.ctx.queue.drain();
    await resetOpen311(t.db);
  });

  const get = (path: string) => call(t.server.base, 'GET', path);

  it('stores every repeated media_url, in order, and answers them on GET in JSON and XML', async () => {
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ media_url: [photo(1), photo(2), photo(3)] }) });
    expect(created.status).toBe(201);
    const id = created.body[0].service_request_id as string;

    const [one] = (await get(`/open311/v2/requests/${id}.json`)).body;
    expect(one.media_url).toBe(photo(1));
    expect(one.media_urls).toEqual([photo(1), photo(2), photo(3)]);

    const listed = (await get('/open311/v2/requests.json')).body.find((r: { service_request_id: string }) => r.service_request_id === id);
    expect(listed.media_urls).toEqual([photo(1), photo(2), photo(3)]);

    const xml = (await fetch(`${t.server.base}/open311/v2/requests/${id}.xml`).then((r) => r.text())).replace(/>\s+</g, "><");
    // Open311's one media_url first, then the list, each photo in a <media_url> of its own.
    expect(xml).toContain(`<media_url>${photo(1)}</media_url>`);
    expect(xml).toContain(`<media_urls><media_url>${photo(1)}</media_url><media_url>${photo(2)}</media_url><media_url>${photo(3)}</media_url></media_urls>`);
  });

  it('takes media_urls[] after media_url, each photo once, form-encoded or JSON', async () => {
    const form = await call(t.server.base, 'POST', '/open311/v2/requests.json', {
      form: pothole({ media_url: photo(1), 'media_urls[]': [photo(1), photo(2)] }),
    });
    expect(form.status).toBe(201);
    const json = await call(t.server.base, 'POST', '/open311/v2/requests.json', {
      json: { service_code: 'potholes', lat: 52.228, long: -1.505, attribute: { depth: 'deep', position: 'carriageway' }, media_urls: [photo(3), photo(4)] },
    });
    expect(json.status).toBe(201);

    const first = (await get(`/open311/v2/requests/${form.body[0].service_request_id}.json`)).body[0];
    expect([first.media_url, first.media_urls]).toEqual([photo(1), [photo(1), photo(2)]]);
    const second = (await get(`/open311/v2/requests/${json.body[0].service_request_id}.json`)).body[0];
    expect([second.media_url, second.media_urls]).toEqual([photo(3), [photo(3), photo(4)]]);
  });

  it('gives one photo, or none, as a list too', async () => {
    const one = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ media_url: photo(7) }) });
    const none = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
    const [a] = (await get(`/open311/v2/requests/${one.body[0].service_request_id}.json`)).body;
    const [b] = (await get(`/open311/v2/requests/${none.body[0].service_request_id}.json`)).body;
    expect([a.media_url, a.media_urls]).toEqual([photo(7), [photo(7)]]);
    expect([b.media_url, b.media_urls]).toEqual(['', []]);
    const xml = (await fetch(`${t.server.base}/open311/v2/requests/${none.body[0].service_request_id}.xml`).then((r) => r.text())).replace(/>\s+</g, "><");
    expect(xml).toMatch(/<media_urls\s*\/>|<media_urls><\/media_urls>/);
  });

  it('refuses a photo that is no web address, and more than 10 photos, saying how to fix it', async () => {
    const bad = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ media_url: [photo(1), 'javascript:alert(1)'] }) });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([
      { code: 400, description: 'Each media_url (and media_urls[]) must be a full web address starting with http:// or https://, 2000 characters or fewer.' },
    ]);

    const many = Array.from({ length: 11 }, (_, i) => photo(i + 1));
    const tooMany = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ 'media_urls[]': many }) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual([{ code: 400, description: 'Send at most 10 photos with a report (this one has 11).' }]);
    expect((await get('/open311/v2/requests.json')).body).toEqual([]);
  });

  it('lists every photo for staff and in the team’s email', async () => {
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ media_url: [photo(1), photo(2)] }) });
    const id = created.body[0].service_request_id as string;
    const page = await fetch(`${t.server.base}/staff/reports/${id}`).then((r) => r.text());
    expect(page).toContain(`<a href="${photo(1)}">View photo 1 of 2</a>`);
    expect(page).toContain(`<a href="${photo(2)}">View photo 2 of 2</a>`);
    const notice = (await mailbox(t.server)).find((m) => m.subject.startsWith(`New report ${id}`));
    expect(notice?.text).toContain(`Photos:\n${photo(1)}\n${photo(2)}\n`);
  });
});
