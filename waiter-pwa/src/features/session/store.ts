import { createSessionStore } from '@tavli/session/session';
import { setAuthToken } from '../../shared/api/client';
import type { User } from './api';

/** The waiter's session on this phone; the API client sends its token. */
export const useSession = createSessionStore<User>('tavli.session', setAuthToken);

export const currentUserId = () => useSession.getState().user?.id;
