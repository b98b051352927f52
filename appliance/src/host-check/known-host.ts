import type { MiddlewareHandler } from 'hono';
import { APPLIANCE_NAME, currentNetwork, hostNames, type Network } from '../https/lan-names.js';
import { fail } from '../shared/errors.js';
import { isLoopback } from '../shared/lan.js';

/** How long the machine's names and addresses are trusted before they are read again (DHCP may move them). */
const NAMES_FRESH_MS = 10_000;

/** `Tavli.Local.:8443` → `tavli.local`; `[fe80::1%eth0]:80` → `fe80::1` */
export function hostOf(header: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  const host = bracketed ? bracketed[1]! : header.replace(/:\d*$/, '');
  return host.toLowerCase().replace(/\.$/, '').replace(/%.*$/, '');
}

/**
 * Answers only to the names the appliance has: tavli.local, its host name, its addresses,
 * loopback, and the names in ALLOWED_HOSTS. A page on the internet that rebinds its own name to
 * the appliance's address (DNS rebinding) sends its requests under that name, and is refused.
 */
export function knownHostOnly(allowedHosts: string[], network: () => Network = currentNetwork): MiddlewareHandler {
  let known: { names: Set<string>; until: number } | undefined;
  const knownNames = () => {
    if (!known || Date.now() > known.until) {
      const { hostname, addresses } = network();
      const names = [APPLIANCE_NAME, 'localhost', ...hostNames(hostname), ...addresses, ...allowedHosts].map(hostOf);
      known = { names: new Set(names), until: Date.now() + NAMES_FRESH_MS };
    }
    return known.names;
  };
  return (c, next) => {
    const header = c.req.header('host');
    if (header === undefined) return next();
    const host = hostOf(header);
    if (isLoopback(host) || knownNames().has(host)) return next();
    throw fail(421, 'unknown_host', `This appliance does not answer to “${host}”: open it as ${APPLIANCE_NAME} or by its address`);
  };
}
