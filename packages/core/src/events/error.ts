/** What went wrong, for the page's own logging or analytics. The resident already sees a message. */
export interface CivicErrorDetail {
  /** Where: `load-services`, `submit`, `upload`, `lookup`… */
  operation: string;
  /** A short message (never personal data). */
  message: string;
  /** The underlying error, e.g. an Open311Error with the server's codes. */
  cause?: unknown;
}

export class CivicErrorEvent extends Event {
  constructor(readonly detail: CivicErrorDetail) {
    super('civic-error', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-error': CivicErrorEvent;
  }
}
