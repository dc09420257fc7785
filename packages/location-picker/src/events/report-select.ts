/** The resident chose an existing report on the map ("already reported"). */
export class CivicReportSelectEvent extends Event {
  constructor(readonly detail: { serviceRequestId: string }) {
    super('civic-report-select', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-report-select': CivicReportSelectEvent;
  }
}
