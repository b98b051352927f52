import { describe, expect, it } from 'vitest';
import { apiContract, type Exchange } from './api-document.js';

const document = {
  openapi: '3.1.0',
  paths: {
    '/api/orders/{id}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
          404: { content: { 'application/json': { schema: { type: 'object', properties: { error: { properties: { code: { enum: ['not_found'] } } } } } } } },
        },
      },
    },
    '/api/orders/my': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'array' } } } } } } },
  },
  components: { schemas: { Order: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } } },
};
const json = new Headers({ 'content-type': 'application/json' });
const answer = (exchange: Partial<Exchange>): Exchange => ({
  method: 'GET',
  url: '/api/orders/7a1c1a5e-0f1e-4c57-9d4b-9b1f4bb0c2de',
  status: 200,
  headers: json,
  body: {},
  ...exchange,
});

describe('the API contract check', () => {
  const check = apiContract(document);

  it('allows a documented status whose body matches its schema, references and formats included', () => {
    expect(check(answer({ body: { id: '7a1c1a5e-0f1e-4c57-9d4b-9b1f4bb0c2de' } }))).toBeUndefined();
    expect(check(answer({ status: 404, body: { error: { code: 'not_found' } } }))).toBeUndefined();
  });

  it('names a status the operation does not document', () => {
    expect(check(answer({ status: 409, body: { error: { code: 'order_closed' } } }))).toMatch(/GET \/api\/orders\/\{id\} → 409: this status is not documented/);
  });

  it('names a body that does not match, and an error code the status does not list', () => {
    expect(check(answer({ body: { id: 'not-a-uuid' } }))).toMatch(/does not match the document: data\/id must match format "uuid"/);
    expect(check(answer({ status: 404, body: { error: { code: 'gone' } } }))).toMatch(/must be equal to one of the allowed values/);
  });

  it('matches a literal path before a templated one, and leaves undocumented paths alone', () => {
    expect(check(answer({ url: '/api/orders/my', body: [] }))).toBeUndefined();
    expect(check(answer({ url: '/waiter/index.html', status: 418 }))).toBeUndefined();
  });
});
