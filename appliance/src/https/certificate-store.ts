import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { ownerOnlyFolder } from '@tavli/server-kit/owner-only';
import {
  createAuthority,
  dnsNamePermitted,
  issueServerCertificate,
  namesOf,
  permittedDnsNames,
  type KeyAndCertificate,
  type ServerNames,
} from './certificates.js';
import { hostNames, wantedNames, type Network } from './lan-names.js';

/** The CA and the server certificate it signed, as kept in DATA_DIR/tls. */
export type TlsMaterial = { authority: KeyAndCertificate; server: KeyAndCertificate };

const FILES = { caKey: 'ca.key', caCert: 'ca.crt', serverKey: 'server.key', serverCert: 'server.crt' };

export const tlsFolder = (dataDir: string) => path.join(dataDir, 'tls');

/**
 * The appliance's TLS material, created on first start and kept: the CA once (phones trust it for
 * ten years), the server certificate again whenever it no longer names the machine's current
 * names and addresses or has less than a third of its life left. `reissued` says whether the
 * server certificate is new.
 */
export async function loadOrCreateTls(dataDir: string, network: Network, now: Date): Promise<TlsMaterial & { reissued: boolean }> {
  const dir = ownerOnlyFolder(tlsFolder(dataDir));
  const authority = read(dir, FILES.caKey, FILES.caCert) ?? (await createAndSaveAuthority(dir, network, now));
  const wanted = namesWithin(wantedNames(network), permittedDnsNames(authority.certPem));
  const current = read(dir, FILES.serverKey, FILES.serverCert);
  if (current && !needsReissue(current.certPem, wanted, now)) return { authority, server: current, reissued: false };
  const server = await issueServerCertificate(authority, wanted, now);
  save(dir, FILES.serverKey, FILES.serverCert, server);
  return { authority, server, reissued: true };
}

/** A new server certificate is due when its names changed, or a third of its lifetime (or less) is left. */
export function needsReissue(certPem: string, wanted: ServerNames, now: Date): boolean {
  const cert = new x509.X509Certificate(certPem);
  const lifetime = cert.notAfter.getTime() - cert.notBefore.getTime();
  if (now < cert.notBefore || cert.notAfter.getTime() - now.getTime() < lifetime / 3) return true;
  const names = namesOf(certPem);
  return !sameList(names.dns, wanted.dns) || !sameList([...names.ips].sort(), wanted.ips);
}

/** A host renamed after the CA was made keeps tavli.local and its addresses; the new name would break the chain. */
function namesWithin(names: ServerNames, permitted: string[]): ServerNames {
  return { ...names, dns: names.dns.filter((name) => dnsNamePermitted(name, permitted)) };
}

async function createAndSaveAuthority(dir: string, network: Network, now: Date): Promise<KeyAndCertificate> {
  const label = `Tavli ${network.hostname}`.slice(0, 60);
  const authority = await createAuthority(hostNames(network.hostname), now, label);
  save(dir, FILES.caKey, FILES.caCert, authority);
  return authority;
}

function read(dir: string, keyFile: string, certFile: string): KeyAndCertificate | undefined {
  try {
    return { keyPem: fs.readFileSync(path.join(dir, keyFile), 'utf8'), certPem: fs.readFileSync(path.join(dir, certFile), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Key first, then certificate, each written whole (temp file, then rename); keys owner-only whatever the umask. */
function save(dir: string, keyFile: string, certFile: string, material: KeyAndCertificate): void {
  writeWhole(path.join(dir, keyFile), material.keyPem, 0o600);
  writeWhole(path.join(dir, certFile), material.certPem, 0o644);
}

function writeWhole(file: string, content: string, mode: number): void {
  const temporary = `${file}.tmp`;
  const fd = fs.openSync(temporary, 'w', mode);
  try {
    fs.fchmodSync(fd, mode);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
