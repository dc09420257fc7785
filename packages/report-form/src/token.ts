import type { Open311Client } from '@civic-widgets/core';

/**
 * GET tokens/{token} until the server gives the id: a token-only (batch) server usually has it
 * within seconds. Null when it still has none after `tries`: the token is then the reference
 * (the case tracker can look a token up).
 */
export async function waitForId(client: Open311Client, token: string, tries = 5, delayMs = 2000): Promise<string | null> {
  for (let i = 0; i < tries; i++) {
    if (i) await new Promise((r) => setTimeout(r, delayMs));
    const status = await client.token(token).catch(() => null);
    if (status?.serviceRequestId) return status.serviceRequestId;
  }
  return null;
}
