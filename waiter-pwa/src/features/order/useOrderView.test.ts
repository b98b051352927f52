import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeProduct } from '../../test/factories';
import { queryCache } from '../../shared/api/queries';
import { products } from '../menu/queries';
import type { Command } from '../outbox/commands';
import { useOutbox } from '../outbox/store';
import { useSession } from '../session/store';
import { useOrderView } from './useOrderView';

vi.mock('./api', () => ({
  fetchOrder: async () => ({ ok: false, failure: { kind: 'network', message: 'offline' } }),
}));

const ORDER = '33333333-3333-4333-8333-333333333333';
const queued = (seq: number, userId: number, rest: Pick<Command, 'kind' | 'body'>) =>
  ({ seq, key: `k${seq}`, userId, createdAt: Date.now(), attempts: 1, state: 'queued', orderId: ORDER, tableId: 4, tableLabel: '4', ...rest }) as Command;

describe('an order opened while offline', () => {
  it("shows the signed-in waiter's queued lines, not another waiter's", async () => {
    useSession.setState({ user: { id: 2, username: 'nikos', full_name: 'Νίκος Γεωργίου', role: 'waiter' } });
    queryCache.setQueryData(products.query.queryKey, [makeProduct({ id: 5, name: 'Φάβα', price_cents: 620 })]);
    useOutbox.setState({
      commands: [
        queued(1, 2, { kind: 'open', body: { table_id: 4, id: ORDER } }),
        queued(2, 2, { kind: 'add_items', body: { items: [{ id: '44444444-4444-4444-8444-444444444444', product_id: 5, quantity: 2 }] } }),
        queued(3, 9, { kind: 'add_items', body: { items: [{ id: '55555555-5555-4555-8555-555555555555', product_id: 5, quantity: 1 }] } }),
      ],
    });
    const { result } = renderHook(() => useOrderView(ORDER, 4, '4'));
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.opening).toBe(true);
    expect(result.current.view.lines.map((line) => [line.name, line.quantity, line.local])).toEqual([['Φάβα', 2, 'queued']]);
    expect(result.current.view.unpaid_cents).toBe(1240);
  });
});
