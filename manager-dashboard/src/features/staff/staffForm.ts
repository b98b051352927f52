import type { MessageKey } from '../../i18n/i18n';

export type StaffDraft = { username: string; full_name: string; role: 'waiter' | 'manager' | 'admin'; pin: string };

/** A new staff member as the appliance checks them: a lowercase username, a name and a 4–8 digit PIN. */
export function validateStaff(draft: StaffDraft): Partial<Record<keyof StaffDraft, MessageKey>> {
  const errors: Partial<Record<keyof StaffDraft, MessageKey>> = {};
  if (!/^[a-z0-9._-]{2,32}$/.test(draft.username)) errors.username = 'staff.error.username';
  if (!draft.full_name.trim() || draft.full_name.trim().length > 80) errors.full_name = 'staff.error.name';
  if (!isPin(draft.pin)) errors.pin = 'staff.error.pin';
  return errors;
}

const isPin = (pin: string) => /^\d{4,8}$/.test(pin);

/** A PIN nobody chose: shown once to the manager, who hands it over. */
export function randomPin(length = 4): string {
  const digits = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(digits, (value) => String(value % 10)).join('');
}
