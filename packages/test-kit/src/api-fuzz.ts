import { apiContract } from './api-document.js';
import { request } from './http-request.js';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema };
type Operation = { operationId?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses?: Schema };

/** One request the fuzzer made up, ready for `fetch`. */
export type FuzzRequest = { method: string; template: string; path: string; headers: Record<string, string>; body?: string };

export type FuzzOptions = {
  seed: number;
  /** Authorization values to pick from, including none and garbage ones. */
  credentials: Array<Record<string, string>>;
  /** Real values for a path parameter (`{id}` of `/api/orders/{id}`), so most requests reach real rows. */
  knownValues?: (template: string, parameter: string) => Array<string | number>;
  /** Body fields always given this value, wherever they appear (a printer's host and port: tests only reach loopback). */
  fixedFields?: Record<string, unknown>;
  /** operationIds left out (signing the run's own session out). */
  skip?: string[];
};

/** A small seeded generator, so a failing run can be repeated with its seed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  return { chance: (p: number) => next() < p, int: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)), pick };
}

const ODD_STRINGS = [
  '',
  ' ',
  'a'.repeat(5000),
  '\u0000\u001b@\u001bp\u0000',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  'Ωμέγα ΑΒΓ €',
  '😀'.repeat(40),
  '%00',
  '\ud800',
];
const ODD_NUMBERS = [0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER, 999999999999];
const ODD_VALUES = [null, true, [], {}, 'text', -1, ...ODD_NUMBERS.slice(3)];

/**
 * Requests made up from an OpenAPI 3.1 document: every operation, bodies and parameters that are
 * mostly valid for their schema with one thing often wrong (a boundary number, a wrong type, a
 * missing field, an odd string, broken JSON), with and without credentials.
 */
export function apiFuzzer(document: Schema, options: FuzzOptions) {
  const random = seeded(options.seed);
  const components = (document.components as { schemas?: Record<string, Schema> } | undefined)?.schemas ?? {};
  const resolve = (schema: Schema): Schema => (typeof schema.$ref === 'string' ? resolve(components[schema.$ref.split('/').pop()!] ?? {}) : schema);
  // Streams stay open: they have tests of their own.
  const streams = (operation: Operation) => JSON.stringify(operation.responses ?? {}).includes('text/event-stream');
  const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([, operation]) => !streams(operation) && !options.skip?.includes(operation.operationId ?? ''))
      .map(([method, operation]) => ({ template, method: method.toUpperCase(), operation })),
  );

  const odd = (): unknown => random.pick(ODD_VALUES);

  function value(input: Schema, depth = 0): unknown {
    const schema = resolve(input);
    if (random.chance(0.03) || depth > 6) return odd();
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum)) return random.chance(0.9) ? random.pick(schema.enum) : 'not-one-of-them';
    const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (variants) return value(random.pick(variants), depth + 1);
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
    const type = random.pick(types);
    switch (type) {
      case 'integer':
      case 'number': {
        const low = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -5;
        const high = typeof schema.maximum === 'number' ? Math.min(schema.maximum, low + 1000) : low + 1000;
        if (random.chance(0.1)) return random.pick([low - 1, high + 1, ...ODD_NUMBERS]);
        return random.int(low, Math.max(low, high));
      }
      case 'string': {
        if (random.chance(0.1)) return random.pick(ODD_STRINGS);
        if (schema.format === 'uuid') return crypto.randomUUID();
        if (schema.format === 'date-time') return new Date(Date.UTC(2026, random.int(0, 11), random.int(1, 28), random.int(0, 23))).toISOString();
        if (schema.format === 'date') return `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        if (schema.format === 'email') return `fuzz${random.int(0, 999)}@example.gr`;
        const length = random.int(
          typeof schema.minLength === 'number' ? schema.minLength : 1,
          Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 12, 24),
        );
        return Array.from({ length }, () => random.pick([...'abcxyzΑΒΓΔαβγδ0123456789 _-'])).join('');
      }
      case 'boolean':
        return random.chance(0.5);
      case 'null':
        return null;
      case 'array': {
        const count = random.int(
          typeof schema.minItems === 'number' ? schema.minItems : 0,
          Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 3, 4),
        );
        return Array.from({ length: count }, () => value((schema.items as Schema | undefined) ?? {}, depth + 1));
      }
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, Schema>;
        const required = new Set((schema.required as string[] | undefined) ?? []);
        const built: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(properties)) {
          if (!(required.has(name) ? random.chance(0.97) : random.chance(0.5))) continue;
          built[name] = options.fixedFields && name in options.fixedFields ? options.fixedFields[name] : value(property, depth + 1);
        }
        if (random.chance(0.05)) built.unexpected = odd();
        return built;
      }
      default:
        return odd();
    }
  }

  function pathValue(template: string, parameter: Parameter): string {
    const known = options.knownValues?.(template, parameter.name) ?? [];
    const chosen = known.length && random.chance(0.7) ? random.pick(known) : value(parameter.schema);
    try {
      return encodeURIComponent(String(chosen));
    } catch {
      return '%ED%A0%80'; // a lone surrogate, as the bytes a broken client would send
    }
  }

  /** The next made-up request. */
  return (): FuzzRequest => {
    const { template, method, operation } = random.pick(operations);
    const parameters = operation.parameters ?? [];
    let path = template;
    for (const parameter of parameters.filter((candidate) => candidate.in === 'path'))
      path = path.replace(`{${parameter.name}}`, pathValue(template, parameter));
    const query = new URLSearchParams();
    for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
      if (parameter.required || random.chance(0.5)) query.set(parameter.name, String(value(parameter.schema)));
    }
    const headers: Record<string, string> = { ...random.pick(options.credentials) };
    if (parameters.some((parameter) => parameter.name === 'Idempotency-Key') && random.chance(0.2)) {
      headers['Idempotency-Key'] = random.pick(['fuzz-key-1', 'fuzz-key-2', 'bad key!', 'x']);
    }
    const json = operation.requestBody?.content['application/json']?.schema;
    let body: string | undefined;
    if (operation.requestBody && (json || random.chance(0.5))) {
      headers['content-type'] = random.chance(0.95) ? 'application/json' : random.pick(['text/plain', 'multipart/form-data; boundary=x', 'application/xml']);
      body = random.chance(0.04) ? random.pick(['{"unterminated": ', 'null', '[]', '"text"', '\u0000']) : JSON.stringify(value(json ?? {}));
    }
    const search = query.size ? `?${query.toString()}` : '';
    return { method, template, path: `${path}${search}`, headers, body };
  };
}

export type FuzzReport = { problems: string[]; statuses: Record<number, number> };

/**
 * Sends `requests` made-up requests (a few at once) to the service at `baseUrl` and checks each
 * answer: below 500, with a status its document gives that operation and a body that matches.
 * Answers the distinct problems, each with the request that caused it, and the count of each status.
 */
export async function fuzzApi(baseUrl: string, document: Schema, options: FuzzOptions & { requests: number; atOnce?: number }): Promise<FuzzReport> {
  const next = apiFuzzer(document, options);
  const check = apiContract(document);
  const problems = new Set<string>();
  const statuses: Record<number, number> = {};
  const send = async (made: FuzzRequest) => {
    const answer = await request(`${baseUrl}${made.path}`, { method: made.method, headers: made.headers, body: made.body });
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    let body: unknown = answer.body;
    try {
      body = answer.body ? JSON.parse(answer.body) : undefined;
    } catch {
      // Checked as text: a JSON schema refuses it.
    }
    const problem =
      answer.status >= 500
        ? `${made.method} ${made.template} → ${answer.status}: ${answer.body.slice(0, 300)}`
        : check({ method: made.method, url: made.path, status: answer.status, headers: answer.headers, body });
    if (problem) problems.add(`${problem}\n    sent: ${made.method} ${made.path} ${made.body?.slice(0, 300) ?? ''}`);
  };
  const atOnce = options.atOnce ?? 4;
  for (let sent = 0; sent < options.requests; sent += atOnce) {
    await Promise.all(Array.from({ length: Math.min(atOnce, options.requests - sent) }, () => send(next())));
  }
  return { problems: [...problems], statuses };
}
