/**
 * The resident chose a case in the list. Cancel it (`preventDefault()`) to show the case
 * yourself; otherwise the tracker shows it in place.
 */
export class CivicCaseSelectEvent extends Event {
  constructor(readonly detail: { serviceRequestId: string }) {
    super('civic-case-select', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-case-select': CivicCaseSelectEvent;
  }
}
