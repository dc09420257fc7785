/** The council's system has the report: its reference, or (batch servers) a token for it. */
export class CivicSubmittedEvent extends Event {
  constructor(
    readonly detail: {
      /** The reference (service_request_id); null when a batch server has not made one yet. */
      serviceRequestId: string | null;
      /** The token a batch server answered with, when it did. */
      token?: string;
      /** Who deals with it and what happens next, as the server said (service_notice). */
      serviceNotice: string;
      /** Whether it waited in the outbox before it was sent. */
      queued: boolean;
    },
  ) {
    super('civic-submitted', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-submitted': CivicSubmittedEvent;
  }
}
