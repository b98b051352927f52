import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { createEscPosParser, type ParsedTicket } from './escpos-parser.js';

/**
 * normal; refuse: not listening (connections are refused); stall: accepts and never reads;
 * drop: resets the connection part-way through the first ticket.
 */
export type EmulatorMode = 'normal' | 'refuse' | 'stall' | 'drop';

/** A ticket as the emulated printer printed it, with when its last byte arrived (epoch ms, sub-ms precision). */
export type EmulatedTicket = ParsedTicket & { printer: string; receivedAt: number };

export type EmulatedPrinter = {
  name: string;
  port: number;
  /** Tickets that printed through to the cut. */
  tickets: EmulatedTicket[];
  /** What printed before a connection broke off mid-ticket. */
  fragments: EmulatedTicket[];
  /** Resolves once `count` tickets have printed in all. */
  waitForTickets(count: number, timeoutMs?: number): Promise<EmulatedTicket[]>;
  setMode(mode: EmulatorMode): Promise<void>;
  stop(): Promise<void>;
};

export type EmulatorOptions = { port?: number; host?: string; name?: string; mode?: EmulatorMode; onTicket?: (ticket: EmulatedTicket) => void };

const now = () => performance.timeOrigin + performance.now();

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatedPrinter> {
  const name = options.name ?? 'Εκτυπωτής';
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();
  const tickets: EmulatedTicket[] = [];
  const fragments: EmulatedTicket[] = [];
  const waiters = new Set<() => void>();
  let mode: EmulatorMode = options.mode ?? 'normal';

  const printed = (ticket: ParsedTicket) => {
    const record = { ...ticket, printer: name, receivedAt: now() };
    tickets.push(record);
    options.onTicket?.(record);
    waiters.forEach((wake) => wake());
  };

  function accept(socket: net.Socket) {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'stall') return socket.pause();
    const dropping = mode === 'drop';
    const parser = createEscPosParser(printed);
    const keepFragment = () => {
      const rest = parser.end();
      if (rest) fragments.push({ ...rest, printer: name, receivedAt: now() });
    };
    socket.on('data', (chunk: Buffer) => {
      if (!dropping) return parser.feed(chunk);
      parser.feed(chunk.subarray(0, Math.floor(chunk.length / 2)));
      keepFragment();
      socket.resetAndDestroy();
    });
    // The sender's end of the job: like a real printer, close our side once it is all in.
    socket.once('end', () => {
      keepFragment();
      socket.end();
    });
  }

  const server = net.createServer(accept);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const port = mode === 'refuse' ? (options.port ?? 0) : await listen(options.port ?? 0);

  return {
    name,
    port,
    tickets,
    fragments,
    waitForTickets(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (tickets.length < count) return;
          done();
          resolve(tickets.slice(0, count));
        };
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name}: ${tickets.length} of ${count} tickets printed within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async setMode(next) {
      const wasListening = server.listening;
      mode = next;
      if (next === 'refuse' && wasListening) server.close();
      if (next !== 'refuse' && !wasListening) await listen(port);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
