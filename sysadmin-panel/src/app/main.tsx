import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useLanguage } from '../i18n/i18n';
import { onApiNotice } from '../shared/api/client';
import { queryClient } from '../shared/api/queries';
import { useSession } from '../features/session/store';
import { App } from './App';
import '@tavli/ui/tokens.css';
import '@tavli/ui/components.css';
import './styles.css';

// English until the admin picks Greek (the switch remembers it).
if (!useLanguage.getState().chosen) useLanguage.setState({ language: 'en' });

onApiNotice((notice) => {
  if (notice.type === 'unauthorized') useSession.getState().expire();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
