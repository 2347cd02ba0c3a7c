import { ipInRanges, ipRangeProblem } from './ip-ranges';

describe('IP ranges', () => {
  it.each([
    ['10.0.0.0/8', undefined],
    ['192.168.1.7', undefined],
    ['2001:db8::/32', undefined],
    ['::1', undefined],
    ['10.0.0.0/33', 'needs a prefix length from 0 to 32'],
    ['2001:db8::/129', 'needs a prefix length from 0 to 128'],
    ['10.0.0.0/x', 'needs a prefix length from 0 to 32'],
    ['10.0.0/8', 'is not an IP address or CIDR range'],
    ['example.com', 'is not an IP address or CIDR range'],
    ['10.0.0.0/8/8', 'is not an IP address or CIDR range'],
  ])('%s: %s', (range, problem) => {
    expect(ipRangeProblem(range)).toBe(problem);
  });

  it('allows everyone when no range is set', () => {
    expect(ipInRanges('203.0.113.9', [])).toBe(true);
  });

  it('matches IPv4 and IPv6 ranges and single addresses', () => {
    const ranges = ['10.0.0.0/8', '2001:db8::/32', '198.51.100.4'];
    expect(ipInRanges('10.20.30.40', ranges)).toBe(true);
    expect(ipInRanges('2001:db8:1::5', ranges)).toBe(true);
    expect(ipInRanges('198.51.100.4', ranges)).toBe(true);
    expect(ipInRanges('198.51.100.5', ranges)).toBe(false);
    expect(ipInRanges('11.0.0.1', ranges)).toBe(false);
    expect(ipInRanges('2001:db9::1', ranges)).toBe(false);
  });

  it('reads IPv4 clients of a dual-stack socket as IPv4', () => {
    expect(ipInRanges('::ffff:127.0.0.1', ['127.0.0.0/8'])).toBe(true);
  });

  it('refuses what is not an address', () => {
    expect(ipInRanges('unknown', ['0.0.0.0/0'])).toBe(false);
  });
});
