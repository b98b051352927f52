import { queryOptions, useQuery } from '@tanstack/react-query';
import { call, client, type Ok } from '../../shared/api/client';
import { unwrap } from '../../shared/api/queries';

export type Settings = Ok<typeof client.api.settings.$get>;
export type License = Ok<typeof client.api.system.license.$get>;

export const settingsQuery = queryOptions({ queryKey: ['settings'], queryFn: () => unwrap(call(client.api.settings.$get, {}, 200)) });
export const licenseQuery = queryOptions({ queryKey: ['license'], queryFn: () => unwrap(call(client.api.system.license.$get, {}, 200)) });

/** Fails with https_off (not retried) when the appliance serves no HTTPS. */
export const joinQuery = queryOptions({ queryKey: ['join'], queryFn: () => unwrap(call(client.api.join.$get, {}, 200)), retry: false });

/** Not kept live by events: asked again whenever the screen opens. */
export const backupsQuery = queryOptions({
  queryKey: ['backups'],
  queryFn: () => unwrap(call(client.api.system.backups.$get, {}, 200)),
  refetchOnMount: 'always',
});

export const updateQuery = queryOptions({
  queryKey: ['update'],
  queryFn: () => unwrap(call(client.api.system.updates.$get, {}, 200)),
  refetchOnMount: 'always',
});

export const useSettings = () => useQuery(settingsQuery);
export const useLicense = () => useQuery(licenseQuery);
