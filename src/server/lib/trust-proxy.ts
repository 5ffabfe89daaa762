import { isIP } from 'node:net';

/** Names proxy-addr (Fastify's `trustProxy`) understands besides addresses and CIDRs. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Why one `TRUST_PROXY` entry is unusable, or null when it is an address, a CIDR (IPv4 or IPv6)
 * or one of the named ranges. `true`, `*` and hop counts are refused on purpose: believing every
 * sender's `X-Forwarded-For` is what let clients choose their own rate-limit bucket.
 */
export function trustProxyEntryProblem(entry: string): string | null {
  if (NAMED_RANGES.has(entry)) return null;
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (!family) return `"${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8, fd00::/8, 127.0.0.1)`;
  if (slash < 0) return null;
  const bits = entry.slice(slash + 1);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return `"${entry}" has a prefix length outside 0–${max}`;
  return null;
}

/** Splits the comma-separated setting into its entries (an empty list means: trust no proxy). */
export function trustProxyEntries(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
