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

/** Runs `main` when `moduleUrl` is the program node was started with; a failed start exits 1 with its reason. */
export function runIfEntryPoint(moduleUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
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

/** Stops accepting, drops idle and open connections, and resolves once the server is closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function') server.closeAllConnections();
  });
}
