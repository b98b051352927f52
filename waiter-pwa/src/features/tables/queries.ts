import { byPlace } from '@tavli/i18n/greek';
import { liveList } from '@tavli/web-client/live-list';
import { queryCache, unwrap } from '../../shared/api/queries';
import { fetchTables, type Table } from './api';

/** Every table as GET /api/tables shows it, in floor order, kept live by `table.*` events. */
export const tables = liveList<Table>(queryCache, 'tables', () => unwrap(fetchTables()), byPlace);
