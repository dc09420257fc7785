import type { NewServiceRequest } from '@civic-widgets/core';
import { answered, askedQuestions, hasPoint, type FlowState } from './flow.js';
import { hiddenAnswers } from './hidden-fields.js';

/*
 * The Open311 request a report becomes. Only "Send report" needs it, so it rides in the pages
 * chunk (with the National Grid conversion of hidden-fields.ts), not in the form's first load.
 */

// Six decimal places is about 10 cm: more only leaks false precision.
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Splits "Jo Bloggs-Smith" into Open311's first_name and last_name (the last word is the surname). */
export function splitName(full: string): { firstName?: string; lastName?: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return {};
  if (words.length === 1) return { firstName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) };
}

/**
 * The POST requests body. Only questions still asked are sent (an answer to a question the
 * resident later made irrelevant is dropped). Photos go as `media_urls[]` to a server that takes
 * several (docs/open311-extensions.md#several-photos); plain Open311 has one `media_url`, so
 * there the first goes as `media_url` and the others are listed at the end of the description,
 * and none is lost.
 */
export function toRequest(s: FlowState, morePhotosLabel: string): NewServiceRequest {
  const a = s.answers;
  const attributes: Record<string, string | string[]> = {};
  for (const q of askedQuestions(s.attributes, a.attributes)) {
    const v = a.attributes[q.code];
    if (v !== undefined && answered(v)) attributes[q.code] = Array.isArray(v) ? v : v.trim();
  }
  Object.assign(attributes, hiddenAnswers(s.attributes, a.place));
  const perReport = s.photosPerReport ?? 1;
  const sent = a.photos.slice(0, Number.isInteger(perReport) && perReport > 1 ? perReport : 1);
  const more = a.photos.slice(sent.length);
  const description = [a.description.trim(), more.length ? `${morePhotosLabel}\n${more.map((p) => p.url).join('\n')}` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    serviceCode: a.serviceCode,
    // Always an address_string with lat/long: servers that route or show by address need one.
    // A place described in words goes as address_string alone, which Open311 accepts instead.
    ...(a.place && hasPoint(a.place)
      ? { lat: round(a.place.lat), long: round(a.place.lng), addressString: a.place.address || `${round(a.place.lat)}, ${round(a.place.lng)}` }
      : a.place?.address
        ? { addressString: a.place.address }
        : {}),
    description: description || undefined,
    mediaUrl: sent[0]?.url,
    ...(sent.length > 1 ? { mediaUrls: sent.map((p) => p.url) } : {}),
    email: a.email.trim() || undefined,
    phone: a.phone.trim() || undefined,
    ...splitName(a.name),
    emailUpdates: a.updates && !!a.email.trim(),
    attributes,
  };
}
