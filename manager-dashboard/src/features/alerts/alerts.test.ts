import { describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../floor/queries';
import type { License } from '../settings/queries';
import { alertsOf } from './alerts';

const now = Date.parse('2026-06-14T20:00:00.000Z');
const printer = (changes: Partial<PrinterStatus>): PrinterStatus => ({
  id: 1,
  name: 'Κουζίνα',
  online: true,
  queued: 0,
  oldest_queued_at: null,
  last_success_at: null,
  last_error: null,
  last_error_at: null,
  ...changes,
});
const license = (changes: Partial<License>): License => ({
  state: 'active',
  enforced: true,
  site_id: 's',
  licensed: true,
  lock_reason: null,
  expires_at: null,
  grace_remaining_s: null,
  last_heartbeat_at: null,
  last_attempt_at: null,
  last_error: null,
  cloud_reachable: true,
  system_clock_behind: false,
  license_time: '2026-06-14T20:00:00.000Z',
  ...changes,
});

describe('the alerts a manager cannot miss', () => {
  it('says nothing when printers are up and the licence is active', () => {
    expect(alertsOf([printer({})], license({}), now)).toEqual([]);
  });

  it('names a printer that is down, with what waits for it', () => {
    expect(alertsOf([printer({ online: false, queued: 3, last_error: 'ECONNREFUSED' })], undefined, now)).toEqual([
      { kind: 'printer_offline', printer: 'Κουζίνα', queued: 3, error: 'ECONNREFUSED' },
    ]);
  });

  it('warns of a ticket waiting more than a minute, not of one just queued', () => {
    expect(alertsOf([printer({ queued: 1, oldest_queued_at: '2026-06-14T19:59:30.000Z' })], undefined, now)).toEqual([]);
    expect(alertsOf([printer({ queued: 1, oldest_queued_at: '2026-06-14T19:57:50.000Z' })], undefined, now)).toEqual([
      { kind: 'ticket_late', printer: 'Κουζίνα', minutes: 2 },
    ]);
  });

  it('puts a locked, grace or silent licence first, and ignores a demo appliance’s', () => {
    const alerts = alertsOf([printer({ online: false })], license({ state: 'grace', grace_remaining_s: 5 * 3600 - 10 }), now);
    expect(alerts[0]).toEqual({ kind: 'license', state: 'grace', reason: null, hours: 5 });
    expect(alertsOf([], license({ state: 'locked', lock_reason: 'Απλήρωτο' }), now)).toEqual([
      { kind: 'license', state: 'locked', reason: 'Απλήρωτο', hours: null },
    ]);
    expect(alertsOf([], license({ state: 'locked', enforced: false }), now)).toEqual([]);
  });
});
