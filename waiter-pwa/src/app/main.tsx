import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PERSISTED_MAX_AGE_MS, queryClient, queryPersister, settleQueriesRestored } from '../shared/api/queries';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { registerServiceWorker } from './serviceWorker';
import '@tavli/ui/tokens.css';
import '@tavli/ui/components.css';
import './styles.css';

// The persisted answers are restored before any query runs: with the network off, the app opens
// with the last tables, menu and orders.
const persistOptions = { persister: queryPersister, maxAge: PERSISTED_MAX_AGE_MS, buster: 'api-1' };

void bootstrap().finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions} onSuccess={settleQueriesRestored} onError={settleQueriesRestored}>
        <App />
      </PersistQueryClientProvider>
    </StrictMode>,
  );
  // Once the first screen has loaded: the worker's script and its precaching never compete with it.
  if (document.readyState === 'complete') void registerServiceWorker();
  else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
});
