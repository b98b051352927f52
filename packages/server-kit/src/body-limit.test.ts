import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitBody } from './body-limit.js';
import { createErrorHandler } from './error-handler.js';

const LIMIT = 64 * 1024;

/** One raw HTTP/1.1 request with a declared body, and whatever comes back before the socket ends. */
function send(port: number, headers: string[], body: Buffer): Promise<{ answer: string; reset: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let reset = false;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {
      reset = true;
    });
    socket.on('close', () => resolve({ answer: Buffer.concat(chunks).toString('latin1'), reset }));
    socket.write([`POST /echo HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json', ...headers, '', ''].join('\r\n'));
    socket.end(body);
  });
}

describe('a body over the limit', () => {
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    const app = new Hono();
    app.onError(createErrorHandler('in the test'));
    app.use('*', limitBody(LIMIT));
    app.post('/echo', async (c) => c.json({ length: (await c.req.arrayBuffer()).byteLength }));
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is answered 413 in full before the connection closes, also with Connection: close', async () => {
    const body = Buffer.alloc(8 * 1024 * 1024, 'x');
    const answers = [];
    for (let attempt = 0; attempt < 40; attempt++) answers.push(await send(port, [`Content-Length: ${body.length}`, 'Connection: close'], body));
    expect(answers.filter(({ answer }) => !answer.startsWith('HTTP/1.1 413 ')).length).toBe(0);
    expect(answers.filter(({ reset }) => reset).length).toBe(0);
    expect(answers[0]!.answer).toContain('"code":"payload_too_large"');
  });

  it('is answered 413 on a keep-alive connection too', async () => {
    const body = Buffer.alloc(1024 * 1024, 'x');
    const { answer } = await send(port, [`Content-Length: ${body.length}`, 'Connection: keep-alive'], body);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"payload_too_large"');
  });

  it('is answered 413 also when it comes in chunks, without a declared length', async () => {
    const chunked = (size: number) => Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), Buffer.alloc(size, 'z'), Buffer.from('\r\n0\r\n\r\n')]);
    const answers = [];
    for (let attempt = 0; attempt < 20; attempt++)
      answers.push(await send(port, ['Transfer-Encoding: chunked', 'Connection: close'], chunked(4 * 1024 * 1024)));
    expect(answers.filter(({ answer }) => !answer.startsWith('HTTP/1.1 413 ')).length).toBe(0);
  });

  it('still lets a body within the limit through', async () => {
    const { answer } = await send(port, ['Content-Length: 1000', 'Connection: close'], Buffer.alloc(1000, 'y'));
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"length":1000}');
  });
});
