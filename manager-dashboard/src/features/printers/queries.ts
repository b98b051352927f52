import { queryOptions } from '@tanstack/react-query';
import { call, client, type Ok } from '../../shared/api/client';
import { unwrap } from '../../shared/api/queries';

export type Printer = Ok<typeof client.api.printers.$get>[number];

/** Refetched whenever a `printer.updated` event comes. */
export const printersQuery = queryOptions({ queryKey: ['printers'], queryFn: () => unwrap(call(client.api.printers.$get, {}, 200)) });

export const jobsQuery = (printerId: number | undefined) =>
  queryOptions({
    queryKey: ['printers', 'jobs', printerId ?? 'all'],
    queryFn: () => unwrap(call(client.api.printers.jobs.$get, { query: printerId === undefined ? {} : { printer_id: String(printerId) } }, 200)),
  });
