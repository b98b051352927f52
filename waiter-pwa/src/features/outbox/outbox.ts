import type { ApiFailure, ApiResult } from '../../shared/api/client';
import { newUuid } from '../../shared/uuid';
import { COMMAND_FORMAT, judgeFailure, type Command, type CommandInput } from './commands';
import type { OutboxDb } from './db';

/** How one command's attempt ended. */
export type Settlement<A> =
  | { outcome: 'acked'; command: Command; data: A }
  | { outcome: 'kept'; command: Command; failure: ApiFailure }
  | { outcome: 'rejected'; command: Command; failure: ApiFailure };

export type OutboxEvent<A> = { type: 'changed'; commands: Command[] } | ({ type: 'settled' } & Settlement<A>);

/** Why a replay pass stopped. */
export type FlushOutcome = 'done' | 'offline' | 'signed-out' | 'blocked';

export type OutboxDeps<A> = {
  db: OutboxDb;
  send(command: Command): Promise<ApiResult<A>>;
  /** Only the signed-in user's commands are sent (the appliance keeps idempotency keys per user). */
  currentUserId(): number | undefined;
  /** A 401: the token ran out. The queue stays; it is sent again after the PIN. */
  onSignedOut(): void;
  /** Serialises replays across tabs (Web Locks where available). */
  exclusive?<T>(run: () => Promise<T>): Promise<T>;
  now?(): number;
};

/**
 * The offline outbox. Every change to an order is written here first (IndexedDB, with ids the
 * phone mints and an Idempotency-Key per command), then sent. Replays go in order; the
 * appliance's idempotency makes repeating a command harmless, so a command is removed only once
 * the appliance has answered it. Network and 5xx failures keep it queued; a 4xx rejection is kept
 * with its reason until the waiter fixes or discards it, and holds back later commands for the
 * same order (they depend on it) while other tables carry on.
 */
/** A command stored by a build with another command format: the waiter checks it and sends it again. */
const OUTDATED = {
  kind: 'http',
  status: 409,
  code: 'outdated_command',
  message: 'Saved by another version of the app: check it and send it again',
} as const;

export function createOutbox<A>(deps: OutboxDeps<A>) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const exclusive = deps.exclusive ?? (<T>(run: () => Promise<T>) => run());
  const listeners = new Set<(event: OutboxEvent<A>) => void>();
  let running: Promise<FlushOutcome> | undefined;
  let again = false;

  const emit = (event: OutboxEvent<A>) => listeners.forEach((listener) => listener(event));
  const list = async () => (await db.getAll('commands')).sort((a, b) => a.seq - b.seq);
  const changed = async () => emit({ type: 'changed', commands: await list() });

  async function requireCommand(seq: number): Promise<Command> {
    const command = await db.get('commands', seq);
    if (!command) throw new Error(`No command ${seq} in the outbox`);
    return command;
  }

  /** The next settlement of one command. */
  function settlementOf(seq: number) {
    let listener: ((event: OutboxEvent<A>) => void) | undefined;
    const promise = new Promise<Settlement<A>>((resolve) => {
      listener = (event) => {
        if (event.type === 'settled' && event.command.seq === seq) resolve(event);
      };
      listeners.add(listener);
    });
    return { promise, cancel: () => void (listener && listeners.delete(listener)) };
  }

  async function sendOne(command: Command): Promise<FlushOutcome | 'acked' | 'rejected'> {
    const result = (command.format ?? 1) === COMMAND_FORMAT ? await deps.send(command) : { ok: false as const, failure: OUTDATED };
    if (result.ok) {
      await db.delete('commands', command.seq);
      emit({ type: 'settled', outcome: 'acked', command, data: result.data });
      return 'acked';
    }
    const { failure } = result;
    const verdict = judgeFailure(failure);
    if (verdict === 'rejected') {
      const rejected: Command = { ...command, state: 'rejected', attempts: command.attempts + 1, failure };
      await db.put('commands', rejected);
      emit({ type: 'settled', outcome: 'rejected', command: rejected, failure });
      return 'rejected';
    }
    const kept: Command = { ...command, attempts: command.attempts + 1, failure };
    await db.put('commands', kept);
    emit({ type: 'settled', outcome: 'kept', command: kept, failure });
    if (verdict === 'sign-in') {
      deps.onSignedOut();
      return 'signed-out';
    }
    return verdict === 'blocked' ? 'blocked' : 'offline';
  }

  async function pass(): Promise<FlushOutcome> {
    const userId = deps.currentUserId();
    if (userId === undefined) return 'signed-out';
    const held = new Set<string>(); // orders behind a rejected command
    for (const command of await list()) {
      if (command.userId !== userId || held.has(command.orderId)) continue;
      if (command.state === 'rejected') {
        held.add(command.orderId);
        continue;
      }
      const outcome = await sendOne(command);
      await changed();
      if (outcome === 'rejected') held.add(command.orderId);
      else if (outcome !== 'acked') return outcome;
    }
    return 'done';
  }

  /**
   * Sends everything that can be sent now. A call during a pass is answered by that pass plus one
   * more (the connection may have come back meanwhile), never by two passes at once.
   */
  function flush(): Promise<FlushOutcome> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let outcome: FlushOutcome;
      do {
        again = false;
        outcome = await exclusive(pass).catch((error: unknown): FlushOutcome => {
          console.error('Outbox replay failed; it will be tried again', error);
          return 'offline';
        });
      } while (again && outcome !== 'signed-out');
      return outcome;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    list,
    flush,

    /**
     * Stores the command durably, then starts sending it; resolves once it is safely on the phone.
     * `attempt` settles with the first attempt to send it, or with undefined when this replay pass
     * stopped before reaching it (offline behind earlier commands).
     */
    async enqueue(input: CommandInput): Promise<{ command: Command; attempt: Promise<Settlement<A> | undefined> }> {
      const userId = deps.currentUserId();
      if (userId === undefined) throw new Error('Sign in before changing an order');
      const record = { ...input, format: COMMAND_FORMAT, key: newUuid(), userId, createdAt: now(), attempts: 0, state: 'queued' } as Omit<Command, 'seq'>;
      const seq = await db.add('commands', record as Command);
      const command = { ...record, seq } as Command;
      const settled = settlementOf(seq);
      await changed();
      const attempt = Promise.race([settled.promise, flush().then(() => undefined)]).finally(settled.cancel);
      return { command, attempt };
    },

    /** Sends a rejected command again (a new key: the appliance remembers the refusal under the old one). */
    async retry(seq: number, body?: Command['body']): Promise<void> {
      const command = await requireCommand(seq);
      const { failure: _failure, ...rest } = command;
      await db.put('commands', { ...rest, ...(body ? { body } : {}), key: newUuid(), state: 'queued' } as Command);
      await changed();
      void flush();
    },

    /** Points a refused "open" at another table; the later commands for that order follow it. */
    async moveToTable(seq: number, tableId: number, tableLabel: string): Promise<void> {
      const command = await requireCommand(seq);
      if (command.kind !== 'open') throw new Error('Only opening a table can move to another table');
      const tx = db.transaction('commands', 'readwrite');
      for (const other of await tx.store.getAll()) {
        if (other.orderId === command.orderId && other.seq !== seq) await tx.store.put({ ...other, tableId, tableLabel });
      }
      const { failure: _failure, ...rest } = command;
      await tx.store.put({ ...rest, tableId, tableLabel, body: { ...command.body, table_id: tableId }, key: newUuid(), state: 'queued' });
      await tx.done;
      await changed();
      void flush();
    },

    /**
     * Drops a refused command, with the waiter's consent. Discarding the opening of a table also
     * drops the later commands for that order, which cannot succeed without it. Answers how many went.
     */
    async discard(seq: number): Promise<number> {
      const command = await requireCommand(seq);
      if (command.state !== 'rejected') throw new Error('Only a refused command can be discarded');
      const doomed = command.kind === 'open' ? (await list()).filter((other) => other.orderId === command.orderId && other.seq >= seq) : [command];
      const tx = db.transaction('commands', 'readwrite');
      await Promise.all([...doomed.map((other) => tx.store.delete(other.seq)), tx.done]);
      await changed();
      void flush();
      return doomed.length;
    },

    subscribe(listener: (event: OutboxEvent<A>) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Publishes the stored queue (after start-up). */
    refresh: changed,
  };
}

export type Outbox<A> = ReturnType<typeof createOutbox<A>>;
