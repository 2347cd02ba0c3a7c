import { isIP } from 'node:net';
import { ipInRanges, unmapIPv4 } from './ip-ranges';

/**
 * Which hops in front of this server may tell it the client's address (TRUST_PROXY): the
 * nearest `hops` ones whatever their address (0: none, the socket's peer is the client), or
 * those whose address is in `proxies` (addresses and CIDR ranges, never empty).
 */
export type ProxyTrust = { hops: number } | { proxies: string[] };

/** Said of a connection that closed before its address could be read. */
const UNKNOWN = 'unknown';

/**
 * The client's address: the one rule for the console, the protocol endpoints, the IP policy,
 * sign-in throttling and audit. Every proxy appends the address of its peer to X-Forwarded-For,
 * so only the entries on the right, written by proxies we trust, can be believed; whatever lies
 * further left is what the client chose to send. The walk starts at the socket's peer and moves
 * left while the hop that reported the next entry is trusted: the first address a trusted hop
 * vouches for and that is not itself trusted is the client. If every hop is trusted, it is the
 * leftmost entry. A malformed entry ends the walk at the hop that wrote it: nothing beyond it
 * can be known, and the client never gets to name its own address through a broken header.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: ProxyTrust): string {
  let client = socketAddress === undefined ? UNKNOWN : unmapIPv4(socketAddress);
  // The default, and the hot path of the token endpoint without a proxy: the header is not even read.
  if ('hops' in trust && trust.hops === 0) return client;
  const reported = forwardedEntries(forwardedFor);
  for (let hop = 0; hop < reported.length && trusts(trust, client, hop); hop++) {
    const next = unmapIPv4(reported[hop]);
    if (!isPlainAddress(next)) break;
    client = next;
  }
  return client;
}

/**
 * The addresses of X-Forwarded-For, nearest first. Entries are separated by commas with optional
 * whitespace (RFC 9110 5.6.1); empty ones are skipped, as a proxy appending to an empty header
 * may leave one. Repeated headers are one list in order (RFC 9110 5.3).
 */
function forwardedEntries(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(',') : header;
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .reverse();
}

function trusts(trust: ProxyTrust, address: string, hop: number): boolean {
  // An empty range list allows every address; an empty proxy list must trust none.
  return 'hops' in trust ? hop < trust.hops : trust.proxies.length > 0 && ipInRanges(address, trust.proxies);
}

/**
 * An IPv4 or IPv6 address as a proxy writes it. Not a port (`a.b.c.d:443`), a bracketed form or
 * an IPv6 zone (`fe80::1%eth0`, RFC 4007 11: it names an interface of the host that wrote it, and
 * would let an entry be any length).
 */
function isPlainAddress(entry: string): boolean {
  return isIP(entry) !== 0 && !entry.includes('%');
}
