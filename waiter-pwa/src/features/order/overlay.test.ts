import { describe, expect, it } from 'vitest';
import { makeOrder, makeProduct } from '../../test/factories';
import type { Command } from '../outbox/commands';
import { overlayOrder, payableLines } from './overlay';

const ORDER = '11111111-1111-4111-8111-111111111111';
const LINE = '22222222-2222-4222-8222-222222222222';
const salad = makeProduct({
  id: 7,
  name: 'Χωριάτικη',
  price_cents: 950,
  options: [{ id: 1, name: 'έξτρα φέτα', extra_cost_cents: 200 }],
  ingredients: [{ id: 2, name: 'κρεμμύδι' }],
});
const products = new Map([[salad.id, salad]]);

const command = (
  seq: number,
  rest: Omit<Command, 'seq' | 'key' | 'userId' | 'createdAt' | 'attempts' | 'state' | 'orderId' | 'tableId' | 'tableLabel'>,
  state: Command['state'] = 'queued',
) => ({ seq, key: `k${seq}`, userId: 2, createdAt: Date.now(), attempts: 0, state, orderId: ORDER, tableId: 3, tableLabel: '3', ...rest }) as Command;

describe('an order with changes still on the phone', () => {
  it('shows lines waiting to be sent, priced like the appliance prices them', () => {
    const view = overlayOrder({
      orderId: ORDER,
      tableId: 3,
      tableLabel: '3',
      server: undefined,
      products,
      commands: [
        command(1, { kind: 'open', body: { table_id: 3, id: ORDER } }),
        command(2, { kind: 'add_items', body: { items: [{ id: LINE, product_id: 7, quantity: 2, option_ids: [1], removed_ingredient_ids: [2] }] } }),
      ],
    });
    expect(view.known).toBe(false);
    expect(view.lines).toHaveLength(1);
    expect(view.lines[0]).toMatchObject({
      name: 'Χωριάτικη',
      unit_price_cents: 1150,
      line_total_cents: 2300,
      local: 'queued',
      removed_ingredients: [{ id: 2, name: 'κρεμμύδι' }],
    });
    expect(view.unpaid_cents).toBe(2300);
  });

  it('does not count a line twice once the appliance has it', () => {
    const sent = {
      id: LINE,
      product_id: 7,
      name: 'Χωριάτικη',
      quantity: 1,
      unit_price_cents: 950,
      line_total_cents: 950,
      vat_rate_bp: 1300,
      options: [],
      preferences: [],
      removed_ingredients: [],
      note: '',
      status: 'sent',
      printer_id: 1,
      split_from: null,
      created_at: '',
      void_reason: null,
    };
    const server = makeOrder({ id: ORDER, items: [sent as never] });
    const view = overlayOrder({
      orderId: ORDER,
      tableId: 3,
      tableLabel: '3',
      server,
      products,
      commands: [command(2, { kind: 'add_items', body: { items: [{ id: LINE, product_id: 7, quantity: 1 }] } })],
    });
    expect(view.lines).toHaveLength(1);
    expect(view.lines[0]?.local).toBeUndefined();
    expect(view.total_cents).toBe(950);
  });

  it('splits a line paid in part, and leaves the rest payable', () => {
    const view = overlayOrder({
      orderId: ORDER,
      tableId: 3,
      tableLabel: '3',
      server: undefined,
      products,
      commands: [
        command(2, { kind: 'add_items', body: { items: [{ id: LINE, product_id: 7, quantity: 3 }] } }),
        command(3, { kind: 'pay', body: { items: [{ item_id: LINE, quantity: 1 }], method: 'cash' } }),
      ],
    });
    expect(view.paid_cents).toBe(950);
    expect(view.unpaid_cents).toBe(1900);
    expect(payableLines(view).map((line) => [line.id, line.quantity])).toEqual([[LINE, 2]]);
  });

  it('leaves refused lines out of the total', () => {
    const view = overlayOrder({
      orderId: ORDER,
      tableId: 3,
      tableLabel: '3',
      server: undefined,
      products,
      commands: [command(2, { kind: 'add_items', body: { items: [{ id: LINE, product_id: 7, quantity: 1 }] } }, 'rejected')],
    });
    expect(view.lines[0]?.local).toBe('rejected');
    expect(view.total_cents).toBe(0);
    expect(payableLines(view)).toEqual([]);
  });
});
