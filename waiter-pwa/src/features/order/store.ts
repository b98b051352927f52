import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { newUuid } from '../../shared/uuid';
import type { NewLine } from '../outbox/commands';

/** A line on the phone, not sent yet; its id is minted here and becomes the line's id on the appliance. */
export type DraftLine = NewLine & { id: string };

type OrderState = {
  /** Draft lines per order id: kept on the phone (a reload or a sleeping phone loses nothing). */
  drafts: Record<string, DraftLine[]>;
  addLine(orderId: string, line: Omit<DraftLine, 'id'>): void;
  setQuantity(orderId: string, lineId: string, quantity: number): void;
  clearDraft(orderId: string, lineIds: string[]): void;
  /** Lines the appliance refused come back to the draft (same ids) to be fixed and sent again. */
  restoreDraft(orderId: string, lines: DraftLine[]): void;
};

const sameChoices = (a: Omit<DraftLine, 'id'>, b: Omit<DraftLine, 'id'>) =>
  a.product_id === b.product_id &&
  (a.note ?? '') === (b.note ?? '') &&
  JSON.stringify([a.option_ids ?? [], a.removed_ingredient_ids ?? [], a.preference_choice_ids ?? []].map((ids) => [...ids].sort())) ===
    JSON.stringify([b.option_ids ?? [], b.removed_ingredient_ids ?? [], b.preference_choice_ids ?? []].map((ids) => [...ids].sort()));

export const useOrders = create<OrderState>()(
  persist(
    (set) => ({
      drafts: {},
      addLine: (orderId, line) =>
        set(({ drafts }) => {
          const draft = drafts[orderId] ?? [];
          const same = draft.find((existing) => sameChoices(existing, line));
          const next = same
            ? draft.map((existing) => (existing === same ? { ...existing, quantity: Math.min(existing.quantity + line.quantity, 999) } : existing))
            : [...draft, { ...line, id: newUuid() }];
          return { drafts: { ...drafts, [orderId]: next } };
        }),
      setQuantity: (orderId, lineId, quantity) =>
        set(({ drafts }) => {
          const draft = drafts[orderId] ?? [];
          const next =
            quantity <= 0
              ? draft.filter((line) => line.id !== lineId)
              : draft.map((line) => (line.id === lineId ? { ...line, quantity: Math.min(quantity, 999) } : line));
          return { drafts: { ...drafts, [orderId]: next } };
        }),
      clearDraft: (orderId, lineIds) =>
        set(({ drafts }) => {
          const rest = (drafts[orderId] ?? []).filter((line) => !lineIds.includes(line.id));
          const { [orderId]: _sent, ...others } = drafts;
          return { drafts: rest.length ? { ...others, [orderId]: rest } : others };
        }),
      restoreDraft: (orderId, lines) =>
        set(({ drafts }) => {
          const draft = drafts[orderId] ?? [];
          return { drafts: { ...drafts, [orderId]: [...lines.filter((line) => !draft.some((existing) => existing.id === line.id)), ...draft] } };
        }),
    }),
    { name: 'tavli.drafts', partialize: ({ drafts }) => ({ drafts }) },
  ),
);
