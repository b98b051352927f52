// Ed25519 signatures of release tarballs (Node's own crypto; no dependency, so it runs on the
// appliance from the release's bin/ as well as on a build machine):
//   node release-signature.mjs keygen DIR                  writes DIR/update-signing.key (keep it offline) and DIR/update-signing.pub
//   node release-signature.mjs sign KEY FILE               prints FILE's signature (base64)
//   node release-signature.mjs verify PUB FILE SIGNATURE   exits 0 only if SIGNATURE (a file) is KEY's over FILE
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [command, ...args] = process.argv.slice(2);

switch (command) {
  case 'keygen': {
    const [dir] = args;
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'update-signing.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    fs.writeFileSync(path.join(dir, 'update-signing.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    break;
  }
  case 'sign': {
    const [key, file] = args;
    process.stdout.write(crypto.sign(null, fs.readFileSync(file), fs.readFileSync(key)).toString('base64') + '\n');
    break;
  }
  case 'verify': {
    const [publicKey, file, signature] = args;
    const valid = () => {
      try {
        const bytes = new Uint8Array(Buffer.from(fs.readFileSync(signature, 'utf8').trim(), 'base64'));
        return crypto.verify(null, fs.readFileSync(file), fs.readFileSync(publicKey), bytes);
      } catch {
        return false;
      }
    };
    process.exitCode = valid() ? 0 : 1;
    break;
  }
  default:
    console.error('usage: release-signature.mjs keygen DIR | sign KEY FILE | verify PUB FILE SIGNATURE');
    process.exitCode = 2;
}
