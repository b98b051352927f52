import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Json = Record<string, unknown>;
type Running = { port: number; stop(): Promise<void> };

/** The API document exactly as a build publishes it at /api/openapi.json, from a throwaway server on loopback. */
export async function publishedApiDocument(start: (dataDir: string) => Promise<Running>): Promise<Json> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-openapi-'));
  const server = await start(dataDir);
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/openapi.json`);
    return (await response.json()) as Json;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The document as a file, in the form the repository keeps it. */
export const apiDocumentText = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/** One answer a test received: what it asked and what came back. */
export type Exchange = { method: string; url: string; status: number; headers: Headers; body: unknown };

type Operation = { pattern: RegExp; method: string; template: string; responses: Record<string, Json> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** `/api/orders/{id}/items` → a pattern matching `/api/orders/8d6…/items` */
const pathPattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);

/** Points a schema's `#/components/…` references at the document, which is registered under `document`. */
const anchored = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(anchored);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `document${value}` : anchored(value),
    ]),
  );
};

/**
 * Checks real answers against an OpenAPI 3.1 document: the status must be one the operation
 * documents, and a JSON body must match that status's schema (ajv, JSON Schema 2020-12). Paths
 * the document does not name (the apps, unknown routes) are not the document's business.
 */
export function apiContract(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'document', components: document.components });
  const operations: Operation[] = Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      template,
      method,
      pattern: pathPattern(template),
      responses: (item[method] as { responses: Record<string, Json> }).responses,
    })),
  );
  // Literal paths first: /api/orders/my is not /api/orders/{id}.
  operations.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  const validators = new Map<string, ValidateFunction>();

  /** What is wrong with this answer, or undefined when the document allows it. */
  return (exchange: Exchange): string | undefined => {
    const pathname = new URL(exchange.url, 'http://host').pathname.replace(/(.)\/$/, '$1');
    const operation = operations.find((candidate) => candidate.method === exchange.method.toLowerCase() && candidate.pattern.test(pathname));
    if (!operation) return undefined;
    const name = `${exchange.method} ${operation.template} → ${exchange.status}`;
    const response = operation.responses[String(exchange.status)];
    if (!response) return `${name}: this status is not documented (${JSON.stringify(exchange.body)?.slice(0, 200)})`;
    const content = response.content as Record<string, { schema?: Json }> | undefined;
    const schema = content?.['application/json']?.schema;
    // A compressed body is the compression test's business; its status is still checked.
    if (!schema || exchange.headers.has('content-encoding')) return undefined;
    const contentType = exchange.headers.get('content-type');
    if (!contentType?.startsWith('application/json')) return `${name}: answered ${contentType}, documented as JSON`;
    let validate = validators.get(name);
    if (!validate) {
      validate = ajv.compile(anchored(schema) as Json);
      validators.set(name, validate);
    }
    if (validate(exchange.body)) return undefined;
    return `${name}: the body does not match the document: ${ajv.errorsText(validate.errors)} (${JSON.stringify(exchange.body)?.slice(0, 300)})`;
  };
}

/**
 * The answers a test file's calls received, checked against the API document of the server that
 * gave them when the file stops that server: a status the operation does not document, or a body
 * its schema refuses, fails the file. Every suite's real requests are so a contract test.
 */
export function contractRecorder() {
  let exchanges: Exchange[] = [];
  let check: ((exchange: Exchange) => string | undefined) | undefined;
  return {
    record(exchange: Exchange): void {
      exchanges.push(exchange);
    },
    async verify(baseUrl: string): Promise<void> {
      if (!exchanges.length) return;
      check ??= apiContract((await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as Json);
      const problems = [...new Set(exchanges.map(check).filter((problem) => problem !== undefined))];
      exchanges = [];
      if (problems.length) throw new Error(`Answers that the API document does not allow:\n${problems.slice(0, 20).join('\n')}`);
    },
  };
}
