import { create } from 'zustand';
import type { CommandAck } from './api';
import type { Command, CommandInput } from './commands';
import type { Outbox } from './outbox';

/** The outbox's queue as the screens show it (IndexedDB stays the source of truth). */
export const useOutbox = create<{ commands: Command[] }>(() => ({ commands: [] }));

let engine: Outbox<CommandAck> | undefined;

export function attachOutbox(outbox: Outbox<CommandAck>): void {
  engine = outbox;
  outbox.subscribe((event) => {
    if (event.type === 'changed') useOutbox.setState({ commands: event.commands });
  });
  void outbox.refresh();
}

export function outbox(): Outbox<CommandAck> {
  if (!engine) throw new Error('The outbox is not open yet');
  return engine;
}

/** Writes a change to the outbox (durably) and starts sending it. */
export const enqueue = (input: CommandInput) => outbox().enqueue(input);

export const commandsFor = (commands: Command[], userId: number | undefined, orderId?: string) =>
  commands.filter((command) => command.userId === userId && (orderId === undefined || command.orderId === orderId));
