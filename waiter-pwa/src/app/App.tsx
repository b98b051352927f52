import { lazy, Suspense, useEffect } from 'react';
import { useSession } from '../features/session/store';
import { StatusBanners } from '../features/status/components/StatusBanners';
import { useLanguage, useT } from '../i18n/i18n';
import { Toasts } from '@tavli/ui/Toasts';

// A phone loads only the first screen it shows: the sign-in screen, or (signed in) the tables.
// The other comes on demand, precached by the service worker, so it opens offline too.
const LoginScreen = lazy(() => import('../features/session/components/LoginScreen').then((module) => ({ default: module.LoginScreen })));
const SignedIn = lazy(async () => {
  const module = await import('./SignedIn');
  await module.signedInReady();
  return { default: module.SignedIn };
});

/** What shows while the first screen's code arrives: the same shell index.html paints before any script runs. */
function ScreenShell() {
  const t = useT();
  return (
    <main className="screen" aria-busy="true">
      <header className="screen-header">
        <h1 className="brand">{t('app.name')}</h1>
      </header>
    </main>
  );
}

export function App() {
  const token = useSession((state) => state.token);
  const expiresAt = useSession((state) => state.expiresAt);
  const language = useLanguage((state) => state.language);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <div className="app">
      <StatusBanners />
      <Suspense fallback={<ScreenShell />}>{token ? <SignedIn token={token} expiresAt={expiresAt} /> : <LoginScreen />}</Suspense>
      <Toasts />
    </div>
  );
}
