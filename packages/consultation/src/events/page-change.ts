/** Where the resident is now in the consultation. */
export interface CivicConsultationPageChangeDetail {
  /** `overview`, a page id, `check` (check your answers), `saved`, `confirmation` or `results`. */
  page: string;
  /** The page's number among the pages shown to this resident (question pages only). */
  pageNumber?: number;
  /** How many pages this resident will see, given their answers so far (question pages only). */
  pageCount?: number;
}

/** The resident moved to another page of the consultation. */
export class CivicConsultationPageChangeEvent extends Event {
  constructor(readonly detail: CivicConsultationPageChangeDetail) {
    super('civic-consultation-page-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-consultation-page-change': CivicConsultationPageChangeEvent;
  }
}
