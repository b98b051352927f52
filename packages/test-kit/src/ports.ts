import net from 'node:net';

/** A free port on the loopback interface (the kernel picks it, and it is released for the caller): never 9100/9101, which belong to printers. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
