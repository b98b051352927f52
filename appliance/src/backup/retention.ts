const NAME = /^pos-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-([a-z-]+)\.db$/;
const DAILY = 7;
const WEEKLY = 4;

export type BackupName = { name: string; takenAt: Date; reason: string };

/** `20261204T031500Z`: sorts as it reads, and is a valid file name everywhere (a USB stick's FAT too). */
export const backupStamp = (at: Date) => at.toISOString().replace(/[-:]|\.\d{3}/g, '');

export function parseBackupName(name: string): BackupName | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, reason] = match;
  return { name, takenAt: new Date(Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!)), reason: reason! };
}

/** The newest backup of each of the last 7 days that have one, and of each of the last 4 weeks (UTC). */
export function backupsToKeep<B extends BackupName>(backups: B[]): B[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<B>();
  for (const [period, count] of [
    [dayOf, DAILY],
    [weekOf, WEEKLY],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = period(backup.takenAt);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(backup);
    }
  }
  return newestFirst.filter((backup) => keep.has(backup));
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The Monday that begins the date's ISO week. */
function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return dayOf(day);
}
