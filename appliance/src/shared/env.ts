import type { Role } from '../auth/users.table.js';

export type AuthUser = { id: number; username: string; full_name: string; role: Role };

export type IdempotencyState = { key: string; requestHash: string; settled: boolean };

export type AppEnv = {
  Variables: {
    requestId: string;
    user: AuthUser;
    idempotency: IdempotencyState | undefined;
  };
};
