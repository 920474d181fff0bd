import { isIP } from 'node:net';

/**
 * Express's `trust proxy` setting as the platform allows it: `false` (the
 * default: X-Forwarded-For is ignored and the client is the socket's peer), a
 * number of proxy hops in front of the API, or the proxies' addresses, CIDR
 * ranges and the names `loopback`, `linklocal`, `uniquelocal`. `true` (trust
 * every hop) is refused: any client could then pick its own address.
 */
export type TrustProxy = false | number | string[];

const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const FALSE = new Set(['', 'false', '0', 'off', 'no', 'none']);

function validEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (!family) return false;
  if (slash === -1) return true;
  const range = entry.slice(slash + 1);
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4; // a netmask such as 255.255.255.0
}

/** TRUST_PROXY -> the express value, or a problem naming what is wrong. */
export function parseTrustProxy(
  raw: string | undefined,
): { value: TrustProxy } | { problem: string } {
  const text = (raw ?? '').trim().toLowerCase();
  if (FALSE.has(text)) return { value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 20 ? { value: hops } : { problem: 'TRUST_PROXY: at most 20 proxy hops' };
  }
  if (text === 'true') {
    return {
      problem:
        'TRUST_PROXY=true would let any client choose its address; give the number of proxies or their addresses',
    };
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !validEntry(e));
  if (bad.length) {
    return {
      problem: `TRUST_PROXY: not a hop count, address, CIDR range or loopback/linklocal/uniquelocal: ${bad.join(', ')}`,
    };
  }
  return { value: entries };
}

/** CORS_ORIGINS -> the list of exact origins (empty: no CORS headers at all). */
export function parseCorsOrigins(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}
