const REQUEST_TIMEOUT_MS = 10_000;

/** What a screen needs to hear about the connection, whichever request noticed it. */
export type ApiNotice =
  | { type: 'reachable' }
  | { type: 'unreachable' }
  | { type: 'unauthorized' }
  | { type: 'license'; status: number; code: string; message: string; lockReason?: string };

type LicenseBody = { error?: { code?: string; message?: string; lock_reason?: unknown } };

/**
 * The fetch and headers a Hono typed client (`hc`) is built with: each request carries the bearer
 * token, times out (a hung request on bad Wi-Fi must not stall a screen), and reports reachability,
 * a 401 on a signed-in request, and a locked (423) or expired (402) licence to whoever listens.
 */
export function createTransport() {
  let token: string | undefined;
  /** Per path, the last live event the latest GET answer already included (its X-Event-Id). */
  const asOf = new Map<string, number>();
  const listeners = new Set<(notice: ApiNotice) => void>();
  const notify = (notice: ApiNotice) => listeners.forEach((listener) => listener(notice));

  async function noticeLicense(response: Response): Promise<void> {
    const body = (await response.json().catch(() => undefined)) as LicenseBody | undefined;
    const lockReason = typeof body?.error?.lock_reason === 'string' ? body.error.lock_reason : undefined;
    notify({
      type: 'license',
      status: response.status,
      code: body?.error?.code ?? `http_${response.status}`,
      message: body?.error?.message ?? '',
      ...(lockReason ? { lockReason } : {}),
    });
  }

  return {
    /** The bearer token sent with every request (undefined when signed out). */
    setAuthToken(value: string | undefined): void {
      token = value;
    },
    onNotice(listener: (notice: ApiNotice) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
    /**
     * Whether the last answer from `url` already included every live event up to `eventId` (the
     * stream's `ready`): if so, what it showed is current and needs no refetch.
     */
    answeredSince(url: string | URL, eventId: number): boolean {
      return (asOf.get(pathOf(url)) ?? -1) >= eventId;
    },
    async fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
      let response: Response;
      try {
        response = await fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (error) {
        notify({ type: 'unreachable' });
        throw error;
      }
      notify({ type: 'reachable' });
      const eventId = answeredAsOf(response);
      if ((init.method ?? 'GET') === 'GET' && response.ok && eventId !== undefined) asOf.set(pathOf(input), eventId);
      if (response.status === 401 && new Headers(init.headers).has('authorization')) notify({ type: 'unauthorized' });
      if (response.status === 423 || response.status === 402) void noticeLicense(response.clone());
      return response;
    },
  };
}

export type Transport = ReturnType<typeof createTransport>;

/** The last live event an answer already included (the appliance's X-Event-Id), when it says. */
export function answeredAsOf(response: Response): number | undefined {
  const eventId = Number(response.headers.get('x-event-id') ?? Number.NaN);
  return Number.isInteger(eventId) ? eventId : undefined;
}

const pathOf = (input: RequestInfo | URL) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, 'http://localhost');
  return url.pathname.replace(/\/$/, '');
};
