import { call, client, type Ok } from '../../shared/api/client';

export type Admin = Ok<typeof client.api.auth.me.$get>;

export const login = (username: string, password: string, code?: string) =>
  call(client.api.auth.login.$post, { json: { username, password, ...(code ? { code } : {}) } }, 200);

export const logout = () => call(client.api.auth.logout.$post, {}, 200);
