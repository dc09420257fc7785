import { isIP } from 'node:net';

/**
 * Which proxies' X-Forwarded-For entries to believe, as Fastify's `trustProxy` takes it: a
 * number of hops (1 = one load balancer in front: the client is the address it saw), or the
 * proxies' own addresses and CIDR ranges. Never `true`: believing every entry lets any client
 * name its own address, and so get a fresh rate limit with every request.
 */
export type TrustProxy = number | string[];

/** Names proxy-addr (Fastify's) knows for common ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const version = isIP(address ?? '');
  if (!version || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n >= 0 && n <= (version === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY: unset or "" → trust nothing (the socket's address is the client); "2" → two
 * hops; "10.0.0.5, 10.1.0.0/16, loopback" → those proxies. Anything else (like "true") is an
 * error that says what to write instead.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | undefined {
  const value = raw?.trim();
  if (!value || value === '0') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length) {
    throw new Error(
      `TRUST_PROXY must be the number of proxies in front of the server (like 1) or their addresses and ranges (like 10.0.0.5,10.1.0.0/16), not "${wrong.join(', ')}". ` +
        'Believing every X-Forwarded-For entry would let anyone choose the address rate limits count.',
    );
  }
  return entries;
}

/** The option as createServer takes it: `true` is refused for the same reason. */
export function checkTrustProxy(value: unknown): TrustProxy | undefined {
  if (value === undefined || value === false) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value || undefined;
  if (typeof value === 'string') return parseTrustProxy(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return parseTrustProxy(value.join(','));
  throw new Error('trustProxy must be a number of hops or a list of proxy addresses and ranges; true (believe any X-Forwarded-For) is not allowed.');
}

/**
 * For Fastify: an address list as it is; a hop count as a function, since Fastify 5.12 reads a
 * bare number as "trust nothing". With a count, the server must only be reachable through the
 * proxies (a client that reaches it directly could name its own address): prefer addresses.
 */
export function fastifyTrustProxy(value: TrustProxy | undefined): string[] | ((address: string, hop: number) => boolean) | false {
  if (value === undefined) return false;
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}
