import net from 'node:net';

/**
 * The address a login is counted against: an IPv4 address as it is, an IPv6 address by its /64
 * prefix (`2001:db8:1:2::/64`). One IPv6 subscriber or host usually holds a whole /64, so counting
 * single IPv6 addresses would give it 2^64 fresh counters; an IPv4-mapped IPv6 address
 * (`::ffff:10.0.0.1`) counts as its IPv4 address. Anything else (no address) is counted as given.
 */
export function loginAddressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1] && net.isIPv4(mapped[1])) return mapped[1];
  if (!net.isIPv6(ip)) return ip;
  const bare = ip.split('%')[0] ?? ip; // a zone id (fe80::1%eth0) is not part of the address
  const [head = '', tail] = bare.split('::');
  const groups = (part: string) =>
    part
      .split(':')
      .filter(Boolean)
      .flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])); // an embedded IPv4 tail fills the last two groups
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
