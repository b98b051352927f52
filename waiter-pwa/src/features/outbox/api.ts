import { call, client, type ApiResult, type Ok } from '../../shared/api/client';
import type { Command } from './commands';

const orders = client.api.orders;
const order = orders[':id'];

/** What the appliance answers to each kind of command. */
export type CommandAck =
  | { kind: 'open'; order: Ok<typeof orders.$post, 201> }
  | { kind: 'add_items'; added: Ok<typeof order.items.$post, 201> }
  | { kind: 'pay'; paid: Ok<typeof order.pay.$post, 201> }
  | { kind: 'close'; order: Ok<typeof order.close.$post> };

const tagged = async <T, R>(pending: Promise<ApiResult<T>>, wrap: (data: T) => R): Promise<ApiResult<R>> => {
  const result = await pending;
  return result.ok ? { ...result, data: wrap(result.data) } : result;
};

/** Sends one outbox command with its Idempotency-Key. */
export function sendCommand(command: Command): Promise<ApiResult<CommandAck>> {
  const key = { idempotencyKey: command.key };
  const param = { id: command.orderId };
  switch (command.kind) {
    case 'open':
      return tagged(call(orders.$post, { json: command.body }, 201, key), (data) => ({ kind: 'open', order: data }));
    case 'add_items':
      return tagged(call(order.items.$post, { param, json: command.body }, 201, key), (data) => ({ kind: 'add_items', added: data }));
    case 'pay':
      return tagged(call(order.pay.$post, { param, json: command.body }, 201, key), (data) => ({ kind: 'pay', paid: data }));
    case 'close':
      return tagged(call(order.close.$post, { param, json: command.body }, 200, key), (data) => ({ kind: 'close', order: data }));
  }
}
