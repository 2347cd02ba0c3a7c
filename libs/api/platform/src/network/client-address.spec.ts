import { clientAddress, type ProxyTrust } from './client-address';

const NONE: ProxyTrust = { hops: 0 };
const ONE: ProxyTrust = { hops: 1 };
const TWO: ProxyTrust = { hops: 2 };
const LIST: ProxyTrust = { proxies: ['10.0.0.0/8', '2001:db8:ffff::/48'] };

// The real client is 203.0.113.9 unless said otherwise; 10.x addresses are the proxies; anything
// else left of what a trusted proxy appended was written by the client.
describe('clientAddress', () => {
  it.each<[string, ProxyTrust, string | undefined, string | string[] | undefined, string]>([
    // TRUST_PROXY=false: the socket's peer, whatever the header says.
    ['no proxy: the socket', NONE, '203.0.113.9', undefined, '203.0.113.9'],
    ['no proxy: a forged header is ignored', NONE, '203.0.113.9', '10.1.2.3', '203.0.113.9'],
    ['no proxy: an IPv4 client of a dual-stack socket', NONE, '::ffff:203.0.113.9', undefined, '203.0.113.9'],
    ['no proxy: an IPv6 client', NONE, '2001:db8::9', '10.1.2.3', '2001:db8::9'],
    ['no proxy: a connection already closed', NONE, undefined, '10.1.2.3', 'unknown'],

    // TRUST_PROXY=true: one proxy, the rightmost entry is what it appended.
    ['one proxy: the entry it appended', ONE, '10.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['one proxy: a forged leftmost entry', ONE, '10.0.0.1', '10.1.2.3, 203.0.113.9', '203.0.113.9'],
    ['one proxy: several forged entries', ONE, '10.0.0.1', '127.0.0.1, 10.1.2.3,192.168.1.1, 203.0.113.9', '203.0.113.9'],
    ['one proxy: no spaces', ONE, '10.0.0.1', '10.1.2.3,203.0.113.9', '203.0.113.9'],
    ['one proxy: spaces and tabs around entries', ONE, '10.0.0.1', ' 10.1.2.3 ,\t203.0.113.9 \t', '203.0.113.9'],
    ['one proxy: forged garbage on the left', ONE, '10.0.0.1', 'garbage, <script>, 203.0.113.9', '203.0.113.9'],
    ['one proxy: forged empty entries on the left', ONE, '10.0.0.1', '10.1.2.3,, ,203.0.113.9', '203.0.113.9'],
    ['one proxy: repeated headers are one list', ONE, '10.0.0.1', ['10.1.2.3', '203.0.113.9'], '203.0.113.9'],
    ['one proxy: an IPv6 client', ONE, '10.0.0.1', '10.1.2.3, 2001:db8::9', '2001:db8::9'],
    ['one proxy: an IPv4-mapped entry', ONE, '10.0.0.1', '::ffff:203.0.113.9', '203.0.113.9'],
    ['one proxy: no header, the proxy itself', ONE, '10.0.0.1', undefined, '10.0.0.1'],
    ['one proxy: an empty header', ONE, '10.0.0.1', '', '10.0.0.1'],
    ['one proxy: only commas and spaces', ONE, '10.0.0.1', ' , ,', '10.0.0.1'],
    ['one proxy: a malformed rightmost entry stops at the proxy', ONE, '10.0.0.1', '10.1.2.3, garbage', '10.0.0.1'],
    ['one proxy: an address with a port is malformed', ONE, '10.0.0.1', '203.0.113.9:443', '10.0.0.1'],
    ['one proxy: a bracketed IPv6 address is malformed', ONE, '10.0.0.1', '[2001:db8::9]', '10.0.0.1'],
    ['one proxy: an IPv6 zone is malformed', ONE, '10.0.0.1', `fe80::1%${'x'.repeat(200)}`, '10.0.0.1'],
    ['one proxy: two addresses without a comma are malformed', ONE, '10.0.0.1', '10.1.2.3 203.0.113.9', '10.0.0.1'],
    ['one proxy: a truncated address is malformed', ONE, '10.0.0.1', '203.0.113', '10.0.0.1'],
    ['one proxy: a huge forged header', ONE, '10.0.0.1', `${'10.1.2.3,'.repeat(1500)}203.0.113.9`, '203.0.113.9'],
    ['one proxy: the socket address does not matter', ONE, undefined, '203.0.113.9', '203.0.113.9'],

    // TRUST_PROXY=2: two proxies, each appended its peer.
    ['two proxies: the entry the farther one appended', TWO, '10.0.0.1', '203.0.113.9, 10.0.0.2', '203.0.113.9'],
    ['two proxies: a forged leftmost entry', TWO, '10.0.0.1', '10.1.2.3, 203.0.113.9, 10.0.0.2', '203.0.113.9'],
    ['two proxies: fewer entries than hops, the leftmost present', TWO, '10.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['two proxies: no header, the nearest proxy', TWO, '10.0.0.1', undefined, '10.0.0.1'],
    ['two proxies: malformed where the farther proxy wrote, stops at it', TWO, '10.0.0.1', '10.1.2.3, garbage, 10.0.0.2', '10.0.0.2'],

    // TRUST_PROXY=<addresses>: walk left while the hop is one of the proxies.
    ['proxy list: through one proxy', LIST, '10.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['proxy list: through a chain of proxies', LIST, '10.0.0.1', '203.0.113.9, 10.0.0.3, 10.0.0.2', '203.0.113.9'],
    ['proxy list: a forged entry inside the proxy ranges is never reached', LIST, '10.0.0.1', '10.1.2.3, 203.0.113.9, 10.0.0.2', '203.0.113.9'],
    ['proxy list: a client that is not a proxy forging the header', LIST, '203.0.113.9', '10.1.2.3', '203.0.113.9'],
    ['proxy list: a client forging a proxy address as the last hop', LIST, '203.0.113.9', '198.51.100.7, 10.0.0.2', '203.0.113.9'],
    ['proxy list: every hop a proxy, the leftmost', LIST, '10.0.0.1', '10.0.0.3, 10.0.0.2', '10.0.0.3'],
    ['proxy list: an IPv4 proxy on a dual-stack socket', LIST, '::ffff:10.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['proxy list: an IPv6 proxy', LIST, '2001:db8:ffff::1', '10.1.2.3, 203.0.113.9', '203.0.113.9'],
    ['proxy list: an IPv6 client', LIST, '10.0.0.1', '2001:db8::9, 10.0.0.2', '2001:db8::9'],
    ['proxy list: an IPv4-mapped proxy entry', LIST, '10.0.0.1', '203.0.113.9, ::ffff:10.0.0.2', '203.0.113.9'],
    ['proxy list: no header, the proxy itself', LIST, '10.0.0.1', undefined, '10.0.0.1'],
    ['proxy list: a malformed entry stops at the proxy that wrote it', LIST, '10.0.0.1', '203.0.113.9, garbage', '10.0.0.1'],
    ['proxy list: a malformed entry behind the chain', LIST, '10.0.0.1', 'garbage, 10.0.0.2', '10.0.0.2'],
    ['proxy list: a connection already closed', LIST, undefined, '203.0.113.9', 'unknown'],
    ['an empty proxy list trusts nobody', { proxies: [] }, '10.0.0.1', '203.0.113.9', '10.0.0.1'],
  ])('%s', (_, trust, socketAddress, forwardedFor, expected) => {
    expect(clientAddress(socketAddress, forwardedFor, trust)).toBe(expected);
  });
});
