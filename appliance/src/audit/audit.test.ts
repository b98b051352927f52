import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

type Entry = {
  id: number;
  at: string;
  action: string;
  user: { id: number; full_name: string } | null;
  address: string | null;
  details: Record<string, unknown>;
};

describe('the audit log', () => {
  const app = withAppliance();
  let f: ReturnType<typeof factories>;
  let maria: string;
  let nikos: string;
  const page = async (query: string, token = maria) => app.call('GET', `/api/audit${query}`, { token });
  const entries = async (query: string): Promise<Entry[]> => (await page(query)).body.entries;

  beforeAll(async () => {
    f = factories(app);
    maria = await app.login('maria');
    nikos = await app.login('nikos');
    await app.call('POST', '/api/auth/login', { body: { username: 'eleni', pin: '0000' } });
    const order = await f.openOrder(nikos);
    const line = f.line((await f.productNamed('Τζατζίκι')).id);
    await f.addLines(nikos, order.id, [line]);
    expect((await app.call('DELETE', `/api/orders/${order.id}/items/${line.id}`, { token: maria, body: { reason: 'Λάθος τραπέζι' } })).status).toBe(200);
    const product = await f.productNamed('Μουσακάς');
    expect((await app.call('PUT', `/api/products/${product.id}`, { token: maria, body: { price_cents: 1350 } })).status).toBe(200);
  });

  it('shows failed and successful sign-ins with who, when and from which address', async () => {
    const [failed] = await entries('?type=login_failed');
    expect(failed).toMatchObject({ action: 'login_failed', user: { full_name: 'Ελένη Κωνσταντίνου' }, address: '127.0.0.1', details: { username: 'eleni' } });
    expect(Date.now() - Date.parse(failed!.at)).toBeLessThan(60_000);
    const logins = await entries('?type=login');
    expect(logins.map((entry) => entry.user?.full_name)).toEqual(expect.arrayContaining(['Μαρία Παπαδοπούλου', 'Νίκος Γεωργίου']));
  });

  it('shows a void with its reason and a price change with the old and new price, under the manager who did them', async () => {
    const [voided] = await entries('?type=void');
    expect(voided).toMatchObject({
      user: { full_name: 'Μαρία Παπαδοπούλου' },
      address: '127.0.0.1',
      details: expect.objectContaining({ reason: 'Λάθος τραπέζι' }),
    });
    const changes = JSON.stringify(await entries('?type=product_updated'));
    expect(changes).toContain('1350');
  });

  it('filters by person and pages newest first without gaps or repeats', async () => {
    const me = (await app.call('GET', '/api/auth/me', { token: nikos })).body;
    const nikosOnly = await entries(`?user_id=${me.id}`);
    expect(nikosOnly.length).toBeGreaterThan(0);
    expect(nikosOnly.every((entry) => entry.user?.id === me.id)).toBe(true);

    const all = await entries('?limit=200');
    const paged: Entry[] = [];
    let cursor: string | null = null;
    do {
      const response = await page(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      paged.push(...response.body.entries);
      cursor = response.body.next_cursor;
    } while (cursor);
    expect(paged.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
    expect(all.map((entry) => entry.id)).toEqual([...all.map((entry) => entry.id)].sort((a, b) => b - a));
  });

  it('takes a date range in the restaurant’s business days', async () => {
    expect(await entries('?from=2020-01-01&to=2020-01-02')).toEqual([]);
    expect((await entries(`?from=${new Date(Date.now() - 3_600_000).toISOString()}`)).length).toBeGreaterThan(3);
  });

  it('is for managers, and answers 400 for a cursor or a date it cannot read', async () => {
    expect((await page('', nikos)).status).toBe(403);
    expect((await page('?cursor=bm9wZQ')).body.error.code).toBe('invalid_cursor');
    expect((await page('?from=yesterday')).body.error.code).toBe('invalid_date');
    expect((await page('?type=DROP%20TABLE')).status).toBe(400);
  });
});
