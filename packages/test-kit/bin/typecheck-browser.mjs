#!/usr/bin/env node
// Type-checks a front end's browser code (tsconfig.json) and fails if any file it loads is Node's
// types or a server's source: browser code sees only compiled client declarations.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(`${process.cwd()}/`).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', process.argv[2] ?? 'tsconfig.json', '--noEmit', '--listFiles'], { encoding: 'utf8' });
const lines = result.stdout.split('\n');
const errors = lines.filter((line) => line.includes('error TS'));
const leaks = lines.filter((line) => /\/@types\/node\/|\/(appliance|licensing-cloud)\/src\//.test(line));
if (errors.length) console.error(errors.join('\n'));
if (leaks.length) console.error(`Browser code must not load Node's types or server source:\n${leaks.join('\n')}`);
process.exit(result.status !== 0 || errors.length || leaks.length ? 1 : 0);
