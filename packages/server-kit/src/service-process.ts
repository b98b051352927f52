import fs from 'node:fs';
import type { Server } from 'node:net';
import { pathToFileURL } from 'node:url';

/** How a listening address reads in a log line: 0.0.0.0 is reachable as localhost. */
export const shownHost = (host: string) => (host === '0.0.0.0' ? 'localhost' : host);

/** Stops the service cleanly on SIGTERM (systemd) or SIGINT (Ctrl-C), then exits. */
export function stopOnSignals(stop: () => Promise<void>): void {
  const shutdown = () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/**
 * Runs `main` when `moduleUrl` is the program node was started with; a failed start exits 1 with its
 * reason. Node resolves symbolic links for the module's URL, and so does this for the program's path
 * (the image starts /opt/tavli/current/…, a link to the release).
 */
export function runIfEntryPoint(moduleUrl: string, main: () => Promise<void>): void {
  const program = process.argv[1] && fs.existsSync(process.argv[1]) ? fs.realpathSync(process.argv[1]) : undefined;
  if (!program || moduleUrl !== pathToFileURL(program).href) return;
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** Resolves with the port once the server listens (the system's pick when asked for port 0); rejects if it cannot. */
export async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the server has no address');
  return address.port;
}

type HttpServer = Server & { closeIdleConnections?: () => void; closeAllConnections?: () => void };

/** How often a closing server drops the keep-alive connections that its last answers left idle. */
const IDLE_SWEEP_MS = 25;

/**
 * Stops accepting, lets every request in flight finish and its answer go out (each connection is
 * closed as soon as it is idle), and resolves once the server is closed. Connections still busy
 * after `graceMs` are cut: a stuck client cannot hold a restart for ever.
 */
export function closeServer(server: HttpServer, graceMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections?.(), IDLE_SWEEP_MS);
    const cut = setTimeout(() => server.closeAllConnections?.(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections?.();
  });
}
