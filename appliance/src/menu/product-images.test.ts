import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { withAppliance } from '../test/harness.js';
import { MAX_IMAGE_BYTES } from './product-images.js';

/** A complete 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');

/** A multipart body as a browser would send it. */
async function multipart(fields: Record<string, string | { bytes: Buffer; type: string; name: string }>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.name);
  }
  const encoded = new Response(form);
  return { raw: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } };
}

describe('dish pictures', () => {
  const app = withAppliance();
  let maria: string;
  let productId: number;

  const upload = async (bytes: Buffer, type = 'image/png', token = maria) =>
    app.call('POST', `/api/products/${productId}/image`, { token, ...(await multipart({ image: { bytes, type, name: 'dish.png' } })) });

  beforeAll(async () => {
    maria = await app.login('maria');
    const menu = await app.call<Array<{ id: number; name: string }>>('GET', '/api/products', { token: maria });
    productId = menu.body.find((p) => p.name === 'Χωριάτικη')!.id;
  });

  it('shows an uploaded PNG to every phone at the image_url of the dish, redrawn as a WebP', async () => {
    const response = await upload(PNG);
    expect(response.status).toBe(200);
    expect(response.body.image_url).toMatch(/^\/images\/[0-9a-f]{32}\.webp$/);
    const served = await fetch(`${app.url}${response.body.image_url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 1, height: 1 });
    const menu = await app.call('GET', '/api/products', { token: await app.login('nikos') });
    expect(menu.body.find((p: { id: number }) => p.id === productId).image_url).toBe(response.body.image_url);
    const { db } = app.appliance.ctx;
    expect(db.first(db.q.selectFrom('audit_log').select('action').where('action', '=', 'product_image_set'))).toBeDefined();
  });

  it('accepts a new dish with its picture in one multipart request', async () => {
    const categories = await app.call('GET', '/api/products/categories', { token: maria });
    const data = JSON.stringify({ name: 'Μπουγιουρντί', category_id: categories.body[0].id, price_cents: 750 });
    const response = await app.call('POST', '/api/products', {
      token: maria,
      ...(await multipart({ data, image: { bytes: PNG, type: 'image/png', name: 'b.png' } })),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Μπουγιουρντί', price_cents: 750, image_url: expect.stringMatching(/\.webp$/) });
  });

  it('never stores or serves the uploaded bytes: a picture that is also a web page loses the page, and a large one is scaled down', async () => {
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#3a7d44' } })
      .jpeg()
      .toBuffer();
    const polyglot = Buffer.concat([photo, Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const response = await upload(polyglot, 'image/jpeg');
    expect(response.status).toBe(200);
    const served = Buffer.from(await (await fetch(`${app.url}${response.body.image_url}`)).arrayBuffer());
    expect(served.includes('<script>')).toBe(false);
    expect(await sharp(served).metadata()).toMatchObject({ format: 'webp', width: 1024, height: 683 });
  });

  it('refuses a small file that claims a huge picture (a decompression bomb) with 413 before decoding it', async () => {
    const bomb = await sharp({ create: { width: 6000, height: 5000, channels: 3, background: '#000000' } })
      .png({ compressionLevel: 9, palette: true })
      .toBuffer();
    expect(bomb.length).toBeLessThan(MAX_IMAGE_BYTES);
    const response = await upload(bomb);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('image_too_large');
  });

  it('refuses multipart product data that is not a valid product with 400', async () => {
    for (const data of ['{not json', JSON.stringify({ name: 'Χωρίς τιμή' })]) {
      const response = await app.call('POST', '/api/products', { token: maria, ...(await multipart({ data })) });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
    }
  });

  it('gives the large limit to pictures only: a JSON product of 1 MB is refused 413 like any other JSON body', async () => {
    const categories = await app.call('GET', '/api/products/categories', { token: maria });
    const product = { name: 'Μεγάλη περιγραφή', category_id: categories.body[0].id, price_cents: 500 };
    const padded = JSON.stringify({ ...product, description: 'α'.repeat(512 * 1024) });
    const json = await app.call('POST', '/api/products', { token: maria, raw: padded, headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(413);
    expect(json.body.error.code).toBe('payload_too_large');
    const picture = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const form = await app.call('POST', '/api/products', {
      token: maria,
      ...(await multipart({ data: JSON.stringify(product), image: { bytes: picture, type: 'image/png', name: 'big.png' } })),
    });
    expect(form.status).toBe(201);
  });

  it('refuses a GIF posing as a PNG with 422, judging by its content', async () => {
    const response = await upload(GIF, 'image/png');
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('unsupported_image_type');
  });

  it('refuses a picture over 2 MB with 413', async () => {
    const response = await upload(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('image_too_large');
  });

  it('lets only managers set a picture, and asks for a file', async () => {
    expect((await upload(PNG, 'image/png', await app.login('nikos'))).status).toBe(403);
    const noFile = await app.call('POST', `/api/products/${productId}/image`, { token: maria, ...(await multipart({ image: 'not a file' })) });
    expect(noFile.status).toBe(400);
  });
});
