import { openDB, type IDBPDatabase } from 'idb';

/**
 * The last answers the appliance gave (the query cache: menu, tables, orders), kept so the app opens
 * and can take orders with no network. A cache of server data, never edited locally: changes go
 * through the outbox.
 */
let opening: Promise<IDBPDatabase> | undefined;

const database = () =>
  (opening ??= openDB('tavli-cache', 1, {
    upgrade(db) {
      db.createObjectStore('snapshots');
    },
  }));

export async function saveSnapshot(key: string, value: unknown): Promise<void> {
  try {
    await (await database()).put('snapshots', value, key);
  } catch {
    /* private mode or storage full: the app works on, only without the offline copy */
  }
}

export async function loadSnapshot<T>(key: string): Promise<T | undefined> {
  try {
    return (await (await database()).get('snapshots', key)) as T | undefined;
  } catch {
    return undefined;
  }
}
