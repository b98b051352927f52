import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

describe('a manager approving a void or a cancellation on the waiter’s phone', () => {
  const app = withAppliance();
  let f: ReturnType<typeof factories>;
  let nikos: string;
  let maria: string;

  beforeAll(async () => {
    f = factories(app);
    [nikos, maria] = await Promise.all([app.login('nikos'), app.login('maria')]);
  });

  async function orderWithLine() {
    const order = await f.openOrder(nikos);
    const line = f.line((await f.productNamed('Μουσακάς')).id);
    expect((await f.addLines(nikos, order.id, [line])).status).toBe(201);
    return { orderId: order.id, lineId: line.id };
  }
  const voidAs = (token: string, orderId: string, lineId: string, body: object) =>
    app.call('DELETE', `/api/orders/${orderId}/items/${lineId}`, { token, body });

  it('refuses a waiter alone, and a wrong or a waiter’s PIN, with 403 that leaves the waiter signed in', async () => {
    const { orderId, lineId } = await orderWithLine();
    const alone = await voidAs(nikos, orderId, lineId, { reason: 'Λάθος' });
    expect(alone.status).toBe(403);
    expect(alone.body.error.code).toBe('forbidden');
    for (const approval of [
      { username: 'maria', pin: '0000' },
      { username: 'eleni', pin: '8642' },
      { username: 'nobody', pin: '1234' },
    ]) {
      const refused = await voidAs(nikos, orderId, lineId, { reason: 'Λάθος', approval });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('approval_refused');
    }
    expect((await app.call('GET', '/api/auth/me', { token: nikos })).status).toBe(200);
    expect((await app.call('GET', `/api/orders/${orderId}`, { token: nikos })).body.items[0].status).not.toBe('void');
  });

  it('voids under the manager’s name, with the waiter who asked in the audit log, and no session for the phone', async () => {
    const { orderId, lineId } = await orderWithLine();
    const voided = await voidAs(nikos, orderId, lineId, { reason: 'Ο πελάτης άλλαξε γνώμη', approval: { username: 'maria', pin: '2468' } });
    expect(voided.status).toBe(200);
    expect(voided.body.items.find((line: { id: string }) => line.id === lineId)).toMatchObject({ status: 'void', void_reason: 'Ο πελάτης άλλαξε γνώμη' });
    expect(JSON.stringify(voided.body)).not.toMatch(/token/);
    const [entry] = (await app.call('GET', '/api/audit?type=void', { token: maria })).body.entries;
    expect(entry).toMatchObject({
      user: { full_name: 'Μαρία Παπαδοπούλου' },
      details: { reason: 'Ο πελάτης άλλαξε γνώμη', requested_by: { full_name: 'Νίκος Γεωργίου' } },
    });
  });

  it('cancels a whole order the same way', async () => {
    const { orderId } = await orderWithLine();
    const cancelled = await app.call('DELETE', `/api/orders/${orderId}`, {
      token: nikos,
      body: { reason: 'Έφυγαν', approval: { username: 'maria', pin: '2468' } },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('counts wrong approval PINs like wrong sign-ins: the sixth is 429', async () => {
    const { orderId, lineId } = await orderWithLine();
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push((await voidAs(nikos, orderId, lineId, { reason: 'Χ', approval: { username: 'giorgos', pin: '0000' } })).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
  });
});
