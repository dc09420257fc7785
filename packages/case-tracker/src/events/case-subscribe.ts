/**
 * The resident asked to be emailed when the case changes, and the server accepted it (it may
 * first send them a link to confirm). The address is not in the event: it is personal data.
 */
export class CivicCaseSubscribeEvent extends Event {
  constructor(readonly detail: { serviceRequestId: string }) {
    super('civic-case-subscribe', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-case-subscribe': CivicCaseSubscribeEvent;
  }
}
