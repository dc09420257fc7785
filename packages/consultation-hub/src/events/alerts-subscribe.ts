/** What the resident asked to hear about (never their email address). */
export interface CivicAlertsSubscribeDetail {
  topics: string[];
  areas: string[];
}

/** The resident asked for emails about new consultations and the server sent a link to confirm. */
export class CivicAlertsSubscribeEvent extends Event {
  constructor(readonly detail: CivicAlertsSubscribeDetail) {
    super('civic-alerts-subscribe', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-alerts-subscribe': CivicAlertsSubscribeEvent;
  }
}
