/** Requests counted by kind: item-adds are the measured load, the rest is the table turnover around them. */
export type RequestKind = 'item_add' | 'open' | 'pay' | 'close' | 'read';
export const REQUEST_KINDS: readonly RequestKind[] = ['item_add', 'open', 'pay', 'close', 'read'];

export type Counts = { ok: number; errors: number };
export type Tally = Record<RequestKind, Counts> & { firstErrors: string[] };

export const newTally = (): Tally => ({
  item_add: { ok: 0, errors: 0 },
  open: { ok: 0, errors: 0 },
  pay: { ok: 0, errors: 0 },
  close: { ok: 0, errors: 0 },
  read: { ok: 0, errors: 0 },
  firstErrors: [],
});

export function count(tally: Tally, kind: RequestKind, ok: boolean, detail?: string): void {
  tally[kind][ok ? 'ok' : 'errors']++;
  if (!ok && detail !== undefined && tally.firstErrors.length < 5) tally.firstErrors.push(`${kind}: ${detail}`);
}
