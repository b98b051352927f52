import { describe, expect, it } from 'vitest';
import { backupsToKeep, backupStamp, parseBackupName } from './retention.js';

const named = (at: Date, reason = 'nightly') => parseBackupName(`pos-${backupStamp(at)}-${reason}.db`)!;
const day = (n: number, hour = 3) => new Date(Date.UTC(2026, 10, 1 + n, hour, 30));

describe('which backups are kept', () => {
  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks, and nothing older', () => {
    // Sixty nights, plus a backup taken before an update on the last afternoon.
    const backups = [...Array.from({ length: 60 }, (_, n) => named(day(n))), named(day(59, 15), 'before-update')];
    const kept = backupsToKeep(backups).map((backup) => backup.takenAt.toISOString());
    expect(kept.slice(0, 7)).toEqual(['2026-12-30T15:30:00.000Z', ...[58, 57, 56, 55, 54, 53].map((n) => day(n).toISOString())]);
    // 2026-12-30 is a Wednesday: the weeks before it end on the Sundays the 27th, 20th and 13th.
    expect(kept.slice(7)).toEqual(['2026-12-20T03:30:00.000Z', '2026-12-13T03:30:00.000Z']);
    expect(kept).toHaveLength(9); // Sunday the 27th is both its week's newest and one of the seven days
  });

  it('keeps every backup while there are fewer days than the rule keeps', () => {
    const backups = [named(day(0)), named(day(1)), named(day(2))];
    expect(backupsToKeep(backups)).toHaveLength(3);
  });

  it('reads only its own names, which sort as they read', () => {
    expect(parseBackupName('pos.db')).toBeUndefined();
    expect(parseBackupName('.pos-20261204T031500Z-nightly.db.partial')).toBeUndefined();
    expect(named(day(3)).name).toBe('pos-20261104T033000Z-nightly.db');
  });
});
