import { liveList } from '@tavli/web-client/live-list';
import { queryClient, unwrap } from '../../shared/api/queries';
import { fetchTables, type Table } from './api';

const byPlace = (a: Table, b: Table) => a.sort_order - b.sort_order || a.label.localeCompare(b.label, 'el', { numeric: true });

/** Every table as GET /api/tables shows it, in floor order, kept live by `table.*` events. */
export const tables = liveList<Table>(queryClient, 'tables', () => unwrap(fetchTables()), byPlace);
