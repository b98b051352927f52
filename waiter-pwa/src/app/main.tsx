import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { registerServiceWorker } from './serviceWorker';
import '@tavli/ui/tokens.css';
import '@tavli/ui/components.css';
import './styles.css';

bootstrap();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Once the first screen has loaded: the worker's script and its precaching never compete with it.
if (document.readyState === 'complete') void registerServiceWorker();
else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
