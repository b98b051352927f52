import { call, client, type Ok } from '../../shared/api/client';

export type Site = Ok<typeof client.api.sites.$get>['items'][number];
export type SiteStatus = Site['status'];
export type SiteDetailView = Ok<(typeof client.api.sites)[':site_id']['$get']>;
export type Heartbeat = SiteDetailView['heartbeats'][number];

/** Every status the cloud reports, most urgent first. */
export const STATUSES: SiteStatus[] = ['locked', 'expired', 'grace', 'never_seen', 'silent', 'expiring', 'active'];

export const site = client.api.sites[':site_id'];

export const fetchSitesPage = (query: { q?: string; status?: SiteStatus; sort: string; cursor?: string }) => call(client.api.sites.$get, { query }, 200);
