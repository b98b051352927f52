import dns from 'node:dns';
import net from 'node:net';
import { isLanAddress } from '../shared/lan.js';

export type PrinterAddress = { ip_address: string; port: number };
export type Timeouts = { connectMs: number; writeMs: number };

/** Resolves a printer's host name only to addresses on the restaurant's network: the appliance never prints to the internet. */
const lanOnlyLookup: net.LookupFunction = (hostname, options, callback) =>
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    const lan = error ? [] : addresses.filter((entry) => isLanAddress(entry.address));
    if (error || lan.length === 0) return callback(error ?? new Error(`${hostname} is not on the restaurant's network`), '', 4);
    if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, lan);
    callback(null, lan[0]!.address, lan[0]!.family);
  });

/**
 * Sends one connection's bytes to a raw TCP (port 9100) printer. Resolves only once every byte
 * was handed over and the printer closed the connection cleanly after our end: a printer closes
 * when it has read the whole job, and one that drops the line mid-ticket resets it instead.
 */
export function sendToPrinter(printer: PrinterAddress, bytes: Buffer, timeouts: Timeouts, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (net.isIP(printer.ip_address) && !isLanAddress(printer.ip_address)) return reject(new Error(`${printer.ip_address} is not on the restaurant's network`));
    const socket = net.connect({ host: printer.ip_address, port: printer.port, lookup: lanOnlyLookup });
    let settled = false;
    let flushed = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    let timer = setTimeout(() => finish(new Error(`no connection within ${timeouts.connectMs} ms`)), timeouts.connectMs);
    const onAbort = () => finish(new Error('delivery stopped'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new Error(`the printer did not take the job within ${timeouts.writeMs} ms`)), timeouts.writeMs);
      socket.end(bytes, () => {
        flushed = true;
      });
    });
    socket.resume();
    socket.once('error', (error) => finish(error));
    socket.once('close', (hadError) => {
      if (hadError || !flushed || socket.bytesWritten < bytes.length) finish(new Error('the connection closed before the whole job was sent'));
      else finish();
    });
  });
}
