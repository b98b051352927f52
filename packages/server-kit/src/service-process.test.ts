import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const built = pathToFileURL(path.resolve(import.meta.dirname, '../dist/service-process.js')).href;
let dir: string | undefined;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

describe('a service started as a program', () => {
  it('runs when started through a symbolic link to its release (the image’s /opt/tavli/current), and not when imported', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-entry-'));
    fs.mkdirSync(path.join(dir, 'releases', '1.0.0'), { recursive: true });
    const program = path.join(dir, 'releases', '1.0.0', 'main.mjs');
    fs.writeFileSync(
      program,
      `import { runIfEntryPoint } from ${JSON.stringify(built)};\nrunIfEntryPoint(import.meta.url, async () => console.log('started'));\n`,
    );
    fs.symlinkSync('releases/1.0.0', path.join(dir, 'current'));
    expect(execFileSync(process.execPath, [path.join(dir, 'current', 'main.mjs')], { encoding: 'utf8' })).toBe('started\n');
    const importer = path.join(dir, 'importer.mjs');
    fs.writeFileSync(importer, `await import(${JSON.stringify(pathToFileURL(program).href)});\n`);
    expect(execFileSync(process.execPath, [importer], { encoding: 'utf8' })).toBe('');
  });
});
