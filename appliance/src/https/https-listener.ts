import https from 'node:https';
import { serve } from '@hono/node-server';
import { loadOrCreateTls, type TlsMaterial } from './certificate-store.js';
import { currentNetwork, type Network } from './lan-names.js';

type Fetch = Parameters<typeof serve>[0]['fetch'];

/** How often the appliance looks for a new address (DHCP) or a certificate nearing its last third. */
const CHECK_EVERY_MS = 10 * 60_000;

/** The HTTPS server, on the same app as plain HTTP, with the certificate in DATA_DIR/tls. */
export function serveHttps(fetch: Fetch, options: { port: number; hostname: string; tls: TlsMaterial }): https.Server {
  return serve({
    fetch,
    port: options.port,
    hostname: options.hostname,
    createServer: https.createServer,
    serverOptions: { key: options.tls.server.keyPem, cert: options.tls.server.certPem },
  }) as https.Server;
}

/**
 * Looks every ten minutes whether the machine's names or addresses changed or the certificate is
 * in its last third, and if so swaps in a new one from the same CA without a restart: open
 * connections keep theirs, new ones get the new certificate, and no phone needs to join again.
 */
export function keepCertificateCurrent(
  server: https.Server,
  dataDir: string,
  { network = currentNetwork, everyMs = CHECK_EVERY_MS }: { network?: () => Network; everyMs?: number } = {},
): () => void {
  const check = async () => {
    try {
      const { server: certificate, reissued } = await loadOrCreateTls(dataDir, network(), new Date());
      if (!reissued) return;
      server.setSecureContext({ key: certificate.keyPem, cert: certificate.certPem });
      console.log('HTTPS: a new server certificate for the current names and addresses is in use');
    } catch (error) {
      console.error(`HTTPS: could not renew the server certificate: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
