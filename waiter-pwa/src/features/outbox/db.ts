import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Command } from './commands';

interface OutboxSchema extends DBSchema {
  commands: { key: number; value: Command };
}

export type OutboxDb = IDBPDatabase<OutboxSchema>;

/** The outbox lives in its own IndexedDB database, so nothing else can clear it by accident. */
export function openOutboxDb(name = 'tavli-outbox'): Promise<OutboxDb> {
  return openDB<OutboxSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('commands', { keyPath: 'seq', autoIncrement: true });
    },
  });
}
