import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, demoConfigPath, loadConfig, parseConfig } from '../src/index.ts';
import { call, POINTS, pothole, resetOpen311, startServer, testDatabases, useTestServer, type TestServer } from './helpers.ts';

const lists = ['services.service', 'services.service.groups.group', 'service_definition.attributes.attribute', 'service_definition.attributes.attribute.values.value'];
const xml = new XMLParser({ parseTagValue: false, isArray: (_name, jpath) => lists.includes(String(jpath)) });

/** The demo config as plain JSON, to edit. */
const demo = () => {
  const { source: _source, ...config } = loadConfig();
  return JSON.parse(JSON.stringify(config)) as Record<string, any>;
};

const WELSH = 'cy-GB,cy;q=0.9,en;q=0.5';

describe('Open311 in Welsh', () => {
  // GET services needs no second database: one is enough to show the language rules.
  const t = useTestServer(testDatabases()[0]!);
  const get = (path: string, headers: Record<string, string> = {}) => call(t.server.base, 'GET', path, { headers });
  const post = (form: Record<string, string | string[]>, headers: Record<string, string> = {}, query = '') =>
    call(t.server.base, 'POST', `/open311/v2/requests.json${query}`, { form, headers });

  it('answers in English by default, and says so', async () => {
    for (const headers of [{}, { 'Accept-Language': 'en-GB,en;q=0.9' }, { 'Accept-Language': 'fr-FR,de;q=0.8' }, { 'Accept-Language': 'en-GB,cy;q=0.8' }] as Record<string, string>[]) {
      const answer = await get('/open311/v2/services.json', headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-language')).toBe('en');
      expect(answer.body[0]).toMatchObject({ service_code: 'potholes', service_name: 'Pothole', group: 'Roads and pavements' });
      // No `cy` block leaks into the Open311 answer.
      expect(answer.text).not.toContain('"cy"');
    }
    const definition = await get('/open311/v2/services/potholes.json');
    expect(definition.headers.get('content-language')).toBe('en');
    expect(definition.body.attributes[0].description).toBe('How deep is it?');
  });

  it('lists the services in Welsh for Accept-Language: cy-GB,cy;q=0.9,en;q=0.5', async () => {
    const answer = await get('/open311/v2/services.json', { 'Accept-Language': WELSH });
    expect(answer.headers.get('content-language')).toBe('cy');
    expect(answer.body.map((s: { service_code: string }) => s.service_code)).toEqual(['potholes', 'street_lights', 'fly_tipping', 'graffiti', 'speeding_traffic']);
    expect(answer.body.map((s: { service_name: string }) => s.service_name)).toEqual([
      'Twll yn y ffordd',
      'Golau stryd ddim yn gweithio',
      'Tipio anghyfreithlon',
      'Graffiti',
      'Traffig yn goryrru',
    ]);
    expect(answer.body[0]).toEqual({
      service_code: 'potholes',
      service_name: 'Twll yn y ffordd',
      description: 'Twll neu arwyneb wedi torri mewn ffordd, palmant neu lôn feicio.',
      metadata: true,
      type: 'realtime',
      keywords: 'twll,twll yn y ffordd,ffordd,palmant,arwyneb',
      group: 'Ffyrdd a phalmentydd',
      groups: ['Ffyrdd a phalmentydd'],
      emergency_notice: 'Os oes rhywun mewn perygl, ffoniwch 999. Os yw twll yn y ffordd yn beryglus i draffig ar hyn o bryd, ffoniwch ni ar 01632 960000.',
    });
    expect(answer.body[1].groups).toEqual(['Ffyrdd a phalmentydd', 'Goleuadau stryd']);
  });

  it('describes a service in Welsh: questions, help and answers, with the same codes, keys and conditions', async () => {
    const english = (await get('/open311/v2/services/potholes.json')).body;
    const answer = await get('/open311/v2/services/potholes.json', { 'Accept-Language': 'cy' });
    expect(answer.headers.get('content-language')).toBe('cy');
    const welsh = answer.body;
    expect(welsh.attributes[0]).toEqual({
      variable: true,
      code: 'depth',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: 'Mae eich amcangyfrif gorau yn iawn.',
      order: 1,
      description: "Pa mor ddwfn yw'r twll?",
      values: [
        { key: 'shallow', name: 'Llai na 4cm (tua dyfnder bocs matsys)' },
        { key: 'medium', name: '4cm i 10cm' },
        { key: 'deep', name: 'Mwy na 10cm' },
      ],
    });
    // Everything but the words is the same as in English.
    const shape = (definition: any) =>
      definition.attributes.map((a: any) => ({ ...a, description: '', datatype_description: '', values: a.values?.map((v: any) => v.key) }));
    expect(shape(welsh)).toEqual(shape(english));
    expect(welsh.attributes[3].show_when).toEqual({ code: 'caused_damage', values: ['yes'] });
    // Every question and answer of every demo service has its Welsh.
    for (const code of ['potholes', 'street_lights', 'fly_tipping', 'graffiti', 'speeding_traffic']) {
      const [en, cy] = await Promise.all([get(`/open311/v2/services/${code}.json`), get(`/open311/v2/services/${code}.json?locale=cy`)]);
      en.body.attributes.forEach((a: any, i: number) => {
        const w = cy.body.attributes[i];
        expect(w.description, `${code}.${a.code}`).not.toBe(a.description);
        if (a.datatype_description) expect(w.datatype_description, `${code}.${a.code} help`).not.toBe(a.datatype_description);
        a.values?.forEach((v: any, j: number) => {
          if (!/^\d+mph$/.test(v.name)) expect(w.values[j].name, `${code}.${a.code}.${v.key}`).not.toBe(v.name);
        });
      });
    }
  });

  it('takes ?locale=cy (for clients that can only add query parameters), which wins over the header', async () => {
    const byParam = await get('/open311/v2/services.json?locale=cy');
    expect(byParam.headers.get('content-language')).toBe('cy');
    expect(byParam.body[2].service_name).toBe('Tipio anghyfreithlon');
    const overHeader = await get('/open311/v2/services.json?locale=cy-GB', { 'Accept-Language': 'en' });
    expect(overHeader.body[2].service_name).toBe('Tipio anghyfreithlon');
    const english = await get('/open311/v2/services/graffiti.json?locale=en', { 'Accept-Language': 'cy' });
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.body.attributes[0].description).toBe('What is the graffiti on?');
    // A language we do not have: the header decides.
    const unknown = await get('/open311/v2/services.json?locale=fr', { 'Accept-Language': 'cy' });
    expect(unknown.body[0].service_name).toBe('Twll yn y ffordd');
  });

  it('weighs Accept-Language q-values', async () => {
    const cases: [string, string][] = [
      ['cy', 'Twll yn y ffordd'],
      ['CY-gb', 'Twll yn y ffordd'],
      ['en;q=0.4, cy;q=0.8', 'Twll yn y ffordd'],
      ['fr, cy;q=0.5', 'Twll yn y ffordd'],
      ['cy;q=0, en', 'Pothole'],
      ['cy;q=0', 'Pothole'],
      ['en, cy', 'Pothole'],
      ['*', 'Pothole'],
    ];
    for (const [header, name] of cases) {
      expect((await get('/open311/v2/services.json', { 'Accept-Language': header })).body[0].service_name, header).toBe(name);
    }
  });

  it('answers XML in Welsh too', async () => {
    const list = await get('/open311/v2/services.xml?locale=cy');
    expect(list.headers.get('content-language')).toBe('cy');
    const services = xml.parse(list.text).services.service;
    expect(services[1]).toMatchObject({ service_code: 'street_lights', service_name: 'Golau stryd ddim yn gweithio', group: 'Ffyrdd a phalmentydd' });
    expect(services[1].groups.group).toEqual(['Ffyrdd a phalmentydd', 'Goleuadau stryd']);
    const definition = xml.parse((await get('/open311/v2/services/fly_tipping.xml', { 'Accept-Language': WELSH })).text).service_definition;
    expect(definition.attributes.attribute[2]).toMatchObject({ code: 'seen_dumping', description: "Welsoch chi pwy a'i gadawodd?" });
    expect(definition.attributes.attribute[2].values.value).toEqual([
      { key: 'yes', name: 'Do' },
      { key: 'no', name: 'Naddo' },
    ]);
  });

  it('sends Content-Language and Vary: Accept-Language, keeping CORS’s Vary: Origin', async () => {
    for (const path of ['/open311/v2/services.json', '/open311/v2/services/potholes.xml']) {
      const answer = await get(path, { Origin: 'http://localhost:8000', 'Accept-Language': 'cy' });
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:8000');
      const vary = (answer.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
      expect(vary).toEqual(expect.arrayContaining(['origin', 'accept-language']));
      expect(answer.headers.get('content-language')).toBe('cy');
    }
    expect((await get('/open311/v2/services.json')).headers.get('vary')).toMatch(/Accept-Language/);
  });

  describe('the notice a report gets', () => {
    beforeEach(async () => {
      await t.server.ctx.queue.drain();
      await resetOpen311(t.db);
    });

    it('is Welsh when the POST asks in Welsh; the stored report keeps the English', async () => {
      const welsh = await post(pothole(), { 'Accept-Language': WELSH });
      expect(welsh.status).toBe(201);
      expect(welsh.headers.get('content-language')).toBe('cy');
      expect(welsh.body[0].service_notice).toBe('Bydd ein tîm priffyrdd yn ei archwilio o fewn 5 diwrnod gwaith.');
      const stored = (await get(`/open311/v2/requests/${welsh.body[0].service_request_id}.json`)).body[0];
      expect(stored).toMatchObject({ service_name: 'Pothole', service_notice: 'Our highways team will inspect it within 5 working days.' });

      const english = await post(pothole());
      expect(english.headers.get('content-language')).toBe('en');
      expect(english.body[0].service_notice).toBe('Our highways team will inspect it within 5 working days.');
    });

    it('is Welsh on a replay asked in Welsh, and with ?locale=cy', async () => {
      const headers = { 'Idempotency-Key': 'welsh-notice-0001' };
      const first = await post(pothole(), headers);
      const again = await post(pothole(), headers, '?locale=cy');
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body[0]).toEqual({ ...first.body[0], service_notice: 'Bydd ein tîm priffyrdd yn ei archwilio o fewn 5 diwrnod gwaith.' });
    });

    it('routes a parish report in Welsh, with the parish and clerk filled in', async () => {
      const speedwatch = { service_code: 'speeding_traffic', 'attribute[speed_limit]': '30', 'attribute[wanted]': 'speedwatch' };
      const inParish = await post({ ...speedwatch, lat: String(POINTS.fenbury[0]), long: String(POINTS.fenbury[1]) }, {}, '?locale=cy');
      expect(inParish.body[0].service_notice).toBe(
        'Mae Cyngor Plwyf Fenbury yn cynnal cynllun Gwylio Cyflymder Cymunedol ac arwyddion rhybuddio am gyflymder yma, felly rydym wedi anfon eich adroddiad atynt. Bydd clerc y plwyf, Margaret Oakes, yn cysylltu â chi: clerk@fenbury-pc.example.org, 01632 960101.',
      );
      const town = await post({ ...speedwatch, lat: String(POINTS.highStreet[0]), long: String(POINTS.highStreet[1]) }, { 'Accept-Language': 'cy' });
      expect(town.body[0].service_notice).toBe(
        'Nid oes cyngor plwyf ar gyfer y lleoliad hwn, felly bydd y cyngor dosbarth yn delio ag ef. Bydd tîm rheoli traffig y cyngor dosbarth yn edrych arno ac yn ymateb o fewn 20 diwrnod gwaith.',
      );
      const noPoint = await post({ ...speedwatch, address_string: '3 High Street, Larkmead' }, { 'Accept-Language': 'cy' });
      expect(noPoint.body[0].service_notice).toMatch(/^Heb bwynt ar y map, ni allwn ddweud ym mha blwyf y mae hyn, felly bydd y cyngor dosbarth yn delio ag ef\. Bydd tîm/);
    });

    it('refuses a bad report in English, labelled English', async () => {
      const refused = await post({ service_code: 'potholes' }, { 'Accept-Language': 'cy' });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-language')).toBeNull();
    });
  });

  describe('a service with some or no Welsh', () => {
    let partial: TestServer;
    beforeAll(async () => {
      const config = demo();
      const [potholes, , , graffiti] = config.services;
      // Only a name and one question's help in Welsh; one answer without its Welsh.
      potholes.cy = { service_name: 'Twll yn y ffordd' };
      potholes.attributes[0].cy = { description: "Pa mor ddwfn yw'r twll?" };
      delete potholes.attributes[0].values[1].cy;
      delete potholes.attributes[1].cy;
      delete graffiti.cy;
      for (const attribute of graffiti.attributes) {
        delete attribute.cy;
        for (const value of attribute.values ?? []) delete value.cy;
      }
      partial = await startServer(t.db, { config });
    });
    afterAll(() => partial?.close());

    it('falls back to English field by field', async () => {
      const services = (await call(partial.base, 'GET', '/open311/v2/services.json', { headers: { 'Accept-Language': 'cy' } })).body;
      expect(services[0]).toMatchObject({
        service_name: 'Twll yn y ffordd',
        description: 'A hole or broken surface in a road, pavement or cycle lane.',
        group: 'Roads and pavements',
        keywords: 'pothole,road,hole,pavement,surface',
        emergency_notice: 'If someone is in danger, call 999. If a pothole is causing danger to traffic right now, call us on 01632 960000.',
      });
      expect(services[3]).toMatchObject({ service_name: 'Graffiti', description: 'Graffiti on public buildings, walls, signs or street furniture.' });
      // The others keep their Welsh.
      expect(services[2].service_name).toBe('Tipio anghyfreithlon');

      const potholes = (await call(partial.base, 'GET', '/open311/v2/services/potholes.json?locale=cy')).body;
      expect(potholes.attributes[0]).toMatchObject({
        description: "Pa mor ddwfn yw'r twll?",
        datatype_description: 'Your best guess is fine.',
        values: [
          { key: 'shallow', name: 'Llai na 4cm (tua dyfnder bocs matsys)' },
          { key: 'medium', name: '4cm to 10cm' },
          { key: 'deep', name: 'Mwy na 10cm' },
        ],
      });
      expect(potholes.attributes[1].description).toBe('Where on the road is it?');
      const graffiti = (await call(partial.base, 'GET', '/open311/v2/services/graffiti.json?locale=cy')).body;
      expect(graffiti.attributes[1].values).toEqual([
        { key: 'yes', name: 'Yes' },
        { key: 'no', name: 'No' },
      ]);
    });

    it('tells a Welsh POST the English notice when the service has no Welsh one', async () => {
      await resetOpen311(t.db);
      const created = await call(partial.base, 'POST', '/open311/v2/requests.json?locale=cy', {
        form: { service_code: 'graffiti', lat: String(POINTS.highStreet[0]), long: String(POINTS.highStreet[1]), 'attribute[surface]': 'private', 'attribute[offensive]': 'no' },
      });
      expect(created.status).toBe(201);
      expect(created.body[0].service_notice).toBe('We remove offensive graffiti within 24 hours and other graffiti within 10 working days.');
    });
  });
});

describe('council config: Welsh', () => {
  const problemsOf = (input: unknown): string[] => {
    try {
      parseConfig(input, 'test.json', join(demoConfigPath, '..'));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it('keeps a config without any Welsh valid', () => {
    const config = demo();
    const strip = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(strip);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'cy').map(([k, v]) => [k, strip(v)]));
      return value;
    };
    expect(parseConfig(strip(config), 'test.json', join(demoConfigPath, '..')).services[0]!.cy).toBeUndefined();
  });

  it('names the key of every mistake in a cy block', () => {
    const config = demo();
    config.services[0].cy.name = 'Twll';
    config.services[0].cy.service_name = '';
    config.services[1].cy.groups = ['Ffyrdd a phalmentydd'];
    config.services[3].cy.emergency_notice = 'Ffoniwch 999.';
    config.services[0].attributes[0].values[2].cy = { label: 'Mwy na 10cm' };
    config.services[0].attributes[1].cy.datatype_description = 'Dewiswch un.';
    config.services[0].attributes[2].cy = 'A yw wedi achosi anaf?';
    config.services[4].parish_routing.cy = { notice: 'Mae {parish}…', clerk: 'x' };
    delete config.widgets.opening_hours;
    expect(problemsOf(config).sort()).toEqual(
      [
        'services[0].cy: unknown key "name"',
        'services[0].cy.service_name: Too small: expected string to have >=1 characters',
        'services[1].cy.groups: give one Welsh name per group, in the same order (2 English: "Roads and pavements", "Street lights"; 1 Welsh)',
        'services[3].cy.emergency_notice: give the English "emergency_notice" too',
        'services[0].attributes[0].values[2].cy: unknown key "label"',
        'services[0].attributes[0].values[2].cy.name: Invalid input: expected string, received undefined',
        'services[0].attributes[1].cy.datatype_description: give the English "datatype_description" too',
        'services[0].attributes[2].cy: Invalid input: expected object, received string',
        'services[4].parish_routing.cy: unknown key "clerk"',
        'widgets.cy.opening_hours: give the English "opening_hours" too',
      ].sort(),
    );
  });
});
