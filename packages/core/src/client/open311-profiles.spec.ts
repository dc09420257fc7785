// @vitest-environment jsdom
// The client against payloads captured from real Open311 servers (test-fixtures/open311, see
// SOURCES.md there), served over real HTTP by the fixture server the browser tests use too.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_API_KEY, startOpen311FixtureServer } from '../../../../scripts/lib/open311-fixture-server.mjs';
import { Open311Client, Open311Error, errorSubject } from './index.js';

let server: Awaited<ReturnType<typeof startOpen311FixtureServer>>;
beforeAll(async () => {
  server = await startOpen311FixtureServer();
});
afterAll(() => server.stop());
beforeEach(() => fetch(`${server.url}/_reset`));

const api = (profile: string, o: Partial<ConstructorParameters<typeof Open311Client>[0]> = {}) =>
  new Open311Client({ endpoint: `${server.url}/${profile}`, retries: 0, ...o });
const log = async (profile: string) =>
  (await (await fetch(`${server.url}/_log?profile=${profile}`)).json()) as { method: string; path: string; query: Record<string, string>; body: Record<string, string> }[];

describe('Open311 servers as they are', () => {
  it('reads <attribute> elements sent without an <attributes> wrapper (older XML servers)', async () => {
    const one = await api('older-xml').serviceDefinition('001');
    expect(one.attributes.map((a) => [a.code, a.required, a.datatype, a.values.length])).toEqual([['WHISHETN', true, 'singlevaluelist', 2]]);
    const two = await api('older-xml').serviceDefinition('002');
    expect(two.attributes.map((a) => a.code)).toEqual(['WHISHETN', 'WHISPAWN']);
    // The spec's own wrapped form reads the same.
    expect((await api('spec-xml').serviceDefinition('001')).attributes).toEqual(one.attributes);
  });

  it('reads mySociety’s automated attributes from open311-adapter (Confirm)', async () => {
    const def = await api('adapter').serviceDefinition('ABC_DEF');
    const automated = Object.fromEntries(def.attributes.map((a) => [a.code, a.automated]));
    expect(automated).toMatchObject({ easting: 'server_set', northing: 'server_set', central_asset_id: 'hidden_field', site_code: 'hidden_field' });
    expect(def.attributes.every((a) => a.automated)).toBe(true);
  });

  it('asks for definitions in the list (our extension) without upsetting servers that lack it: the plain list back, no definition', async () => {
    for (const profile of ['spec-xml', 'spec-json', 'older-xml', 'us-city', 'fixmystreet', 'adapter']) {
      const plain = await api(profile).services();
      const asked = await api(profile, { language: 'en' }).services({ definitions: [plain[0]!.code] });
      expect(asked, profile).toEqual(plain);
      expect(asked.some((s) => s.definition), profile).toBe(false);
    }
    // The key and jurisdiction still ride along, after what was asked for: the URL a page preloads.
    await api('keyed', { apiKey: FIXTURE_API_KEY, jurisdictionId: 'city.gov', language: 'cy' }).services({ definitions: ['001'] });
    const [call] = await log('keyed');
    expect(call!.query).toEqual({ jurisdiction_id: 'city.gov', definitions: '001', locale: 'cy', api_key: FIXTURE_API_KEY });
  });

  it('sends api_key and jurisdiction_id on every call where configured', async () => {
    const client = api('keyed', { apiKey: FIXTURE_API_KEY, jurisdictionId: 'city.gov' });
    await client.services();
    await client.serviceDefinition('001');
    await client.createRequest({ serviceCode: '001', lat: 37.76, long: -122.42, attributes: { WHISHETN: '123' } });
    const calls = await log('keyed');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const c of calls) {
      const params = c.method === 'POST' ? c.body : c.query;
      expect([c.path, params.api_key, params.jurisdiction_id]).toEqual([c.path, FIXTURE_API_KEY, 'city.gov']);
    }
    // Without the key this endpoint refuses even the list of categories: a 403, not "try again".
    const refused = await api('keyed').services().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Open311Error);
    expect((refused as Open311Error).kind).toBe('forbidden');
  });

  it('says which field each refusal names, in the server’s own words or its codes', async () => {
    const refused = (await api('refusing').createRequest({ serviceCode: '001' }).catch((e: unknown) => e)) as Open311Error;
    expect(refused.status).toBe(400);
    expect(refused.errors.map((e) => errorSubject(e).kind)).toEqual(['service', 'location']);
    const adapter = (await api('adapter').createRequest({ serviceCode: 'ABC_GHI', lat: 51.4, long: 0.01 }).catch((e: unknown) => e)) as Open311Error;
    expect(adapter.errors.map((e) => errorSubject(e))).toEqual([
      { kind: 'attribute', code: 'easting' },
      { kind: 'attribute', code: 'northing' },
    ]);
    const key = (await api('spec-xml').createRequest({ serviceCode: '001', lat: 1, long: 1 }).catch((e: unknown) => e)) as Open311Error;
    expect([key.status, errorSubject(key.errors[0]!).kind]).toEqual([403, 'key']);
    expect(errorSubject({ code: '400', description: 'WHISHETN is required' }, ['WHISHETN'])).toEqual({ kind: 'attribute', code: 'WHISHETN' });
    expect(errorSubject({ code: '400', description: 'email: not a valid address' }).kind).toBe('email');
  });

  it('token-only servers: a token first, the id from tokens/{token} later', async () => {
    const client = api('us-city');
    const created = await client.createRequest({ serviceCode: '001', lat: 37.76, long: -122.42, attributes: { WHISHETN: '123' } });
    expect(created.serviceRequestId).toBeNull();
    expect(created.token).toMatch(/^T17-/);
    const polls = [];
    for (let i = 0; i < 3; i++) polls.push((await client.token(created.token!)).serviceRequestId);
    expect(polls).toEqual([null, null, '17']);
    expect((await client.request('17'))!.id).toBe('17');
  });

  it('FixMyStreet: requests only with jurisdiction_id; agency_responsible’s recipients; its updates', async () => {
    const without = await api('fixmystreet').request('1').catch((e: unknown) => e);
    expect(without).toBeInstanceOf(Open311Error);
    const fms = api('fixmystreet', { jurisdictionId: 'fixmystreet.example' });
    const request = (await fms.request('1'))!;
    expect([request.id, request.status, request.agencyResponsible]).toEqual(['1', 'open', 'Statens vegvesen region øst, Oslo']);
    const services = await fms.services();
    expect(services.map((s) => [s.code, s.groups])).toEqual([
      ['100', ['sanitation & cleaning', 'street']],
      ['002', ['street']],
    ]);
    const updates = await fms.updates({ serviceRequestId: '1' });
    expect(updates.map((u) => [u.status, u.description])).toEqual([
      ['open', 'This is a note'],
      ['in_progress', 'This is a different note'],
    ]);
  });

  it('short references stay as they are: "0" from open311-adapter, the spec’s zero-padded codes', async () => {
    const zero = (await api('adapter').request('0'))!;
    expect([zero.id, zero.address]).toEqual(['0', '22 Acacia Avenue']);
    const created = await api('adapter').createRequest({ serviceCode: 'ABC_DEF', lat: 51.4, long: 0.01 });
    expect(created.serviceRequestId).toBe('0');
    expect((await api('spec-json').services()).map((s) => s.code)).toEqual(['001', '002', '003']);
  });
});
