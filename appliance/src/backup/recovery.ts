import { escapeHtml, fill } from '../shared/html.js';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { closeServer, listening } from '@tavli/server-kit/service-process';
import type { Config } from '../config.js';
import type { HealthAnswer } from '../system/system.routes.js';
import { appVersion } from '../version.js';
import { latestGoodBackup, type Backup } from './backups.js';
import { recoveryMessages, type RecoveryLanguage } from './recovery.messages.js';

/** Thrown by start-up instead of opening a database that fails SQLite's check. */
export class DatabaseDamaged extends Error {
  constructor(readonly findings: string[]) {
    super(`pos.db is damaged (PRAGMA quick_check): ${findings.join('; ')}`);
  }
}

export type RunningRecovery = { port: number; stop(): Promise<void> };

/**
 * What the appliance serves when its database is damaged: health says so, and every page explains
 * it and offers the newest sound backup with the command that restores it. Nothing else is served.
 */
export async function serveRecovery(config: Config, damage: DatabaseDamaged): Promise<RunningRecovery> {
  const startedAt = Date.now();
  const backup = latestGoodBackup(config.dataDir);
  const app = new Hono()
    .get('/api/system/health', (c) =>
      c.json({
        status: 'degraded',
        version: appVersion,
        uptime_s: Math.round((Date.now() - startedAt) / 1000),
        db: 'damaged',
        problems: damage.findings.map((finding) => `database_damaged: ${finding}`),
        restore_from: backup?.name ?? null,
      } satisfies HealthAnswer),
    )
    .all('/api/*', (c) => c.json({ error: { code: 'database_damaged', message: damage.message } }, 503))
    .get('*', (c) => {
      const language: RecoveryLanguage = (c.req.query('lang') ?? c.req.header('accept-language') ?? 'el').startsWith('en') ? 'en' : 'el';
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(recoveryPage(language, damage.findings, backup, config.timeZone), 503);
    });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  return { port: await listening(server), stop: () => closeServer(server) };
}

function recoveryPage(language: RecoveryLanguage, findings: string[], backup: Backup | undefined, timeZone: string): string {
  const t = recoveryMessages[language];
  const other: RecoveryLanguage = language === 'el' ? 'en' : 'el';
  const at = backup && DateTime.fromJSDate(backup.takenAt).setZone(timeZone).setLocale(language).toLocaleString(DateTime.DATETIME_FULL);
  const offer = backup
    ? `<p>${escapeHtml(fill(t.latest, { name: backup.name, at: at! }))}</p><p>${escapeHtml(t.restoreHow)}</p><pre>sudo tavli restore ${escapeHtml(backup.file)}</pre><p>${escapeHtml(t.keptAside)}</p>`
    : `<p>${escapeHtml(t.noBackup)}</p><pre>sudo tavli restore FILE</pre>`;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t.title)}</title>
<style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{color:#8a1c1c}pre{background:#f1f1f1;padding:.75rem;overflow-x:auto}a{color:#0b57d0}</style></head>
<body><p><a href="?lang=${other}">${escapeHtml(t.switchLanguage)}</a></p><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.lead)}</p>${offer}
<h2>${escapeHtml(t.findings)}</h2><ul>${findings.map((finding) => `<li>${escapeHtml(finding)}</li>`).join('')}</ul></body></html>`;
}
