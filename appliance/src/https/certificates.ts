import { webcrypto } from 'node:crypto';
import { GeneralName, GeneralSubtree, GeneralSubtrees, NameConstraints, id_ce_nameConstraints } from '@peculiar/asn1-x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as x509 from '@peculiar/x509';

const crypto = webcrypto as unknown as Crypto;
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

export const CA_LIFETIME_DAYS = 3_650;
/** Apple refuses server certificates valid longer than 825 days even from a user-trusted CA; 397 is the public rule. */
export const SERVER_LIFETIME_DAYS = 397;
/** Phones whose clocks run a little behind still accept a certificate issued a moment ago. */
const BACKDATE_MS = 3_600_000;

/** The private address ranges the CA may ever vouch for: it can never sign for a public address. */
export const PERMITTED_IP_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', 'fc00::/7', 'fe80::/10'];

/** The names a server certificate carries: DNS names (tavli.local first) and IP addresses. */
export type ServerNames = { dns: string[]; ips: string[] };

export type KeyAndCertificate = { keyPem: string; certPem: string };

/**
 * The appliance's own certificate authority: ECDSA P-256, ten years, and name-constrained to
 * `.local` names, the names given (the host name at creation) and private addresses, so that a
 * phone trusting it trusts nothing on the internet.
 */
export async function createAuthority(permittedDns: string[], now: Date, label: string): Promise<KeyAndCertificate> {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const constraints = new NameConstraints({
    permittedSubtrees: new GeneralSubtrees([
      ...unique(['local', ...permittedDns]).map((dNSName) => new GeneralSubtree({ base: new GeneralName({ dNSName }) })),
      ...PERMITTED_IP_RANGES.map((iPAddress) => new GeneralSubtree({ base: new GeneralName({ iPAddress }) })),
    ]),
  });
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: `CN=${label}, O=Tavli`,
      keys,
      notBefore: new Date(now.getTime() - BACKDATE_MS),
      notAfter: new Date(now.getTime() + CA_LIFETIME_DAYS * DAY_MS),
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        new x509.Extension(id_ce_nameConstraints, true, AsnConvert.serialize(constraints)),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { keyPem: await privateKeyPem(keys.privateKey), certPem: cert.toString('pem') };
}

/** A server certificate for `names`, signed by the authority, valid SERVER_LIFETIME_DAYS. */
export async function issueServerCertificate(authority: KeyAndCertificate, names: ServerNames, now: Date): Promise<KeyAndCertificate> {
  const ca = new x509.X509Certificate(authority.certPem);
  const caKey = await crypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(authority.keyPem), EC, false, ['sign']);
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create(
    {
      subject: `CN=${names.dns[0]}`,
      issuer: ca.subject,
      publicKey: keys.publicKey,
      signingKey: caKey,
      notBefore: new Date(now.getTime() - BACKDATE_MS),
      notAfter: new Date(now.getTime() + SERVER_LIFETIME_DAYS * DAY_MS),
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([
          ...names.dns.map((value) => ({ type: 'dns' as const, value })),
          ...names.ips.map((value) => ({ type: 'ip' as const, value })),
        ]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(ca, false, crypto),
      ],
    },
    crypto,
  );
  return { keyPem: await privateKeyPem(keys.privateKey), certPem: cert.toString('pem') };
}

/** The DNS names the authority's name constraints permit (what a reissue may still name). */
export function permittedDnsNames(authorityPem: string): string[] {
  const extension = new x509.X509Certificate(authorityPem).getExtension(id_ce_nameConstraints);
  if (!extension) return [];
  const constraints = AsnConvert.parse(extension.value, NameConstraints);
  return (constraints.permittedSubtrees ?? []).flatMap((subtree) => (subtree.base.dNSName ? [subtree.base.dNSName] : []));
}

/** True when `name` is one of `permitted` or below one of them (RFC 5280 dNSName constraints). */
export const dnsNamePermitted = (name: string, permitted: string[]) => permitted.some((base) => name === base || name.endsWith(`.${base}`));

/** The SANs a certificate carries, in the same form as ServerNames. */
export function namesOf(certPem: string): ServerNames {
  const san = new x509.X509Certificate(certPem).getExtension(x509.SubjectAlternativeNameExtension);
  const items = san?.names.items ?? [];
  return { dns: items.filter((n) => n.type === 'dns').map((n) => n.value), ips: items.filter((n) => n.type === 'ip').map((n) => n.value) };
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** The CA's common name, as phones list it in their settings. */
export const authorityName = (authorityPem: string) => new x509.X509Certificate(authorityPem).subjectName.getField('CN')[0] ?? 'Tavli';
