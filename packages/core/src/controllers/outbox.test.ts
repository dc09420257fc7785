// The outbox in real Chromium (real IndexedDB, real `online` events) against the real reference
// server: a report that cannot be sent waits, then reaches the server exactly once.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Open311Client, Open311Error, type CreatedRequest, type NewServiceRequest } from '../client/index.js';
import { OutboxController, OutboxStore, type OutboxEntry } from './outbox.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const live = () => `${window.CIVIC_TEST_SERVER}/open311/v2`;
// Port 9 (discard) has no listener here: connections are refused at once, like being offline.
const unreachable = 'http://127.0.0.1:9/open311/v2';

interface Sent {
  entry: OutboxEntry<NewServiceRequest>;
  result: CreatedRequest;
}

class OutboxHost extends LitElement {
  endpoint = unreachable;
  queue = `test:${Math.random()}`;
  retryBaseMs = 60_000;
  sent: Sent[] = [];
  rejected: { entry: OutboxEntry<NewServiceRequest>; error: unknown }[] = [];
  keysTried: string[] = [];

  outbox: OutboxController<NewServiceRequest, CreatedRequest>;

  constructor() {
    super();
    const host = this;
    this.outbox = new OutboxController<NewServiceRequest, CreatedRequest>(this, {
      queue: () => host.queue,
      send: (entry) => {
        host.keysTried.push(entry.key);
        const client = new Open311Client({ endpoint: host.endpoint, timeoutMs: 5000, retries: 0 });
        return client.createRequest(entry.payload, { idempotencyKey: entry.key });
      },
      onSent: (entry, result) => host.sent.push({ entry, result }),
      onRejected: (entry, error) => host.rejected.push({ entry, error }),
      // A getter, so a test can shorten the backoff of a host it made.
      get retryBaseMs() {
        return host.retryBaseMs;
      },
    });
  }

  override render() {
    return html`<p>${this.outbox.pending.length} waiting</p>`;
  }
}
customElements.define('outbox-host', OutboxHost);

const marker = () => `Outbox test ${crypto.randomUUID()}`;
const report = (description: string): NewServiceRequest => ({
  serviceCode: 'graffiti',
  lat: 52.22817,
  long: -1.50512,
  addressString: '12 High Street, Larkmead, LK1 2AB',
  description,
  attributes: { surface: 'street_furniture', offensive: 'no' },
});

/** Every stored report with this description, found through the public GET requests. */
async function storedWith(description: string) {
  const all = await new Open311Client({ endpoint: live() }).requests({ serviceCode: 'graffiti', pageSize: 200 });
  return all.filter((r) => r.description === description);
}

async function hostWith(props: Partial<OutboxHost>): Promise<OutboxHost> {
  const el = document.createElement('outbox-host') as OutboxHost;
  Object.assign(el, props);
  return fixture<OutboxHost>(el);
}

describe('OutboxController', function () {
  // Real HTTP to the reference server and real retries: more than mocha's 10 s on a busy machine.
  this.timeout(30_000);
  it('keeps a report while the server cannot be reached, then sends it once when the browser is back online', async () => {
    const el = await hostWith({});
    const text = marker();
    const key = crypto.randomUUID();
    const first = await el.outbox.submit(key, report(text));
    expect(first.status).to.equal('queued');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('1 waiting');
    const stored = await new OutboxStore(el.queue).list();
    expect(stored.map((e) => e.key)).to.deep.equal([key]);
    expect(stored[0]!.attempts).to.equal(1);

    el.endpoint = live();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.sent.length === 1, 'sent after online', { timeout: 8000 });
    expect(el.sent[0]!.result.serviceRequestId).to.match(/\S/);
    expect(await new OutboxStore(el.queue).list()).to.have.length(0);
    expect(el.keysTried.every((k) => k === key)).to.equal(true);
    expect(await storedWith(text)).to.have.length(1);
  });

  it('sends what an earlier visit left in the outbox on the next load', async () => {
    const queue = `test:${Math.random()}`;
    const text = marker();
    const before = await hostWith({ queue });
    expect((await before.outbox.submit(crypto.randomUUID(), report(text))).status).to.equal('queued');
    before.remove();

    const after = await hostWith({ queue, endpoint: live() });
    await waitUntil(() => after.sent.length === 1, 'sent on load', { timeout: 8000 });
    expect(await storedWith(text)).to.have.length(1);
  });

  it('retries on its own with backoff, with the same key', async () => {
    const el = await hostWith({ retryBaseMs: 20 });
    const text = marker();
    const key = crypto.randomUUID();
    expect((await el.outbox.submit(key, report(text))).status).to.equal('queued');
    // retryBaseMs 20: the timer fires soon and keeps failing until the server is reachable.
    await waitUntil(() => el.keysTried.length >= 2, 'retried by the timer', { timeout: 8000 });
    el.endpoint = live();
    await waitUntil(() => el.sent.length === 1, 'sent by a timed retry', { timeout: 8000 });
    expect(new Set(el.keysTried)).to.deep.equal(new Set([key]));
    expect(await storedWith(text)).to.have.length(1);
  });

  it('stores a report once when the same submission is sent twice (answer lost, resubmitted)', async () => {
    const el = await hostWith({ endpoint: live() });
    const text = marker();
    const key = crypto.randomUUID();
    const a = await el.outbox.submit(key, report(text));
    const b = await el.outbox.submit(key, report(text));
    expect(a.status).to.equal('sent');
    expect(b.status).to.equal('sent');
    if (a.status === 'sent' && b.status === 'sent') expect(b.result.serviceRequestId).to.equal(a.result.serviceRequestId);
    expect(await storedWith(text)).to.have.length(1);
  });

  it('removes a report the server refuses for good and hands the refusal back', async () => {
    const el = await hostWith({ endpoint: live() });
    const result = await el.outbox.submit(crypto.randomUUID(), { ...report(marker()), serviceCode: 'no_such_service' });
    expect(result.status).to.equal('rejected');
    expect(el.rejected).to.have.length(1);
    expect(el.rejected[0]!.error).to.be.instanceOf(Open311Error);
    expect((el.rejected[0]!.error as Open311Error).userMessage).to.contain('no_such_service');
    expect(await new OutboxStore(el.queue).list()).to.have.length(0);
  });
});
