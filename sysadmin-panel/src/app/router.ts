import { create } from 'zustand';

export type Route =
  { name: 'sites' } | { name: 'site'; siteId: string } | { name: 'register' } | { name: 'admins' } | { name: 'activity' } | { name: 'account' };

const BASE = '/admin/';

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  const site = /^sites\/([0-9a-f-]{36})$/i.exec(rest);
  if (site) return { name: 'site', siteId: site[1]! };
  if (rest === 'register' || rest === 'admins' || rest === 'activity' || rest === 'account') return { name: rest };
  return { name: 'sites' };
}

export const hrefOf = (route: Route) => (route.name === 'sites' ? BASE : route.name === 'site' ? `${BASE}sites/${route.siteId}` : `${BASE}${route.name}`);

/** Each screen has its own address, so reload and the back button keep it, and a site can be linked to. */
export const useRoute = create<{ route: Route }>(() => ({ route: typeof location === 'undefined' ? { name: 'sites' } : parseRoute(location.pathname) }));

export function navigate(route: Route): void {
  history.pushState(null, '', hrefOf(route));
  useRoute.setState({ route });
}

if (typeof window !== 'undefined') window.addEventListener('popstate', () => useRoute.setState({ route: parseRoute(location.pathname) }));
