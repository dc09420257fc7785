import type { NewServiceRequest } from '@civic-widgets/core';

/**
 * The resident pressed "Send report". Cancel it (`preventDefault()`) to stop the report being
 * sent, e.g. when the page sends it another way.
 */
export class CivicSubmitEvent extends Event {
  constructor(
    readonly detail: {
      /** What will be sent (Open311 fields). */
      request: NewServiceRequest;
      /** The Idempotency-Key every attempt to send this report carries. */
      idempotencyKey: string;
    },
  ) {
    super('civic-submit', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-submit': CivicSubmitEvent;
  }
}
