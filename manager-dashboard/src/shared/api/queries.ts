import { QueryClient } from '@tanstack/react-query';
import { retryNetworkFailures } from '@tavli/web-client/query';

export { ApiError, unwrap } from '@tavli/web-client/query';

/** The appliance's data on the tablet; live events keep it fresh, so nothing goes stale by age. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false, retry: retryNetworkFailures },
  },
});
