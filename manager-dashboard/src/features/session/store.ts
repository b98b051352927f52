import { createSessionStore } from '@tavli/session/session';
import { setAuthToken } from '../../shared/api/client';
import type { User } from './api';

/** The manager's session on this tablet; the API client sends its token. */
export const useSession = createSessionStore<User>('tavli.manager.session', setAuthToken);
