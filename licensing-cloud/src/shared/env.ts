export type AdminView = { id: string; username: string; is_active: boolean; created_at: string };

export type AppEnv = { Variables: { admin: AdminView } };
