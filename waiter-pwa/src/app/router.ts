import { create } from 'zustand';

export type Route =
  | { name: 'tables' }
  | { name: 'order'; orderId: string; tableId: number; tableLabel: string }
  | { name: 'bill'; orderId: string; tableId: number; tableLabel: string };

/** #/order/<orderId>?table=3&label=Β3 — hash routes survive reloads and need nothing from the server. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const match = /^\/(order|bill)\/([0-9a-f-]{36})$/i.exec(path);
  const tableId = Number(params.get('table'));
  if (match && Number.isInteger(tableId) && tableId > 0) {
    return { name: match[1] as 'order' | 'bill', orderId: match[2]!, tableId, tableLabel: params.get('label') ?? String(tableId) };
  }
  return { name: 'tables' };
}

export function formatRoute(route: Route): string {
  if (route.name === 'tables') return '#/tables';
  const params = new URLSearchParams({ table: String(route.tableId), label: route.tableLabel });
  return `#/${route.name}/${route.orderId}?${params}`;
}

const currentRoute = () => (typeof location === 'undefined' ? ({ name: 'tables' } as Route) : parseRoute(location.hash));

export const useRoute = create<{ route: Route }>(() => ({ route: currentRoute() }));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRoute.setState({ route: currentRoute() }));
}

export function navigate(route: Route, { replace = false } = {}): void {
  const hash = formatRoute(route);
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  useRoute.setState({ route });
}
