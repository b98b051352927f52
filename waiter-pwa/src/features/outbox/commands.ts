import type { InferRequestType } from 'hono/client';
import type { ApiFailure, client } from '../../shared/api/client';

type OrderRoutes = (typeof client.api.orders)[':id'];

export type OpenBody = InferRequestType<typeof client.api.orders.$post>['json'];
export type AddItemsBody = InferRequestType<OrderRoutes['items']['$post']>['json'];
export type PayBody = InferRequestType<OrderRoutes['pay']['$post']>['json'];
export type CloseBody = NonNullable<InferRequestType<OrderRoutes['close']['$post']>['json']>;
export type NewLine = AddItemsBody['items'][number];

/** What a screen asks for: a change to one order, addressed by the id the phone minted. */
export type CommandInput =
  | { kind: 'open'; orderId: string; tableId: number; tableLabel: string; body: OpenBody }
  | { kind: 'add_items'; orderId: string; tableId: number; tableLabel: string; body: AddItemsBody }
  | { kind: 'pay'; orderId: string; tableId: number; tableLabel: string; body: PayBody }
  | { kind: 'close'; orderId: string; tableId: number; tableLabel: string; body: CloseBody };

/**
 * The shape of the commands this build stores. Raise it when a command's body changes: a command
 * stored by another build is then shown to the waiter to check, never replayed against an API it
 * was not written for. Commands stored before formats existed have none and are format 1.
 */
export const COMMAND_FORMAT = 1;

/** A command as stored in the outbox: `seq` orders the replay, `key` is its Idempotency-Key. */
export type Command = CommandInput & {
  seq: number;
  format?: number;
  key: string;
  userId: number;
  createdAt: number;
  attempts: number;
  state: 'queued' | 'rejected';
  /** Why the last attempt did not go through: kept (network, 5xx) or rejected (4xx, with the reason). */
  failure?: ApiFailure;
};

/** Whatever a failure says about what to do next. */
export type FailureVerdict = 'retry-later' | 'sign-in' | 'blocked' | 'rejected';

export function judgeFailure(failure: ApiFailure): FailureVerdict {
  if (failure.kind === 'network') return 'retry-later';
  const { status } = failure;
  if (status >= 500 || status === 408 || status === 429) return 'retry-later';
  if (status === 401) return 'sign-in';
  if (status === 402 || status === 423) return 'blocked'; // the site's licence, not this command
  return 'rejected';
}
