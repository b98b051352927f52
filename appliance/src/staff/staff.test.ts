import { beforeAll, describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';

type Staff = { id: number; username: string; full_name: string; role: string; is_active: boolean; assistant_ids: number[] };

describe('managing staff', () => {
  const app = withAppliance();
  let maria: string;
  let staff: Staff[];
  let kostasId: number;
  const idOf = (username: string) => staff.find((s) => s.username === username)!.id;
  const signIn = (username: string, pin: string) => app.call('POST', '/api/auth/login', { body: { username, pin } });
  const create = (body: Record<string, unknown>) => app.call('POST', '/api/waiters', { token: maria, body });
  const update = (id: number, body: Record<string, unknown>, token = maria) => app.call('PUT', `/api/waiters/${id}`, { token, body });

  beforeAll(async () => {
    maria = await app.login('maria');
    staff = (await app.call<Staff[]>('GET', '/api/waiters', { token: maria })).body;
  });

  it('lists every staff member with role and assistants but never a PIN or hash', async () => {
    expect(staff.map((s) => s.username).sort()).toEqual(['eleni', 'giorgos', 'maria', 'nikos']);
    expect(staff.find((s) => s.username === 'maria')).toMatchObject({ role: 'manager', is_active: true, assistant_ids: [] });
    expect(JSON.stringify(staff)).not.toMatch(/pin|hash/i);
  });

  it('refuses a waiter with 403 whatever they try', async () => {
    const nikos = await app.login('nikos');
    expect((await app.call('GET', '/api/waiters', { token: nikos })).status).toBe(403);
    const post = await app.call('POST', '/api/waiters', { token: nikos, body: { username: 'sneaky', full_name: 'S', role: 'manager', pin: '1234' } });
    expect(post.status).toBe(403);
    expect((await update(idOf('nikos'), { role: 'manager' }, nikos)).status).toBe(403);
  });

  it('adds a waiter with assistants who can then sign in with their PIN', async () => {
    const created = await create({ username: 'kostas', full_name: 'Κώστας Νικολάου', role: 'waiter', pin: '4321', assistant_ids: [idOf('eleni')] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      username: 'kostas',
      full_name: 'Κώστας Νικολάου',
      role: 'waiter',
      is_active: true,
      assistant_ids: [idOf('eleni')],
    });
    kostasId = created.body.id;
    expect((await signIn('kostas', '4321')).status).toBe(200);
    const listed = await app.call<Staff[]>('GET', '/api/waiters/', { token: maria });
    expect(listed.body.map((s) => s.username)).toContain('kostas');
  });

  it('answers 409 username_taken for a username already in use', async () => {
    const again = await create({ username: 'nikos', full_name: 'Άλλος Νίκος', role: 'waiter', pin: '1111' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('username_taken');
  });

  it('rejects malformed staff with 400: bad username, short PIN, unknown role', async () => {
    expect((await create({ username: 'Has Space', full_name: 'X', role: 'waiter', pin: '1234' })).status).toBe(400);
    expect((await create({ username: 'short', full_name: 'X', role: 'waiter', pin: '12' })).status).toBe(400);
    expect((await create({ username: 'chef', full_name: 'X', role: 'chef', pin: '1234' })).status).toBe(400);
  });

  it('does not let a manager create an admin or promote anyone to admin', async () => {
    const admin = await create({ username: 'boss', full_name: 'Αφεντικό', role: 'admin', pin: '9999' });
    expect(admin.status).toBe(403);
    expect((await update(idOf('giorgos'), { role: 'admin' })).status).toBe(403);
    expect((await signIn('boss', '9999')).status).toBe(401);
  });

  it('edits partially: a new name keeps the role, assistants replace the list', async () => {
    const id = idOf('giorgos');
    const renamed = await update(id, { full_name: 'Γιώργος Δ.', assistant_ids: [idOf('nikos'), idOf('eleni')] });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ full_name: 'Γιώργος Δ.', role: 'waiter', assistant_ids: [idOf('nikos'), idOf('eleni')].sort((a, b) => a - b) });
    const replaced = await update(id, { assistant_ids: [idOf('nikos')] });
    expect(replaced.body).toMatchObject({ full_name: 'Γιώργος Δ.', assistant_ids: [idOf('nikos')] });
  });

  it('refuses assistants that are unknown, the waiter themselves, or inactive', async () => {
    const id = idOf('eleni');
    for (const assistant_ids of [[99_999], [id]]) {
      const response = await update(id, { assistant_ids });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_assistants');
    }
  });

  it('resets a PIN: the old PIN stops working and the new one signs in', async () => {
    const reset = await update(idOf('eleni'), { pin: '5555' });
    expect(reset.status).toBe(200);
    expect(JSON.stringify(reset.body)).not.toMatch(/pin|hash/i);
    expect((await signIn('eleni', '8642')).status).toBe(401);
    expect((await signIn('eleni', '5555')).status).toBe(200);
    const { db } = app.appliance.ctx;
    const audit = db.all(
      db.q
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('entity', '=', 'user')
        .where('entity_id', '=', String(idOf('eleni'))),
    );
    expect(audit.map((row) => row.action)).toContain('user_pin_reset');
    expect(audit.map((row) => row.details).join()).not.toContain('5555');
  });

  it('deactivates softly: the user cannot sign in, their token stops working, and they list last', async () => {
    const kostas = (await signIn('kostas', '4321')).body.token as string;
    expect((await app.call('GET', '/api/auth/me', { token: kostas })).status).toBe(200);
    const removed = await app.call('DELETE', `/api/waiters/${kostasId}`, { token: maria });
    expect(removed).toMatchObject({ status: 200, body: { deleted: true } });
    expect((await app.call('GET', '/api/auth/me', { token: kostas })).status).toBe(401);
    expect((await signIn('kostas', '4321')).status).toBe(401);
    const listed = (await app.call<Staff[]>('GET', '/api/waiters', { token: maria })).body;
    expect(listed.at(-1)).toMatchObject({ id: kostasId, username: 'kostas', is_active: false });
    expect((await update(idOf('nikos'), { assistant_ids: [kostasId] })).status).toBe(400);
  });

  it('does not let anyone deactivate or demote themselves (409)', async () => {
    const self = idOf('maria');
    expect((await app.call('DELETE', `/api/waiters/${self}`, { token: maria })).status).toBe(409);
    expect((await update(self, { is_active: false })).status).toBe(409);
    const demote = await update(self, { role: 'waiter' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('cannot_demote_self');
    expect((await app.call('GET', '/api/auth/me', { token: maria })).body.role).toBe('manager');
  });

  it('answers 404 for staff that does not exist', async () => {
    expect((await update(99_999, { full_name: 'Κανείς' })).status).toBe(404);
    expect((await app.call('DELETE', '/api/waiters/99999', { token: maria })).status).toBe(404);
  });
});
