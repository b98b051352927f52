import { QueryClient } from '@tanstack/react-query';
import { retryNetworkFailures } from '@tavli/web-client/query';

export { ApiError, unwrap } from '@tavli/web-client/query';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true, retry: retryNetworkFailures } },
});
