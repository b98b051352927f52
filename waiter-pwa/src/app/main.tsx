import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { keepQueriesOnPhone, restoreQueries } from '../shared/api/queries';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { registerServiceWorker } from './serviceWorker';
import '@tavli/ui/tokens.css';
import '@tavli/ui/components.css';
import './styles.css';

// The offline copy of the answers is back before the first render: with the network off, the app
// opens with the last tables, menu and orders, and nothing is asked for that the copy holds.
void Promise.allSettled([bootstrap(), restoreQueries()]).then(() => {
  keepQueriesOnPhone();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Once the first screen has loaded: the worker's script and its precaching never compete with it.
  if (document.readyState === 'complete') void registerServiceWorker();
  else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
});
