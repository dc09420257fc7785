import { Open311Error, UnsupportedError, type Open311Client, type ServiceRequest, type ServiceRequestUpdate } from '@civic-widgets/core';
import type { Case } from './case-view.js';
import { currentStatus, sortNewestFirst } from './status.js';

/** A token-only server has the report but has not given it an id yet. */
export interface PendingToken {
  token: string;
}

/**
 * The request a resident's reference names: as typed, then in capitals (references are printed
 * in capitals and people type them in lower case), then as a token: a token-only (batch) server
 * answers a report with a token first, and that is the reference the resident was given when
 * the id did not come in time (GET tokens/{token}). Null when it is none of these.
 */
export async function findRequest(client: Open311Client, reference: string, signal?: AbortSignal): Promise<ServiceRequest | PendingToken | null> {
  let request = await client.request(reference, { signal });
  if (!request && reference !== reference.toUpperCase()) request = await client.request(reference.toUpperCase(), { signal });
  if (request) return request;
  let id: string | null;
  try {
    id = (await client.token(reference, { signal })).serviceRequestId;
  } catch (error) {
    // No such token (404), or a server without tokens: no such report.
    if (error instanceof Open311Error && error.status >= 400 && error.status < 500) return null;
    throw error;
  }
  if (!id) return { token: reference };
  return (await client.request(id, { signal })) ?? { token: reference };
}

/** A case and its updates (newest first; null when the server has no updates). Null: no such case; a token: received, no id yet. */
export async function fetchCase(client: Open311Client, reference: string, signal?: AbortSignal): Promise<Case | PendingToken | null> {
  const request = await findRequest(client, reference, signal);
  if (!request || 'token' in request) return request;
  let updates: ServiceRequestUpdate[] | null;
  try {
    const all = await client.updates({ serviceRequestId: request.id }, { signal });
    // A server that ignores the filter sends every update: keep this case's.
    updates = sortNewestFirst(all.filter((u) => !u.serviceRequestId || u.serviceRequestId === request.id));
  } catch (error) {
    if (!(error instanceof UnsupportedError)) throw error;
    updates = null;
  }
  return { request, updates, status: currentStatus(request, updates ?? []) };
}
