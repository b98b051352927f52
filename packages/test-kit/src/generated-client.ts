import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const STRICT = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node'];

/**
 * What an integrator does with an API document: generate types from it (openapi-typescript),
 * write `script` against them with openapi-fetch (it imports `paths` from './api.mjs'), compile
 * both with `tsc --strict`, and run the script with `args`. Answers what it printed; a compile
 * error or a failed run throws with the compiler's or the script's words.
 */
export async function runGeneratedClient(options: { projectDir: string; documentFile: string; script: string; args: string[] }): Promise<string> {
  // Inside the project's node_modules (which a workspace whose dependencies were all hoisted lacks),
  // so the script finds openapi-fetch as an integrator's project would.
  const modules = path.join(options.projectDir, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  const folder = fs.mkdtempSync(path.join(modules, '.generated-client-'));
  try {
    fs.writeFileSync(path.join(folder, 'api.mts'), astToString(await openapiTS(fs.readFileSync(options.documentFile, 'utf8'))));
    const script = path.join(folder, 'script.mts');
    fs.writeFileSync(script, options.script);
    await run(process.execPath, [TSC, ...STRICT, script], { cwd: folder }).catch((error: { stdout: string }) => {
      throw new Error(`the generated client does not compile:\n${error.stdout}`);
    });
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...options.args], { cwd: options.projectDir });
    return stdout;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
