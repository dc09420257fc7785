import { msg } from '@lit/localize';
import type { RequestStatus, ServiceRequest, ServiceRequestUpdate } from '@civic-widgets/core';

/**
 * A council's own words for a status: one label for every language, or one per language
 * (`{"en": "Repaired", "cy": "Wedi'i drwsio"}`).
 */
export type StatusLabel = string | Partial<Record<'en' | 'cy', string>>;
/** Status → label, merged over the defaults (the `status-labels` attribute, as JSON). */
export type StatusLabels = Record<string, StatusLabel>;

/** How a status looks: the colour of its tag. Colour is never the only signal; the words are. */
export type StatusTone = 'new' | 'active' | 'done' | 'closed';

/**
 * Open311 has `open` and `closed`; mySociety's extended statuses (and FixMyStreet's) say more.
 * These close a case; anything else (and anything unknown) leaves it open.
 */
const CLOSING = new Set([
  'closed',
  'fixed',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'unable_to_fix',
  'internal_referral',
]);

/** Whether a status means the council has finished with the case. */
export function isClosed(status: RequestStatus): boolean {
  return CLOSING.has(normaliseStatus(status));
}

/** "Action Scheduled", "action-scheduled" → `action_scheduled`, as the core client does. */
export function normaliseStatus(status: string): string {
  return status.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function statusTone(status: RequestStatus): StatusTone {
  const s = normaliseStatus(status);
  if (s === 'fixed') return 'done';
  if (CLOSING.has(s)) return 'closed';
  if (s === 'open' || s === 'received' || s === '') return 'new';
  return 'active';
}

/** The default plain words for a status, in the current language; undefined for one we don't know. */
export function defaultStatusLabel(status: string): string | undefined {
  switch (normaliseStatus(status)) {
    case 'open':
    case 'received':
      return msg('Received', { id: 'tracker.status.open' });
    case 'investigating':
      return msg('Investigating', { id: 'tracker.status.investigating' });
    case 'in_progress':
      return msg('In progress', { id: 'tracker.status.inProgress' });
    case 'action_scheduled':
      return msg('Action scheduled', { id: 'tracker.status.actionScheduled' });
    case 'fixed':
      return msg('Fixed', { id: 'tracker.status.fixed' });
    case 'closed':
      return msg('Closed', { id: 'tracker.status.closed' });
    case 'not_councils_responsibility':
      return msg("Not the council's responsibility", { id: 'tracker.status.notResponsible' });
    case 'duplicate':
      return msg('Already reported', { id: 'tracker.status.duplicate' });
    case 'unable_to_fix':
      return msg('Unable to fix', { id: 'tracker.status.unableToFix' });
    case 'no_further_action':
      return msg('No further action', { id: 'tracker.status.noFurtherAction' });
    case 'internal_referral':
      return msg('Passed to another team', { id: 'tracker.status.internalReferral' });
    case 'reopened':
      return msg('Reopened', { id: 'tracker.status.reopened' });
    default:
      return undefined;
  }
}

/** `some_new_status` → "Some new status": a status a server invented still reads as words. */
function humanise(status: string): string {
  const words = status.replace(/_+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : '';
}

/** The words a resident sees for `status`: the council's label, else ours, else the status itself. */
export function statusLabel(status: string, labels: StatusLabels, locale: string): string {
  const key = normaliseStatus(status);
  const own = labels[key] ?? labels[status];
  if (typeof own === 'string' && own.trim()) return own;
  if (own && typeof own === 'object') {
    const text = own[locale as 'en' | 'cy'] ?? (locale === 'en' ? undefined : own.en);
    if (text?.trim()) return text;
  }
  return defaultStatusLabel(key) ?? humanise(key);
}

/**
 * Reads the `status-labels` attribute. Bad JSON or a wrong shape is a webmaster's mistake: it
 * is reported and ignored, so residents still see the default words.
 */
export function parseStatusLabels(value: string | null): StatusLabels | Error {
  if (!value?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return new Error('"status-labels" must be JSON, like {"fixed": "Repaired"}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return new Error('"status-labels" must be a JSON object, like {"fixed": "Repaired"}');
  }
  const labels: StatusLabels = {};
  for (const [key, label] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof label === 'string') labels[normaliseStatus(key)] = label;
    else if (label && typeof label === 'object' && !Array.isArray(label)) {
      const perLanguage: Partial<Record<'en' | 'cy', string>> = {};
      for (const lang of ['en', 'cy'] as const) {
        const text = (label as Record<string, unknown>)[lang];
        if (typeof text === 'string') perLanguage[lang] = text;
      }
      labels[normaliseStatus(key)] = perLanguage;
    }
  }
  return labels;
}

/** Newest first; updates with the same time keep the server's numeric order (higher id = later). */
export function sortNewestFirst(updates: readonly ServiceRequestUpdate[]): ServiceRequestUpdate[] {
  return [...updates].sort((a, b) => {
    const byTime = (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0);
    if (byTime) return byTime;
    const [x, y] = [Number(a.id), Number(b.id)];
    return Number.isFinite(x) && Number.isFinite(y) ? y - x : b.id.localeCompare(a.id);
  });
}

/** A request's own status: the extended one where the server gives it, else Open311's. */
export function requestStatus(request: ServiceRequest): string {
  return normaliseStatus(request.extendedStatus || request.status) || 'open';
}

/**
 * The case's status now. Open311's own `status` is only open/closed on many servers, while the
 * newest update carries the extended status (fixed, action_scheduled…). The update wins unless
 * the request changed later and now says something the update does not (e.g. the back office
 * closed it without writing an update).
 */
export function currentStatus(request: ServiceRequest, newestFirst: readonly ServiceRequestUpdate[]): string {
  const own = requestStatus(request);
  const latest = newestFirst.find((u) => u.status);
  if (!latest) return own;
  const update = normaliseStatus(latest.status);
  const requestIsLater =
    request.updatedAt && latest.updatedAt && request.updatedAt.getTime() > latest.updatedAt.getTime() + 1000;
  if (requestIsLater && isClosed(own) !== isClosed(update)) return own;
  return update;
}
