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
