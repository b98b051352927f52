import { createTransport } from './transport';

type ClientOptions = { fetch: typeof fetch; headers: () => Record<string, string> };

/**
 * A screen's line to the server that served it: `makeClient` is the service's typed `hc` (its
 * exported `hcWithType`), given this page's origin and the shared transport.
 */
export function connect<Client>(makeClient: (origin: string, options: ClientOptions) => Client) {
  const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;
  const transport = createTransport();
  return {
    origin,
    client: makeClient(origin, { fetch: transport.fetch, headers: transport.headers }),
    setAuthToken: transport.setAuthToken,
    onApiNotice: transport.onNotice,
    answeredSince: transport.answeredSince,
    /** The live event stream; EventSource cannot send headers, so the token rides in the query. */
    eventStreamUrl: (bearer: string) => `${origin}/api/events?token=${encodeURIComponent(bearer)}`,
  };
}
