import { create } from 'zustand';
import type { PayBody } from '../outbox/commands';

export type PaymentMethod = PayBody['method'];

type BillState = {
  orderId?: string;
  /** Line id → how many of its quantity are being paid now. */
  selected: Record<string, number>;
  method: PaymentMethod;
  tipCents: number;
  /** Cash handed over, for the change. */
  givenCents?: number;
  start(orderId: string): void;
  select(lineId: string, quantity: number): void;
  unselect(lineId: string): void;
  selectAll(lines: Array<{ id: string; quantity: number }>): void;
  setMethod(method: PaymentMethod): void;
  setTip(tipCents: number): void;
  setGiven(givenCents: number | undefined): void;
  /** After a payment: nothing selected, no tip, nothing given. */
  clear(): void;
};

const fresh = { selected: {}, tipCents: 0, givenCents: undefined };

/** What the waiter is about to charge: UI state only, nothing is paid until the outbox sends it. */
export const useBill = create<BillState>()((set, get) => ({
  ...fresh,
  method: 'cash',
  start: (orderId) => {
    if (get().orderId !== orderId) set({ orderId, ...fresh, method: 'cash' });
  },
  select: (lineId, quantity) => set(({ selected }) => ({ selected: { ...selected, [lineId]: quantity } })),
  unselect: (lineId) =>
    set(({ selected }) => {
      const { [lineId]: _gone, ...rest } = selected;
      return { selected: rest };
    }),
  selectAll: (lines) => set({ selected: Object.fromEntries(lines.map((line) => [line.id, line.quantity])) }),
  setMethod: (method) => set({ method }),
  setTip: (tipCents) => set({ tipCents }),
  setGiven: (givenCents) => set({ givenCents }),
  clear: () => set(fresh),
}));
