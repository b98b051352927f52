import net from 'node:net';
import os from 'node:os';
import pLimit from 'p-limit';

const CONNECT_TIMEOUT_MS = 600;
const AT_ONCE = 64;
/** A network wider than this is scanned only in the /24 around each of the appliance's addresses. */
const WIDEST_PREFIX = 22;

const toNumber = (address: string) => address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const toAddress = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** Every host address of an IPv4 network written as a CIDR ("192.168.1.0/24"): no network or broadcast address. */
export function hostsOf(cidr: string): string[] {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) throw new Error(`not an IPv4 network: ${cidr}`);
  const prefix = Math.max(Number(match[2]), WIDEST_PREFIX);
  const size = 2 ** (32 - prefix);
  const base = toNumber(match[1]!) - (toNumber(match[1]!) % size);
  if (size <= 2) return [toAddress(base + size - 1)];
  return Array.from({ length: size - 2 }, (_, i) => toAddress(base + 1 + i));
}

/** The networks the appliance is on (each at most a /24 around its address), as CIDRs. */
export function lanNetworks(): { networks: string[]; own: string[] } {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((entry): entry is os.NetworkInterfaceInfo => entry !== undefined && entry.family === 'IPv4' && !entry.internal);
  return {
    networks: [...new Set(addresses.map((entry) => `${entry.address}/${Math.max(24, Number(entry.cidr?.split('/')[1] ?? 24))}`))],
    own: addresses.map((entry) => entry.address),
  };
}

const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port, timeout: CONNECT_TIMEOUT_MS });
    const done = (found: boolean) => {
      socket.destroy();
      resolve(found);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });

/**
 * The hosts that accept a connection on the printers' port (9100, raw ESC/POS), in address order.
 * A network of 254 hosts is scanned in about three seconds; nothing is sent to what answers.
 */
export async function discoverPrinters(options: { network: string | undefined; port: number }): Promise<string[]> {
  const lan = options.network ? { networks: [options.network], own: [] } : lanNetworks();
  const hosts = [...new Set(lan.networks.flatMap(hostsOf))].filter((host) => !lan.own.includes(host));
  const limit = pLimit(AT_ONCE);
  const found = await Promise.all(hosts.map((host) => limit(async () => ((await accepts(host, options.port)) ? host : undefined))));
  return found.filter((host): host is string => host !== undefined).sort((a, b) => toNumber(a) - toNumber(b));
}
