import net from 'node:net';

/** Whether something already listens on `port` (on any address), found by trying to listen there. */
const taken = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    probe.listen(port, () => probe.close(() => resolve(false)));
  });

/**
 * For `npm start`: stops at once, in one sentence, when a port the demo needs is taken (another
 * demo still running, a dev server), naming the variable that moves it.
 */
export async function requireFreePorts(ports: Array<{ port: number; variable: string }>): Promise<void> {
  for (const { port, variable } of ports) {
    if (port === 0 || !(await taken(port))) continue;
    console.error(`port ${port} is in use: set ${variable} to a free port (e.g. ${variable}=${port + 10} npm start), or stop what is using it`);
    process.exit(1);
  }
}
