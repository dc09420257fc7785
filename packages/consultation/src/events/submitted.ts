/** A response the server has stored. */
export interface CivicConsultationSubmittedDetail {
  /** The consultation's id. */
  consultation: string;
  /** The response reference shown to the resident, e.g. `LDC-C-4QJ7-M2XD`. */
  reference: string;
}

/** The resident's response was stored (fired once per response, not on a retried answer). */
export class CivicConsultationSubmittedEvent extends Event {
  constructor(readonly detail: CivicConsultationSubmittedDetail) {
    super('civic-consultation-submitted', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-consultation-submitted': CivicConsultationSubmittedEvent;
  }
}
