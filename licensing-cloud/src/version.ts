import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package's version; package.json sits one folder above both src/ and dist/. */
export const cloudVersion: string = (require('../package.json') as { version: string }).version;
