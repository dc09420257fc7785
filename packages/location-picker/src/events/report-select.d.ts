/** The resident chose an existing report on the map ("already reported"). */
export declare class CivicReportSelectEvent extends Event {
    readonly detail: {
        serviceRequestId: string;
    };
    constructor(detail: {
        serviceRequestId: string;
    });
}
declare global {
    interface GlobalEventHandlersEventMap {
        'civic-report-select': CivicReportSelectEvent;
    }
}
