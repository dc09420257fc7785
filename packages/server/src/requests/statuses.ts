/**
 * mySociety's extended statuses for the service request updates extension. Open311 itself only
 * has open and closed; each extended status maps onto one of them.
 */
export const EXTENDED_STATUSES = [
  'open',
  'investigating',
  'in_progress',
  'action_scheduled',
  'fixed',
  'closed',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
] as const;
export type ExtendedStatus = (typeof EXTENDED_STATUSES)[number];

const CLOSING: ReadonlySet<ExtendedStatus> = new Set([
  'fixed',
  'closed',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
]);

/** The Open311 status an extended status means. */
export function baseStatus(status: ExtendedStatus): 'open' | 'closed' {
  return CLOSING.has(status) ? 'closed' : 'open';
}

/** Plain words for emails and the case tracker's fallback. */
export const STATUS_WORDS: Record<ExtendedStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  in_progress: 'In progress',
  action_scheduled: 'Action scheduled',
  fixed: 'Fixed',
  closed: 'Closed',
  duplicate: 'Closed: already reported',
  not_councils_responsibility: "Closed: not the council's responsibility",
  no_further_action: 'Closed: no further action',
  internal_referral: 'Passed to another team',
};
