import { create } from 'zustand';

export type Toast = { id: number; tone: 'success' | 'info' | 'warning' | 'danger'; text: string };

let nextId = 1;

/** Short confirmations ("Sent ✓ → Κουζίνα"), gone after a few seconds. */
export const useToasts = create<{ toasts: Toast[] }>(() => ({ toasts: [] }));

export function showToast(tone: Toast['tone'], text: string, ms = 3_500): number {
  const id = nextId++;
  useToasts.setState(({ toasts }) => ({ toasts: [...toasts.slice(-2), { id, tone, text }] }));
  setTimeout(() => dismissToast(id), ms);
  return id;
}

export function dismissToast(id: number): void {
  useToasts.setState(({ toasts }) => ({ toasts: toasts.filter((toast) => toast.id !== id) }));
}
