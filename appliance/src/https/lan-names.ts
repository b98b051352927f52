import net from 'node:net';
import os from 'node:os';
import { isLanAddress, isLoopback } from '../shared/lan.js';
import type { ServerNames } from './certificates.js';

/** The name every Tavli answers to on the restaurant's network (avahi announces it in the image). */
export const APPLIANCE_NAME = 'tavli.local';

/** What the machine is called and where it can be reached right now. */
export type Network = { hostname: string; addresses: string[] };

export function currentNetwork(): Network {
  const addresses = Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal)
    .map((entry) => entry.address);
  return { hostname: os.hostname(), addresses };
}

const DNS_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The host name as DNS names: itself and, when bare, its mDNS name (raspberrypi → raspberrypi.local). */
export function hostNames(hostname: string): string[] {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!DNS_NAME.test(name) || name === 'localhost') return [];
  return name.includes('.') ? [name] : [name, `${name}.local`];
}

/**
 * The names the server certificate should carry: tavli.local, the host name, and every private
 * (LAN) address the machine has, sorted so that two lists of the same names compare equal.
 */
export function wantedNames(network: Network): ServerNames {
  const dns = [...new Set([APPLIANCE_NAME, ...hostNames(network.hostname)])];
  const ips = [...new Set(network.addresses.map((address) => address.replace(/%.*$/, '')))]
    .filter((address) => net.isIP(address) && isLanAddress(address) && !isLoopback(address))
    .sort();
  return { dns: [dns[0]!, ...dns.slice(1).sort()], ips };
}
