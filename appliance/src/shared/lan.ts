import net from 'node:net';

const privateV4 = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
] as const;

const v4ToInt = (ip: string) => ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;

/** An IPv4 address written as IPv4-mapped IPv6 (::ffff:192.168.1.5), as IPv4. */
const unmapped = (address: string) => (address.startsWith('::ffff:') ? address.slice(7) : address);

/** The appliance itself: 127.0.0.0/8 and ::1. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ip = unmapped(address);
  return ip === '::1' || (net.isIPv4(ip) && ip.startsWith('127.'));
}

/** True for loopback, private and link-local addresses: the restaurant's own network. */
export function isLanAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = unmapped(address);
  if (net.isIPv4(ip)) {
    const value = v4ToInt(ip);
    return privateV4.some(([base, bits]) => {
      const mask = (~0 << (32 - bits)) >>> 0;
      return (value & mask) === (v4ToInt(base) & mask);
    });
  }
  const lower = ip.toLowerCase();
  return lower === '::1' || lower.startsWith('fe80:') || lower.startsWith('fc') || lower.startsWith('fd');
}
