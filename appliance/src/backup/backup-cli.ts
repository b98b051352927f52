import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { runIfEntryPoint } from '@tavli/server-kit/service-process';
import { loadConfig } from '../config.js';
import { DATABASE_FILE, integrityFindingsOf, latestGoodBackup, listBackups, restoreBackup, takeBackup, type BackupReason } from './backups.js';

const USAGE = 'usage: backup-cli.js backup [nightly|before-update|manual] | restore FILE | latest | list | check';
const REASONS: BackupReason[] = ['nightly', 'before-update', 'manual'];

/**
 * The data side of `tavli backup|restore` (image/release/tavli), run as the appliance's user with
 * its environment: backup works while the appliance serves; restore only while it is stopped.
 */
export async function runBackupCommand(args: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const { dataDir } = loadConfig(env);
  const [command, argument] = args;
  switch (command) {
    case 'backup': {
      const reason = (argument ?? 'manual') as BackupReason;
      if (!REASONS.includes(reason)) return usage();
      const source = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { fileMustExist: true, readonly: true });
      try {
        console.log((await takeBackup(source, dataDir, reason)).file);
      } finally {
        source.close();
      }
      return 0;
    }
    case 'restore': {
      if (!argument) return usage();
      const { keptAside } = restoreBackup(dataDir, path.resolve(argument));
      console.log(`restored ${argument}${keptAside ? `; the database it replaced is in ${keptAside}` : ''}`);
      return 0;
    }
    case 'latest': {
      const backup = latestGoodBackup(dataDir);
      if (backup) console.log(backup.file);
      return backup ? 0 : 1;
    }
    case 'list':
      for (const backup of listBackups(dataDir)) console.log(`${backup.takenAt.toISOString()}  ${String(backup.bytes).padStart(10)}  ${backup.file}`);
      return 0;
    case 'check': {
      const findings = integrityFindingsOf(path.join(dataDir, DATABASE_FILE));
      console.log(findings.length ? `damaged: ${findings.join('; ')}` : 'ok');
      return findings.length ? 1 : 0;
    }
    default:
      return usage();
  }
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

runIfEntryPoint(import.meta.url, async () => {
  process.exitCode = await runBackupCommand(process.argv.slice(2));
});
