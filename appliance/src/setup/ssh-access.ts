import fs from 'node:fs';
import path from 'node:path';
import { ownerOnlyFolder } from '@tavli/server-kit/owner-only';

/** One OpenSSH public key on one line: its type, its base64 body and an optional comment. */
const PUBLIC_KEY = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/]{40,}={0,3}( [^\r\n]{0,200})?$/;

export const isSshPublicKey = (text: string) => PUBLIC_KEY.test(text);

/** DATA_DIR/ssh/authorized_keys: written by the setup wizard, read by the image's tavli-ssh.path as root. */
const keysFile = (dataDir: string) => path.join(dataDir, 'ssh', 'authorized_keys');

export function sshKeyCount(dataDir: string): number {
  const file = keysFile(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(isSshPublicKey).length : 0;
}

export function addSshKey(dataDir: string, key: string): void {
  ownerOnlyFolder(path.dirname(keysFile(dataDir)));
  fs.appendFileSync(keysFile(dataDir), `${key}\n`, { mode: 0o600 });
}
