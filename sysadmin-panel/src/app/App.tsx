import { lazy, Suspense, useEffect } from 'react';
import { LanguageSwitch } from '@tavli/ui/LanguageSwitch';
import { Toasts } from '@tavli/ui/Toasts';
import { useLanguage, useT } from '../i18n/i18n';
import { logout } from '../features/session/api';
import { SignIn } from '../features/session/SignIn';
import { isOwner, useSession } from '../features/session/store';
import { SitesScreen } from '../features/sites/SitesScreen';
import { queryClient } from '../shared/api/queries';
import { Link } from './Link';
import { useRoute, type Route } from './router';

const SiteDetail = lazy(() => import('../features/sites/SiteDetail'));
const RegisterSite = lazy(() => import('../features/sites/RegisterSite'));
const AdminsScreen = lazy(() => import('../features/admins/AdminsScreen'));
const ActivityScreen = lazy(() => import('../features/activity/ActivityScreen'));
const AccountScreen = lazy(() => import('../features/account/AccountScreen'));

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'site':
      return <SiteDetail key={route.siteId} siteId={route.siteId} />;
    case 'register':
      return <RegisterSite />;
    case 'admins':
      return <AdminsScreen />;
    case 'activity':
      return <ActivityScreen />;
    case 'account':
      return <AccountScreen />;
    case 'sites':
      return <SitesScreen />;
  }
}

function SignedIn() {
  const t = useT();
  const route = useRoute((state) => state.route);
  const admin = useSession((state) => state.user);
  const signOut = async () => {
    await logout();
    useSession.getState().signOut();
  };
  return (
    <>
      <header className="topbar">
        <span className="brand">{t('app.brand')}</span>
        <nav className="nav" aria-label={t('nav.label')}>
          <Link to={{ name: 'sites' }} current={route.name === 'sites' || route.name === 'site' || route.name === 'register'}>
            {t('nav.sites')}
          </Link>
          <Link to={{ name: 'activity' }} current={route.name === 'activity'}>
            {t('nav.activity')}
          </Link>
          {isOwner(admin) ? (
            <Link to={{ name: 'admins' }} current={route.name === 'admins'}>
              {t('nav.admins')}
            </Link>
          ) : null}
          <Link to={{ name: 'account' }} current={route.name === 'account'}>
            {admin?.username ?? t('nav.account')}
          </Link>
        </nav>
        <LanguageSwitch />
        <button type="button" className="button" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <main className="content">
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <Screen route={route} />
        </Suspense>
      </main>
    </>
  );
}

export function App() {
  const token = useSession((state) => state.token);
  const language = useLanguage((state) => state.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (!token) queryClient.clear();
  }, [token]);
  return (
    <div className="app">
      {token ? <SignedIn /> : <SignIn />}
      <Toasts />
    </div>
  );
}
