import fs from 'node:fs';
import { fail } from '../shared/errors.js';

/** How long a reading of the free space is trusted: statfs is cheap, but not free on every write. */
const READING_FRESH_MS = 2_000;

/**
 * Watches the free space of the disk that holds the database. Below `minFreeBytes` every new
 * write is refused with 507 before it starts, so the database never meets a full disk halfway
 * through a transaction, and reads (the floor, the bills) keep working. Essential writes (a
 * sign-in's audit) may use the lower half of the margin, so staff can still sign in and see.
 */
export function createDiskGuard(folder: string, minFreeBytes: number) {
  let reading: { free: number; at: number } | undefined;
  const freeBytes = () => {
    if (!reading || Date.now() - reading.at > READING_FRESH_MS) {
      const stats = fs.statfsSync(folder);
      reading = { free: stats.bavail * stats.bsize, at: Date.now() };
    }
    return reading.free;
  };
  return {
    /** True while the disk has less than the minimum free. */
    nearlyFull: () => freeBytes() < minFreeBytes,
    /** Throws 507 disk_full while the disk is nearly full (for an essential write: half full of the margin). */
    requireRoom(essential = false): void {
      if (freeBytes() < (essential ? minFreeBytes / 2 : minFreeBytes)) {
        throw fail(
          507,
          'disk_full',
          `The appliance's disk is nearly full (${Math.round(freeBytes() / 1_048_576)} MB left): nothing new can be saved until space is freed`,
        );
      }
    },
  };
}

export type DiskGuard = ReturnType<typeof createDiskGuard>;
