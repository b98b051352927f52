import { call, client, type Ok } from '../../shared/api/client';

export type StaffMember = Ok<typeof client.api.auth.staff.$get>[number];
export type SignedIn = Ok<typeof client.api.auth.login.$post>;
export type User = SignedIn['user'];

export const fetchStaff = () => call(client.api.auth.staff.$get, {}, 200);

export const login = (username: string, pin: string) => call(client.api.auth.login.$post, { json: { username, pin } }, 200);
