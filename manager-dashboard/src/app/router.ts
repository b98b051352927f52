import { create } from 'zustand';

export const SCREENS = ['floor', 'menu', 'staff', 'tables', 'printers', 'reports', 'audit', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

const BASE = '/manager/';

const screenAt = (pathname: string): Screen => {
  const name = pathname.startsWith(BASE) ? pathname.slice(BASE.length).split('/')[0] : '';
  return (SCREENS as readonly string[]).includes(name ?? '') ? (name as Screen) : 'floor';
};

export const hrefOf = (screen: Screen) => (screen === 'floor' ? BASE : `${BASE}${screen}`);

/** Which screen is open; each has its own address, so reload and the back button keep it. */
export const useRoute = create<{ screen: Screen }>(() => ({ screen: typeof location === 'undefined' ? 'floor' : screenAt(location.pathname) }));

export function navigate(screen: Screen): void {
  if (useRoute.getState().screen === screen) return;
  history.pushState(null, '', hrefOf(screen));
  useRoute.setState({ screen });
}

if (typeof window !== 'undefined') window.addEventListener('popstate', () => useRoute.setState({ screen: screenAt(location.pathname) }));
