import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from '../shared/api/queries';
import { onApiNotice } from '../shared/api/client';
import { useConnection } from '../features/live/connection';
import { useSession } from '../features/session/store';
import { App } from './App';
import '@tavli/ui/tokens.css';
import '@tavli/ui/components.css';
import './styles.css';

onApiNotice((notice) => {
  if (notice.type === 'unauthorized') useSession.getState().expire();
  else if (notice.type === 'reachable' || notice.type === 'unreachable') useConnection.setState({ reachable: notice.type === 'reachable' });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
