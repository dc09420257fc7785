/** The API key the `keyed` profile wants on every call. */
export const FIXTURE_API_KEY: string;
/** How each fixture profile behaves (see open311-fixture-server.mjs). */
export const PROFILES: Record<string, { dir: string; formats: string[]; post: 'id' | 'token' | 'refuse' | null }>;
/** Serves packages/core/test-fixtures/open311/<profile>/ at /<profile>/ on 127.0.0.1 (port 0: a free one). */
export function startOpen311FixtureServer(o?: { port?: number }): Promise<{ url: string; stop(): Promise<void> }>;
