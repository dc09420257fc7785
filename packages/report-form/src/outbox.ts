import type { ReactiveControllerHost } from 'lit';
import { OutboxController, type CreatedRequest, type NewServiceRequest, type Open311Client, type OutboxEntry } from '@civic-widgets/core';
import type { Answers } from './flow.js';
import { waitForId } from './token.js';

/** The outbox queue every report form on a site shares. */
export const OUTBOX_QUEUE = 'report';

/** What the outbox keeps for a report: the request, and what the confirmation needs. */
export interface Queued {
  request: NewServiceRequest;
  draftKey: string;
  /** The answers, so a report the server refuses later (even on another visit) can be corrected. */
  answers?: Answers;
}

/** A report the server took: its reference, once it has one. */
export interface Sent {
  payload: Queued;
  id: string | null;
  created: CreatedRequest;
  /** It waited in the outbox (sent on a later try). */
  queued: boolean;
}

interface ReportOutboxOptions {
  client(): Open311Client;
  /** '' while the element has no endpoint: the outbox is left alone. */
  endpoint(): string;
  onSent(sent: Sent): void;
  onRejected(entry: OutboxEntry<Queued>, error: unknown): void;
  /** Settles once the form's first page is drawn: what an earlier visit left is sent then. */
  drawn(): Promise<unknown>;
}

/**
 * Sending a report through core's outbox, which keeps it on the device until the server has it.
 * One queue per site, not per endpoint: a report saved on one page is sent by whichever report
 * form the resident opens next on the council's site (a council has one Open311 endpoint).
 */
export class ReportOutbox {
  /** Sent to a token-only server: waiting for its reference (tokens/{token}). */
  confirming = false;

  readonly outbox: OutboxController<Queued, CreatedRequest>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: ReportOutboxOptions,
  ) {
    this.outbox = new OutboxController<Queued, CreatedRequest>(host, {
      queue: () => (o.endpoint() ? OUTBOX_QUEUE : ''),
      send: (entry) => o.client().createRequest(entry.payload.request, { idempotencyKey: entry.key }),
      onSent: (entry, created) => void this.sent(entry, created),
      onRejected: (entry, error) => o.onRejected(entry, error),
      sendLeftAfter: o.drawn,
    });
  }

  private async sent(entry: OutboxEntry<Queued>, created: CreatedRequest): Promise<void> {
    let id = created.serviceRequestId;
    if (!id && created.token) {
      // A batch server answers with a token first; it usually has the id within seconds.
      this.confirming = true;
      this.host.requestUpdate();
      id = await waitForId(this.o.client(), created.token).finally(() => {
        this.confirming = false;
        this.host.requestUpdate();
      });
    }
    this.o.onSent({ payload: entry.payload, id, created, queued: entry.attempts > 0 });
  }
}
