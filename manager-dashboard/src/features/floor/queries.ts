import { byPlace } from '@tavli/i18n/greek';
import { queryOptions } from '@tanstack/react-query';
import { liveList } from '@tavli/web-client/live-list';
import { call, client, type Ok } from '../../shared/api/client';
import { queryClient, unwrap } from '../../shared/api/queries';

export type Table = Ok<typeof client.api.tables.$get>[number];
export type TableGroup = Ok<typeof client.api.tables.groups.$get>[number];
export type PrinterStatus = Ok<typeof client.api.printers.status.$get>[number];
export type ShiftReport = Ok<typeof client.api.reports.shift.$get>;

/** Every table as GET /api/tables shows it, kept live by `table.*` events. */
export const tables = liveList<Table>(queryClient, 'tables', () => unwrap(call(client.api.tables.$get, {}, 200)), byPlace);

/** Which printers are up and what waits for them, kept live by `printer.updated` events. */
export const printerStatus = liveList<PrinterStatus>(
  queryClient,
  'printer-status',
  () => unwrap(call(client.api.printers.status.$get, {}, 200)),
  (a, b) => a.id - b.id,
);

export const groupsQuery = queryOptions({ queryKey: ['groups'], queryFn: () => unwrap(call(client.api.tables.groups.$get, {}, 200)) });

/** Today's shift report: the summary strip's sales so far. */
export const todayQuery = queryOptions({ queryKey: ['shift', 'today'], queryFn: () => unwrap(call(client.api.reports.shift.$get, { query: {} }, 200)) });
