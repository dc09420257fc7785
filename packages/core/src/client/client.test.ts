// The clients in real Chromium: the browser's own DOMParser, fetch and XMLHttpRequest, cross-origin
// against the real reference server (CORS preflight for Idempotency-Key included).
import { expect } from '@open-wc/testing';
import { toDefinition, toServices } from './open311-normalise.js';
import { parseBody } from './http.js';
import {
  ConsultationClient,
  ConsultationError,
  Open311Client,
  createIdempotencyKey,
  type NewServiceRequest,
  type ServiceDefinition,
} from './index.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const endpoint = () => `${window.CIVIC_TEST_SERVER}/open311/v2`;
const fixture = async (name: string) => (await fetch(new URL(`./fixtures/${name}`, import.meta.url))).text();

/** A report that answers every required question of the category with its first choice. */
function report(def: ServiceDefinition): NewServiceRequest {
  const attributes: NewServiceRequest['attributes'] = {};
  for (const a of def.attributes) {
    if (!a.variable || !a.required || a.showWhen) continue;
    const first = a.values[0]?.key;
    attributes[a.code] = a.datatype === 'multivaluelist' ? [first!] : (first ?? (a.datatype === 'number' ? 3 : 'Yes'));
  }
  return {
    serviceCode: def.serviceCode,
    lat: 52.2281,
    long: -1.5049,
    addressString: 'High Street, Larkmead',
    description: 'A test report from the client browser test',
    attributes,
  };
}

/** A real JPEG, drawn on a canvas. */
async function photo(size: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const g = canvas.getContext('2d')!;
  for (let i = 0; i < 400; i++) {
    g.fillStyle = `hsl(${i * 37} 70% 50%)`;
    g.fillRect((i * 53) % size, (i * 97) % size, 40, 40);
  }
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
}

describe('Open311Client in Chromium', () => {
  it("reads recorded XML with the browser's DOMParser as jsdom does", async () => {
    const services = toServices(parseBody(await fixture('services-fms.xml'), true));
    expect(services.map((s) => [s.code, s.groups])).to.deep.equal([
      ['001', ['sanitation', 'street']],
      ['002', ['sanitation & cleaning', 'street']],
      ['003', ['Roads, paths and verges']],
    ]);
    const def = toDefinition(parseBody(await fixture('definition.xml'), true));
    expect(def.attributes.map((a) => a.code)).to.deep.equal(['type', 'notice', 'colour', 'usrn', 'sides']);
  });

  it('treats malformed XML and HTML-ish JSON as unreadable, so `auto` can fall back', async () => {
    expect(parseBody('<services><service></services>', true)).to.equal(undefined);
    expect(parseBody(await fixture('services-leading-zero.json'), false)).to.equal(undefined);
  });

  it('gets the same services and questions from the reference server in JSON and in XML', async () => {
    const json = new Open311Client({ endpoint: endpoint(), format: 'json' });
    const xml = new Open311Client({ endpoint: endpoint(), format: 'xml' });
    const [a, b] = await Promise.all([json.services(), xml.services()]);
    expect(a.length).to.be.greaterThan(0);
    expect(b).to.deep.equal(a);
    for (const s of a.filter((s) => s.metadata)) {
      expect(await xml.serviceDefinition(s.code)).to.deep.equal(await json.serviceDefinition(s.code));
    }
  });

  it('gets categories and questions in Welsh from the reference server when asked in Welsh', async () => {
    const [english, welsh] = [new Open311Client({ endpoint: endpoint() }), new Open311Client({ endpoint: endpoint(), language: 'cy' })];
    const [en, cy] = await Promise.all([english.services(), welsh.services()]);
    expect(cy.map((s) => s.code)).to.deep.equal(en.map((s) => s.code));
    expect(en.find((s) => s.code === 'potholes')?.name).to.equal('Pothole');
    expect(cy.find((s) => s.code === 'potholes')?.name).to.equal('Twll yn y ffordd');
    const depth = (await welsh.serviceDefinition('potholes')).attributes[0]!;
    expect(depth.description).to.equal("Pa mor ddwfn yw'r twll?");
    expect(depth.values.map((v) => v.key)).to.deep.equal(['shallow', 'medium', 'deep']);
  });

  it('stores a report once when the caller retries it with the same Idempotency-Key, and reads it back', async () => {
    const api = new Open311Client({ endpoint: endpoint() });
    const [service] = (await api.services()).filter((s) => s.metadata);
    const fields = report(await api.serviceDefinition(service!.code));
    const key = createIdempotencyKey();
    const first = await api.createRequest(fields, { idempotencyKey: key });
    const retry = await api.createRequest(fields, { idempotencyKey: key });
    expect(first.serviceRequestId).to.be.a('string');
    expect(retry.serviceRequestId).to.equal(first.serviceRequestId);
    const other = await api.createRequest(fields);
    expect(other.serviceRequestId).not.to.equal(first.serviceRequestId);

    const stored = await api.request(first.serviceRequestId!);
    expect(stored!.serviceCode).to.equal(service!.code);
    expect(stored!.status).to.equal('open');
    expect(stored!.requestedAt).to.be.instanceOf(Date);
    const same = await api.requests({ serviceRequestId: [first.serviceRequestId!, other.serviceRequestId!] });
    expect(same.map((r) => r.id).sort()).to.deep.equal([first.serviceRequestId, other.serviceRequestId].sort());
    expect(await api.updates({ serviceRequestId: first.serviceRequestId! })).to.be.an('array');
  });

  it('answers an unknown reference with null and a bad report with the server’s error array', async () => {
    const api = new Open311Client({ endpoint: endpoint(), format: 'xml' });
    expect(await api.request('LDC-NO-SUCH')).to.equal(null);
    const error = await api.createRequest({ serviceCode: 'no-such-service', lat: 91, long: 0 }).catch((e) => e);
    expect(error.name).to.equal('Open311Error');
    expect(error.kind).to.equal('invalid');
    expect(error.errors.length).to.be.greaterThan(0);
    expect(error.userMessage).to.contain('lat');
  });

  it('uploads a photo through XMLHttpRequest with progress, and the media_url serves it', async () => {
    const api = new Open311Client({ endpoint: endpoint() });
    const seen: number[] = [];
    const { mediaUrl } = await api.uploadMedia(await photo(600), { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).to.equal(1);
    const served = await fetch(mediaUrl);
    expect(served.ok).to.equal(true);
    expect(served.headers.get('content-type')).to.match(/^image\//);
  });
});

describe('ConsultationClient in Chromium', () => {
  it('lists consultations, gets one, and reports an unknown one as not found', async () => {
    const api = new ConsultationClient({ endpoint: `${window.CIVIC_TEST_SERVER}/api/consultations` });
    const list = await api.list();
    expect(list.length).to.be.greaterThan(0);
    const one = await api.get(list[0]!.id);
    expect(one.pages.length).to.be.greaterThan(0);
    const error = await api.get('no-such-consultation').catch((e) => e);
    expect(error).to.be.instanceOf(ConsultationError);
    expect(error.kind).to.equal('not-found');
  });
});
