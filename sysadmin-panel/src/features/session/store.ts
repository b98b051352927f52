import { createSessionStore } from '@tavli/session/session';
import { setAuthToken } from '../../shared/api/client';
import type { Admin } from './api';

/** The admin's session lives in this tab only (sessionStorage), never in a cookie. */
export const useSession = createSessionStore<Admin>('tavli.panel.session', setAuthToken, () => sessionStorage);

export const canWrite = (admin: Admin | undefined) => admin?.role === 'operator' || admin?.role === 'owner';
export const isOwner = (admin: Admin | undefined) => admin?.role === 'owner';
