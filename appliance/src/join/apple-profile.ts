import crypto from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** A UUID that stays the same for the same CA: reinstalling the profile replaces it instead of adding a second. */
const stableUuid = (seed: string) => {
  const hex = crypto.createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
};

const xml = (text: string) => text.replace(/[<>&]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * An iOS/iPadOS configuration profile that installs the appliance's CA (com.apple.security.root).
 * Unsigned: iOS shows it as "Not verified", which is honest for a certificate made on the premises.
 */
export function appleProfile(authorityPem: string, displayName: string): string {
  const der = Buffer.from(new x509.X509Certificate(authorityPem).rawData).toString('base64');
  const id = crypto.createHash('sha256').update(der).digest('hex').slice(0, 16);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadCertificateFileName</key><string>tavli-ca.cer</string>
      <key>PayloadContent</key><data>${der}</data>
      <key>PayloadDisplayName</key><string>${xml(displayName)}</string>
      <key>PayloadIdentifier</key><string>local.tavli.ca.${id}</string>
      <key>PayloadType</key><string>com.apple.security.root</string>
      <key>PayloadUUID</key><string>${stableUuid(`ca:${id}`)}</string>
      <key>PayloadVersion</key><integer>1</integer>
    </dict>
  </array>
  <key>PayloadDisplayName</key><string>${xml(displayName)}</string>
  <key>PayloadIdentifier</key><string>local.tavli.profile.${id}</string>
  <key>PayloadOrganization</key><string>Tavli</string>
  <key>PayloadType</key><string>Configuration</string>
  <key>PayloadUUID</key><string>${stableUuid(`profile:${id}`)}</string>
  <key>PayloadVersion</key><integer>1</integer>
</dict>
</plist>
`;
}
