import type { AppContext } from '../shared/context.js';
import { badRequest } from '../shared/errors.js';
import { instant } from '../reports/report-range.js';
import { readSettings } from '../settings/settings.service.js';
import { listAudit } from './audit.repository.js';
import type { AuditFilter, AuditPage } from './audit.schema.js';

const encodeCursor = (id: number) => Buffer.from(`a${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const id = Number(/^a(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString())?.[1]);
  if (!Number.isSafeInteger(id) || id <= 0) throw badRequest('invalid_cursor', 'This page cursor is not valid');
  return id;
}

export function createAuditService(ctx: AppContext) {
  const { db, config } = ctx;
  return {
    /** Newest first, one page at a time. */
    page(filter: AuditFilter): AuditPage {
      const days = { timeZone: config.timeZone, businessDayStart: readSettings(db, config).business_day_start };
      const rows = listAudit(db, {
        from: filter.from === undefined ? undefined : instant('from', filter.from, days),
        to: filter.to === undefined ? undefined : instant('to', filter.to, days),
        action: filter.type,
        userId: filter.user_id,
        beforeId: filter.cursor === undefined ? undefined : decodeCursor(filter.cursor),
        limit: filter.limit + 1,
      });
      const entries = rows.slice(0, filter.limit).map(({ user_name, details, ...row }) => ({
        ...row,
        user: row.user_id === null || user_name === null ? null : { id: row.user_id, full_name: user_name },
        details: JSON.parse(details) as Record<string, unknown>,
      }));
      const last = entries.at(-1);
      return {
        entries: entries.map(({ user_id: _userId, ...entry }) => entry),
        next_cursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
      };
    },
  };
}
