import { queryOptions } from '@tanstack/react-query';
import { call, client, type Ok } from '../../shared/api/client';
import { unwrap } from '../../shared/api/queries';

export type StaffMember = Ok<typeof client.api.waiters.$get>[number];

export const staffQuery = queryOptions({ queryKey: ['staff'], queryFn: () => unwrap(call(client.api.waiters.$get, {}, 200)) });
