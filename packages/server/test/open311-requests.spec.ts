import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { call, mailbox, POINTS, pothole, PUBLIC_KEY, resetOpen311, testDatabases, useTestServer } from './helpers.ts';

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'error'].includes(name) });

describe.each(testDatabases())('Open311 requests on %s', (kind) => {
  const t = useTestServer(kind);
  const post = (form: Record<string, string | string[]> | string, headers: Record<string, string> = {}, path = '/open311/v2/requests.json') =>
    call(t.server.base, 'POST', path, { form, headers });
  const get = (path: string) => call(t.server.base, 'GET', path);

  beforeEach(async () => {
    // Mail from the previous test may still be on its way into the dev mailbox.
    await t.server.ctx.queue.drain();
    await resetOpen311(t.db);
  });

  it('stores a report and answers with its reference, notice and token', async () => {
    const created = await post(pothole());
    expect(created.status).toBe(201);
    expect(created.body).toEqual([
      { service_request_id: 'LDC-1001', service_notice: 'Our highways team will inspect it within 5 working days.', token: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    const token = await get(`/open311/v2/tokens/${created.body[0].token}.json`);
    expect(token.body).toEqual([{ service_request_id: 'LDC-1001', token: created.body[0].token }]);

    const one = await get('/open311/v2/requests/LDC-1001.json');
    expect(one.status).toBe(200);
    expect(one.body[0]).toMatchObject({
      service_request_id: 'LDC-1001',
      status: 'open',
      service_code: 'potholes',
      service_name: 'Pothole',
      description: 'Deep hole outside the bakery',
      agency_responsible: 'Larkmead District Council: Highways team',
      lat: 52.228,
      long: -1.505,
    });
    expect(Date.parse(one.body[0].requested_datetime)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('accepts a report with only address_string and routes it by category', async () => {
    const created = await post({ service_code: 'fly_tipping', address_string: '12 Mill Lane, Larkmead LK1 2AB', 'attribute[waste_types][]': ['bags', 'tyres'], 'attribute[amount]': 'van' });
    expect(created.status).toBe(201);
    const one = await get(`/open311/v2/requests/${created.body[0].service_request_id}.json`);
    expect(one.body[0]).toMatchObject({ address: '12 Mill Lane, Larkmead LK1 2AB', lat: null, long: null, agency_responsible: 'Larkmead District Council: Environmental crime team' });
    const mail = await mailbox(t.server);
    const notice = mail.find((m) => m.to === 'enviro.crime@larkmead.example.gov.uk')!;
    expect(notice.text).toContain('Household bags, Tyres');
    expect(notice.text).toContain('About a van load');
  });

  it('keeps what a resident typed out of email headers', async () => {
    const created = await post({ service_code: 'graffiti', address_string: 'Mill Lane\r\nBcc: victim@example.org', 'attribute[surface]': 'private', 'attribute[offensive]': 'no' });
    expect(created.status).toBe(201);
    const mail = await mailbox(t.server);
    expect(mail.map((m) => m.to)).toEqual(['street.scene@larkmead.example.gov.uk']);
    expect(mail[0]!.subject).toBe('New report LDC-1001: Graffiti – Mill Lane Bcc: victim@example.org');
  });

  it('also takes the report as JSON, with numbers and booleans', async () => {
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', {
      json: { service_code: 'potholes', lat: 52.228, long: -1.505, attribute: { depth: 'deep', position: 'edge' }, email: 'j@example.org', email_updates: true },
    });
    expect(created.status).toBe(201);
    expect((await get('/open311/v2/requests/LDC-1001.json')).body[0]).toMatchObject({ lat: 52.228, long: -1.505 });
  });

  it('lists every problem with a bad report, and stores nothing', async () => {
    const bad = await post({ service_code: 'potholes', lat: '95', 'attribute[depth]': 'bottomless', 'attribute[colour]': 'red', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    const descriptions = bad.body.map((e: { code: number; description: string }) => {
      expect(e.code).toBe(400);
      return e.description;
    });
    expect(descriptions).toEqual(
      expect.arrayContaining([
        'lat must be a number between -90 and 90 (got "95").',
        'Send lat and long together, or neither (then send address_string).',
        'email must be an email address, like name@example.com.',
        'attribute[colour] is not a question of "Pothole". Its questions are: depth, position, caused_damage, damage_details.',
        'attribute[depth]: "bottomless" is not an option for "How deep is it?". Choose from: shallow, medium, deep.',
        'attribute[position] is required: answer "Where on the road is it?".',
      ]),
    );
    expect((await get('/open311/v2/requests.json')).body).toEqual([]);
  });

  it('names the missing service and location', async () => {
    const none = await post({});
    expect(none.status).toBe(400);
    expect(none.body.map((e: { description: string }) => e.description)).toEqual([
      'service_code is required. Choose one from GET services.json (potholes, street_lights, fly_tipping, graffiti, speeding_traffic).',
      'Say where the problem is: send lat and long, or address_string.',
    ]);
    const unknown = await post({ service_code: 'dragons', address_string: 'Castle' });
    expect(unknown.body[0].description).toBe('service_code "dragons" is not a service here. Choose one of: potholes, street_lights, fly_tipping, graffiti, speeding_traffic.');
  });

  it('asks a conditional question only when its condition is met', async () => {
    const missing = await post(pothole({ 'attribute[caused_damage]': 'yes' }));
    expect(missing.status).toBe(400);
    expect(missing.body[0].description).toBe('attribute[damage_details] is required: answer "Tell us what happened".');
    // Hidden: the answer to a question the resident could not see is dropped, not refused.
    const hidden = await post(pothole({ 'attribute[caused_damage]': 'no', 'attribute[damage_details]': 'ignored' }));
    expect(hidden.status).toBe(201);
    const mail = await mailbox(t.server);
    expect(mail.find((m) => m.to.startsWith('highways'))!.text).not.toContain('ignored');
  });

  it('checks numbers, and multivaluelist values', async () => {
    const bad = await post({ service_code: 'street_lights', address_string: 'Elm Road', 'attribute[fault]': 'off', 'attribute[lights_affected]': 'three' });
    expect(bad.body[0].description).toBe('attribute[lights_affected] must be a number, like 3, for "How many lights in a row are off?".');
    const list = await post({ service_code: 'fly_tipping', address_string: 'Elm Road', 'attribute[waste_types][]': ['bags', 'piano'], 'attribute[amount]': 'van' });
    expect(list.body[0].description).toBe('attribute[waste_types]: "piano" is not an option for "What has been dumped?". Choose from: bags, furniture, electrical, building, tyres, other.');
  });

  it('refuses a point outside the council, naming the council to go to', async () => {
    const west = await post(pothole({ lat: String(POINTS.westshire[0]), long: String(POINTS.westshire[1]) }));
    expect(west.status).toBe(400);
    expect(west.body).toEqual([{ code: 400, description: 'This location is in Westshire. Report it to Westshire Council. https://westshire.example.gov.uk/report' }]);
    const far = await post(pothole({ lat: String(POINTS.farAway[0]), long: String(POINTS.farAway[1]) }));
    expect(far.body[0].description).toMatch(/^This location is outside Larkmead District Council's area/);
  });

  it('sends speeding to the parish clerk when the answers and the parish boundary say so', async () => {
    const speedwatch = { service_code: 'speeding_traffic', 'attribute[speed_limit]': '30', 'attribute[wanted]': 'speedwatch' };
    const inParish = await post({ ...speedwatch, lat: String(POINTS.fenbury[0]), long: String(POINTS.fenbury[1]) });
    expect(inParish.status).toBe(201);
    expect(inParish.body[0].service_notice).toBe(
      'Fenbury Parish Council runs Community Speedwatch and speed warning signs here, so we have passed your report to them. The parish clerk, Margaret Oakes, will contact you: clerk@fenbury-pc.example.org, 01632 960101.',
    );
    const one = await get(`/open311/v2/requests/${inParish.body[0].service_request_id}.json`);
    expect(one.body[0].agency_responsible).toBe('Fenbury Parish Council');

    // Larkmead town has no parish council: the district deals with it.
    const town = await post({ ...speedwatch, lat: String(POINTS.highStreet[0]), long: String(POINTS.highStreet[1]) });
    expect(town.body[0].service_notice).toMatch(/^There is no parish council for this location, so the district council will deal with it\./);
    // Traffic calming is always the district's, even in a parish.
    const calming = await post({ ...speedwatch, 'attribute[wanted]': 'calming', lat: String(POINTS.fenbury[0]), long: String(POINTS.fenbury[1]) });
    expect(calming.body[0].service_notice).toBe("The district council's traffic management team will look at it and reply within 20 working days.");

    const mail = await mailbox(t.server);
    // Notices are sent after each response, so they can reach the mailbox in any order.
    expect(mail.map((m) => m.to).sort()).toEqual(['clerk@fenbury-pc.example.org', 'traffic@larkmead.example.gov.uk', 'traffic@larkmead.example.gov.uk']);
  });

  it('stores one report for two posts with the same Idempotency-Key, and refuses the key for a different report', async () => {
    const headers = { 'Idempotency-Key': '6f1c0f56-2a7e-4c55-9d55-8f9d0c7b1a11' };
    const first = await post(pothole(), headers);
    const second = await post(pothole(), headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    const all = await get('/open311/v2/requests.json');
    expect(all.body).toHaveLength(1);
    // The retry sends no second round of emails either.
    expect((await mailbox(t.server)).filter((m) => m.to.startsWith('highways'))).toHaveLength(1);

    const other = await post(pothole({ description: 'A different hole' }), headers);
    expect(other.status).toBe(422);
    expect(other.body[0].description).toBe('This Idempotency-Key was already used for a different report. Send a new key with a new report.');
  });

  it('stores one report when the same key races in concurrently', async () => {
    const headers = { 'Idempotency-Key': 'race-1' };
    const answers = await Promise.all([post(pothole(), headers), post(pothole(), headers), post(pothole(), headers)]);
    expect(new Set(answers.map((a) => a.body[0].service_request_id)).size).toBe(1);
    expect((await get('/open311/v2/requests.json')).body).toHaveLength(1);
  });

  it('never shows the reporter in GET output, and sends them a receipt', async () => {
    const created = await post(pothole({ email: 'resident@example.org', first_name: 'Ada', last_name: 'Lovelace', phone: '01632 960999' }));
    for (const path of ['/open311/v2/requests.json', '/open311/v2/requests/LDC-1001.json', '/open311/v2/requests/LDC-1001.xml', `/open311/v2/tokens/${created.body[0].token}.xml`]) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      for (const secret of ['resident@example.org', 'Ada', 'Lovelace', '960999']) expect(answer.text).not.toContain(secret);
    }
    const mail = await mailbox(t.server);
    const receipt = mail.find((m) => m.to === 'resident@example.org')!;
    expect(receipt.subject).toBe('Your report LDC-1001: Pothole');
    expect(receipt.from).toContain('no-reply@larkmead.example.gov.uk');
    // Nobody has confirmed this address: the receipt carries no text the sender typed, not even a name.
    expect(receipt.text).toMatch(/^Hello,\n/);
    for (const typed of ['Ada', 'Lovelace', 'Deep hole outside the bakery']) expect(receipt.text).not.toContain(typed);
    expect(receipt.text).toContain('Your reference is LDC-1001.');
    expect(receipt.text).toContain('Our highways team will inspect it within 5 working days.');
    expect(receipt.text).toContain(`${t.server.base}/cases/LDC-1001`);
    // No email_updates: no unsubscribe link, because no update emails will come.
    expect(receipt.text).not.toContain('unsubscribe');
    const team = mail.find((m) => m.to === 'highways@larkmead.example.gov.uk')!;
    expect(team.text).toContain('Reported by: Ada Lovelace, resident@example.org, 01632 960999');
  });

  it('answers in XML with the spec element names, without characters XML forbids', async () => {
    const created = await post(pothole({ description: 'Bad\u0001 <hole> & "ruts"\u0008' }), {}, '/open311/v2/requests.xml');
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^text\/xml/);
    const parsed = xml.parse(created.text);
    expect(parsed.service_requests.request[0].service_request_id).toBe('LDC-1001');

    const one = await get('/open311/v2/requests/LDC-1001.xml');
    expect(one.text).not.toMatch(/[\u0001\u0008]/);
    expect(one.text).toContain('<description>Bad &lt;hole&gt; &amp; &quot;ruts&quot;</description>');
    const request = xml.parse(one.text).service_requests.request[0];
    expect(request).toMatchObject({ service_request_id: 'LDC-1001', status: 'open', service_code: 'potholes', lat: '52.228', long: '-1.505' });

    const error = await get('/open311/v2/requests/LDC-9999.xml');
    expect(error.status).toBe(404);
    expect(xml.parse(error.text).errors.error[0]).toEqual({ code: '404', description: 'There is no report with the reference "LDC-9999". Check it against the one in your receipt.' });
  });

  it('filters requests by id list, service, status and dates', async () => {
    await post(pothole());
    await post({ service_code: 'graffiti', address_string: 'Bus shelter, Station Road', 'attribute[surface]': 'street_furniture', 'attribute[offensive]': 'no' });
    await post(pothole());
    const ids = (answer: { body: { service_request_id: string }[] }) => answer.body.map((r) => r.service_request_id);
    expect(ids(await get('/open311/v2/requests.json'))).toEqual(['LDC-1003', 'LDC-1002', 'LDC-1001']);
    expect(ids(await get('/open311/v2/requests.json?service_request_id=LDC-1001,LDC-1003'))).toEqual(['LDC-1003', 'LDC-1001']);
    expect(ids(await get('/open311/v2/requests.json?service_code=graffiti'))).toEqual(['LDC-1002']);
    expect(ids(await get('/open311/v2/requests.json?status=closed'))).toEqual([]);
    expect(ids(await get('/open311/v2/requests.json?status=open&service_code=potholes'))).toEqual(['LDC-1003', 'LDC-1001']);
    expect(ids(await get('/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z'))).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(ids(await get(`/open311/v2/requests.json?start_date=${tomorrow}`))).toEqual([]);

    const badDate = await get('/open311/v2/requests.json?start_date=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.body[0].description).toBe('start_date must be a date and time in W3C format, like 2026-03-31T00:00:00Z.');
    const badStatus = await get('/open311/v2/requests.json?status=lost');
    expect(badStatus.body[0].description).toMatch(/^status "lost" is not a status\. Use open or closed/);
  });

  it('finds reports near a point, nearest first, and pages (extensions)', async () => {
    await post(pothole({ lat: '52.2285', long: '-1.505' })); // ~55 m north
    await post(pothole()); // at the point
    await post(pothole({ lat: String(POINTS.fenbury[0]), long: String(POINTS.fenbury[1]) })); // ~5 km away
    const near = await get('/open311/v2/requests.json?lat=52.228&long=-1.505&radius=200');
    expect(near.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(['LDC-1002', 'LDC-1001']);
    expect((await get('/open311/v2/requests.json?lat=52.228&long=-1.505&radius=20')).body).toHaveLength(1);
    const bad = await get('/open311/v2/requests.json?radius=100');
    expect(bad.body[0].description).toBe('radius needs lat and long: the point to search around.');

    const page1 = await get('/open311/v2/requests.json?page_size=2');
    const page2 = await get('/open311/v2/requests.json?page_size=2&page=2');
    expect(page1.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(['LDC-1003', 'LDC-1002']);
    expect(page2.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(['LDC-1001']);
    expect(page1.headers.get('x-total-count')).toBe('3');
    expect((await get('/open311/v2/requests.json?page_size=0')).body[0].description).toBe('page_size must be a whole number from 1 to 1000 (got "0").');
  });

  it('records public_anonymity_required and tells the team (extension)', async () => {
    await post(pothole({ public_anonymity_required: 'true', first_name: 'Sam' }));
    expect((await get('/open311/v2/requests/LDC-1001.json')).body[0].public_anonymity_required).toBe(true);
    const mail = await mailbox(t.server);
    expect(mail[0]!.text).toContain('The resident asked not to be identified publicly');
  });

  it('takes a public api_key, refuses a wrong one and posts from origins not on the list', async () => {
    expect((await post(pothole({ api_key: PUBLIC_KEY }))).status).toBe(201);
    const wrong = await post(pothole({ api_key: 'pk_wrong_key' }));
    expect(wrong.status).toBe(403);
    expect(wrong.body[0].description).toBe('The api_key is not recognised. Check the key the council gave you for this site.');
    const origin = await post(pothole(), { Origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
    expect(origin.body[0].description).toBe('This server does not accept reports from https://evil.example. Ask the council to add the site to its allowed origins.');
    expect((await post(pothole(), { Origin: 'http://localhost:5173' })).status).toBe(201);
  });

  it('answers a body it cannot read with an error array, not a 500', async () => {
    const json = await call(t.server.base, 'POST', '/open311/v2/requests.json', { headers: { 'content-type': 'application/json' }, json: undefined });
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);
    const broken = await fetch(`${t.server.base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"service_code":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual([{ code: 400, description: 'The body is not valid JSON.' }]);
    const text = await fetch(`${t.server.base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    const repeated = await post('service_code=potholes&service_code=graffiti&address_string=x');
    expect(repeated.body[0].description).toBe('service_code must be sent once, as text.');
    const longKey = await post(pothole(), { 'Idempotency-Key': 'x'.repeat(300) });
    expect(longKey.body[0].description).toBe('Idempotency-Key must be sent once, 1–255 visible characters (a UUID is ideal).');
  });
});
