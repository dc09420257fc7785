import type { ServiceRequest, ServiceRequestUpdate } from '@civic-widgets/core';

export interface CivicCaseLoadDetail {
  /** The case as the server describes it. */
  request: ServiceRequest;
  /** The council's updates, newest first; null when the server has no updates extension. */
  updates: ServiceRequestUpdate[] | null;
  /** The status shown to the resident (the newest update's, else the request's), normalised. */
  status: string;
}

/** A case was shown to the resident: after a look-up, or when a refresh found it had changed. */
export class CivicCaseLoadEvent extends Event {
  constructor(readonly detail: CivicCaseLoadDetail) {
    super('civic-case-load', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-case-load': CivicCaseLoadEvent;
  }
}
