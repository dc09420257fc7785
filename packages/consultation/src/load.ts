import { ConsultationClient, ConsultationError, type ConsultationResults } from '@civic-widgets/core';
import type { Consultation } from './model.js';

/**
 * The definition and, once published, the results: given ones win over fetching. Results that
 * are published but unreadable (404) leave the overview with "closed", still worth showing.
 */
export async function fetchConsultation(
  client: ConsultationClient | undefined,
  id: string,
  definition: Consultation | undefined,
  results: ConsultationResults | undefined,
  signal: AbortSignal,
): Promise<{ def: Consultation; published?: ConsultationResults }> {
  const def = definition ?? (await client!.get(id, { signal }));
  if (def.status !== 'results_published') return { def };
  let published = results;
  if (!published && client) {
    published = await client.results(def.id, { signal }).catch((error: unknown) => {
      if (error instanceof ConsultationError && error.kind === 'not-found') return undefined;
      throw error;
    });
  }
  return { def, published };
}
