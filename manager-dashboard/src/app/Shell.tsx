import type { ReactNode } from 'react';
import { LanguageSwitch } from '@tavli/ui/LanguageSwitch';
import { useT, type MessageKey } from '../i18n/i18n';
import { Alerts } from '../features/alerts/Alerts';
import { useSession } from '../features/session/store';
import { hrefOf, navigate, SCREENS, useRoute } from './router';

const NAMES: Record<(typeof SCREENS)[number], MessageKey> = {
  floor: 'nav.floor',
  menu: 'nav.menu',
  staff: 'nav.staff',
  tables: 'nav.tables',
  printers: 'nav.printers',
  reports: 'nav.reports',
  audit: 'nav.audit',
  settings: 'nav.settings',
};

/** The frame every screen sits in: navigation, the alerts that cannot be missed, and who is signed in. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const screen = useRoute((state) => state.screen);
  const user = useSession((state) => state.user);
  const signOut = useSession((state) => state.signOut);
  return (
    <>
      <header className="topbar">
        <span className="brand">{t('app.brand')}</span>
        <nav className="nav" aria-label={t('nav.label')}>
          {SCREENS.map((name) => (
            <a
              key={name}
              href={hrefOf(name)}
              aria-current={screen === name ? 'page' : undefined}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                navigate(name);
              }}
            >
              {t(NAMES[name])}
            </a>
          ))}
        </nav>
        <span className="who">{user?.full_name}</span>
        <LanguageSwitch />
        <button type="button" className="button" title={user?.full_name} onClick={signOut}>
          {t('session.signOut')}
        </button>
      </header>
      <Alerts />
      <main className="content">{children}</main>
    </>
  );
}
