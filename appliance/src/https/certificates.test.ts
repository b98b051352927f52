import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { CA_LIFETIME_DAYS, createAuthority, issueServerCertificate, SERVER_LIFETIME_DAYS, type KeyAndCertificate } from './certificates.js';
import { loadOrCreateTls, tlsFolder } from './certificate-store.js';
import { keepCertificateCurrent, serveHttps } from './https-listener.js';
import { closeServer, listening } from '@tavli/server-kit/service-process';

const NOW = new Date('2026-12-04T10:00:00Z');
const DAY = 86_400_000;
const LAN = { hostname: 'taverna-pi', addresses: ['192.168.1.23', 'fe80::1%eth0', '127.0.0.1', '8.8.4.4', 'fd00::23'] };

const folders: string[] = [];
const dataFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-tls-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Whether a TLS client that trusts only `authority` accepts `server` for `servername` (OpenSSL checks the chain and the name constraints). */
async function handshake(authority: KeyAndCertificate, server: KeyAndCertificate, servername: string): Promise<string> {
  const listener = tls.createServer({ key: server.keyPem, cert: server.certPem }, (socket) => socket.end());
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as { port: number };
  try {
    return await new Promise<string>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port, servername, ca: authority.certPem }, () => {
        socket.end();
        resolve('trusted');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(`${error.code}: ${error.message}`));
    });
  } finally {
    listener.close();
  }
}

describe("the appliance's own certificate authority", () => {
  it('is a ten-year P-256 CA that may sign only server certificates, one level deep', async () => {
    const authority = await createAuthority(['taverna-pi'], NOW, 'Tavli taverna-pi');
    const ca = new X509Certificate(authority.certPem);
    expect(ca.ca).toBe(true);
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect((Date.parse(ca.validTo) - NOW.getTime()) / DAY).toBeCloseTo(CA_LIFETIME_DAYS, 0);
    expect(ca.verify(ca.publicKey)).toBe(true);
  });

  it('issues a server certificate for tavli.local, the host name and the LAN addresses, valid 397 days, for TLS servers only', async () => {
    const { authority, server } = await loadOrCreateTls(dataFolder(), LAN, NOW);
    const cert = new X509Certificate(server.certPem);
    expect(cert.subjectAltName).toBe(
      'DNS:tavli.local, DNS:taverna-pi, DNS:taverna-pi.local, IP Address:192.168.1.23, IP Address:FD00:0:0:0:0:0:0:23, IP Address:FE80:0:0:0:0:0:0:1',
    );
    expect(cert.ca).toBe(false);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(cert.checkIssued(new X509Certificate(authority.certPem))).toBe(true);
    expect((Date.parse(cert.validTo) - NOW.getTime()) / DAY).toBeCloseTo(SERVER_LIFETIME_DAYS, 0);
  });

  it('is trusted by a TLS client for its own names, and the name constraints stop it vouching for anything on the internet', async () => {
    const authority = await createAuthority(['taverna-pi'], new Date(), 'Tavli taverna-pi');
    const own = await issueServerCertificate(authority, { dns: ['tavli.local', 'taverna-pi'], ips: ['192.168.1.23'] }, new Date());
    expect(await handshake(authority, own, 'tavli.local')).toBe('trusted');
    expect(await handshake(authority, own, 'taverna-pi')).toBe('trusted');

    const bank = await issueServerCertificate(authority, { dns: ['www.bank.example'], ips: [] }, new Date());
    expect(await handshake(authority, bank, 'www.bank.example')).toMatch(/permitted subtree violation/);
    const publicAddress = await issueServerCertificate(authority, { dns: ['tavli.local'], ips: ['8.8.4.4'] }, new Date());
    expect(await handshake(authority, publicAddress, 'tavli.local')).toMatch(/permitted subtree violation/);
  });
});

describe('keeping the certificates in the data folder', () => {
  it('writes the private keys owner-only, whatever the umask, in an owner-only folder', async () => {
    const dataDir = dataFolder();
    const previous = process.umask(0o000);
    try {
      await loadOrCreateTls(dataDir, LAN, NOW);
    } finally {
      process.umask(previous);
    }
    const mode = (file: string) => fs.statSync(path.join(tlsFolder(dataDir), file)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    expect(mode('ca.key')).toBe(0o600);
    expect(mode('server.key')).toBe(0o600);
  });

  it('keeps the CA and the server certificate across restarts while nothing changed', async () => {
    const dataDir = dataFolder();
    const first = await loadOrCreateTls(dataDir, LAN, NOW);
    const again = await loadOrCreateTls(dataDir, LAN, new Date(NOW.getTime() + 30 * DAY));
    expect(again.reissued).toBe(false);
    expect(again.server.certPem).toBe(first.server.certPem);
    expect(again.authority.certPem).toBe(first.authority.certPem);
  });

  it('issues a new server certificate from the same CA when DHCP hands out another address', async () => {
    const dataDir = dataFolder();
    const first = await loadOrCreateTls(dataDir, LAN, NOW);
    const moved = await loadOrCreateTls(dataDir, { ...LAN, addresses: ['192.168.1.57'] }, NOW);
    expect(moved.reissued).toBe(true);
    expect(moved.authority.certPem).toBe(first.authority.certPem);
    expect(new X509Certificate(moved.server.certPem).subjectAltName).toContain('IP Address:192.168.1.57');
    expect(new X509Certificate(moved.server.certPem).subjectAltName).not.toContain('192.168.1.23');
  });

  it('renews the server certificate when a third of its life is left, not before', async () => {
    const dataDir = dataFolder();
    await loadOrCreateTls(dataDir, LAN, NOW);
    expect((await loadOrCreateTls(dataDir, LAN, new Date(NOW.getTime() + 260 * DAY))).reissued).toBe(false);
    const renewed = await loadOrCreateTls(dataDir, LAN, new Date(NOW.getTime() + 270 * DAY));
    expect(renewed.reissued).toBe(true);
    expect(Date.parse(new X509Certificate(renewed.server.certPem).validTo)).toBeGreaterThan(NOW.getTime() + 600 * DAY);
  });

  it('after a rename of the host, still names tavli.local and the addresses, but not the name the CA cannot vouch for', async () => {
    const dataDir = dataFolder();
    await loadOrCreateTls(dataDir, LAN, NOW);
    const renamed = await loadOrCreateTls(dataDir, { ...LAN, hostname: 'kitchen-box' }, NOW);
    const names = new X509Certificate(renamed.server.certPem).subjectAltName!;
    expect(names).toContain('DNS:tavli.local');
    expect(names).toContain('DNS:kitchen-box.local');
    expect(names).not.toMatch(/DNS:kitchen-box(,|$)/);
  });
});

describe('a running HTTPS server', () => {
  it('takes a new address’s certificate without a restart: the next connection is served with it', async () => {
    const dataDir = dataFolder();
    const material = await loadOrCreateTls(dataDir, LAN, new Date());
    const server = serveHttps(() => new Response('ok'), { port: 0, hostname: '127.0.0.1', tls: material });
    const port = await listening(server);
    let addresses = LAN.addresses;
    const stop = keepCertificateCurrent(server, dataDir, { network: () => ({ ...LAN, addresses }), everyMs: 20 });
    const servedNames = () =>
      new Promise<string>((resolve, reject) => {
        const socket = tls.connect({ host: '127.0.0.1', port, servername: 'tavli.local', ca: material.authority.certPem }, () => {
          resolve(socket.getPeerX509Certificate()?.subjectAltName ?? '');
          socket.end();
        });
        socket.on('error', reject);
      });
    try {
      expect(await servedNames()).toContain('IP Address:192.168.1.23');
      addresses = ['192.168.1.57'];
      await expect.poll(servedNames, { timeout: 3_000 }).toContain('IP Address:192.168.1.57');
    } finally {
      stop();
      await closeServer(server);
    }
  });
});
