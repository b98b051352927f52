import { describe, expect, it } from 'vitest';
import type { Command } from '../outbox/commands';
import type { Table } from './api';
import { overlayTables } from './overlay';

const table = (overrides: Partial<Table> = {}): Table =>
  ({
    id: 3,
    label: '3',
    group_id: 1,
    group_name: 'Σάλα',
    sort_order: 3,
    state: 'available',
    order_id: null,
    waiters: [],
    item_count: 0,
    total_cents: 0,
    unpaid_cents: 0,
    opened_at: null,
    ...overrides,
  }) as Table;
const me = { id: 2, full_name: 'Νίκος Γεωργίου' };
const ORDER = '11111111-1111-4111-8111-111111111111';

describe('the tables grid with changes still on the phone', () => {
  it('shows a table opened offline as open and mine', () => {
    const opening = {
      seq: 1,
      key: 'k',
      userId: 2,
      createdAt: Date.now(),
      attempts: 1,
      state: 'queued',
      kind: 'open',
      orderId: ORDER,
      tableId: 3,
      tableLabel: '3',
      body: { table_id: 3, id: ORDER },
    } as Command;
    const [view] = overlayTables([table()], [opening], me);
    expect(view).toMatchObject({ state: 'open', order_id: ORDER, mine: true, queued: true });
  });

  it("marks the waiter's own tables", () => {
    const views = overlayTables(
      [
        table({ state: 'open', waiters: [{ id: 2, full_name: me.full_name }] }),
        table({ id: 4, label: '4', state: 'open', waiters: [{ id: 9, full_name: 'Ελένη' }] }),
      ],
      [],
      me,
    );
    expect(views.map((view) => view.mine)).toEqual([true, false]);
  });
});
