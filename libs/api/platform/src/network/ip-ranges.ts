import { BlockList, isIP } from 'node:net';

/**
 * IP ranges in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`) or single addresses, IPv4 and IPv6:
 * the networks an application may use client_credentials from, and the proxies TRUST_PROXY
 * names. An empty list sets no limit: it allows every address.
 */

/** Why a range cannot be used, or undefined when it can. */
export function ipRangeProblem(range: string): string | undefined {
  const [address, prefix, ...rest] = range.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length) return 'is not an IP address or CIDR range';
  if (prefix === undefined) return undefined;
  const bits = Number(prefix);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || bits > max) return `needs a prefix length from 0 to ${max}`;
  return undefined;
}

// Lists are few and rarely change; parsing one per token request would cost more than the check.
const compiled = new Map<string, BlockList>();
const MAX_COMPILED = 1000;

export function ipInRanges(ip: string, ranges: string[]): boolean {
  if (ranges.length === 0) return true;
  const address = unmapIPv4(ip);
  const family = isIP(address);
  if (family === 0) return false;
  return blockListOf(ranges).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function blockListOf(ranges: string[]): BlockList {
  const key = ranges.join(',');
  let list = compiled.get(key);
  if (!list) {
    list = new BlockList();
    for (const range of ranges) {
      const [address, prefix] = range.split('/');
      const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, list);
  }
  return list;
}

/** A dual-stack socket reports IPv4 clients as `::ffff:a.b.c.d`; ranges are written for `a.b.c.d`. */
export function unmapIPv4(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}
