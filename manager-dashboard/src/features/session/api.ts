import { call, client, type Ok } from '../../shared/api/client';

export type StaffMember = Ok<typeof client.api.auth.staff.$get>[number];
export type User = Ok<typeof client.api.auth.login.$post>['user'];

/** Only managers and admins are offered on this screen; the appliance refuses anyone else (min_role). */
export const fetchManagers = async () => {
  const result = await call(client.api.auth.staff.$get, {}, 200);
  return result.ok ? { ...result, data: result.data.filter((member) => member.role !== 'waiter') } : result;
};

export const login = (username: string, pin: string) => call(client.api.auth.login.$post, { json: { username, pin, min_role: 'manager' } }, 200);

export const refresh = () => call(client.api.auth.refresh.$post, {}, 200);
