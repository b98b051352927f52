import { call, client, type Ok } from '../../shared/api/client';

export type Table = Ok<typeof client.api.tables.$get>[number];

export const fetchTables = () => call(client.api.tables.$get, {}, 200);
