import type { LiveEventCatalogue } from 'appliance/client';
import { connectEventStream, type EventHandlers } from '@tavli/web-client/event-stream';
import { call, client, eventStreamUrl } from '../../shared/api/client';
import { queryClient } from '../../shared/api/queries';
import { answerAsOf } from '@tavli/web-client/query';
import { printerStatus, tables, todayQuery } from '../floor/queries';
import { categories, products } from '../menu/queries';
import { licenseQuery } from '../settings/queries';
import { markTableEvent } from '../../shared/marks';
import { useConnection } from './connection';

/** Sales so far are refetched at most this often while orders change. */
const SUMMARY_EVERY_MS = 2_000;

let summaryTimer: ReturnType<typeof setTimeout> | undefined;
function refreshSummarySoon(): void {
  summaryTimer ??= setTimeout(() => {
    summaryTimer = undefined;
    void queryClient.invalidateQueries({ queryKey: todayQuery.queryKey });
  }, SUMMARY_EVERY_MS);
}

const handlers: EventHandlers<LiveEventCatalogue> = {
  'table.updated': (table) => {
    markTableEvent();
    tables.apply(table);
  },
  'table.removed': ({ id }) => tables.remove(id),
  'product.updated': (product) => products.apply(product),
  'product.removed': ({ id }) => products.remove(id),
  'category.updated': (category) => categories.apply(category),
  'category.removed': ({ id }) => categories.remove(id),
  'order.updated': ({ id }) => {
    void queryClient.invalidateQueries({ queryKey: ['order', id] });
    refreshSummarySoon();
  },
  'printer.updated': (printer) => {
    printerStatus.apply(printer);
    void queryClient.invalidateQueries({ queryKey: ['printers'] });
  },
  'license.updated': (license) => queryClient.setQueryData(licenseQuery.queryKey, license),
};

/** Resolves once no query is fetching: what is on its way counts as an answer before deciding to ask again. */
function whenIdle(): Promise<void> {
  if (queryClient.isFetching() === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() > 0) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * After (re)connecting: ask again for whatever may have changed while the stream was down, that is
 * every answer that did not already include the stream's `ready` event (or did not say). Answers on
 * their way are waited for, so signing in asks for each thing once.
 */
async function catchUp(lastEventId: number): Promise<void> {
  await whenIdle();
  void queryClient.invalidateQueries({ predicate: (query) => (answerAsOf(query.state.data) ?? -1) < lastEventId });
}

/** The appliance's event stream: the floor, the menu, printers and the licence change as they change on the appliance. */
export function connectLiveEvents(token: string): () => void {
  return connectEventStream(() => eventStreamUrl(token), handlers, {
    onReady: (lastEventId) => {
      useConnection.setState({ live: true });
      void catchUp(lastEventId);
    },
    onDown: () => useConnection.setState({ live: false }),
    // A 401 here ends the session (see onApiNotice in main.tsx).
    onRefused: () => void call(client.api.auth.me.$get, {}, 200),
  });
}
