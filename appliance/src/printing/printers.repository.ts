import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';
import type { PrintersTable } from './printers.table.js';

export type PrinterRow = Selectable<PrintersTable>;

const live = (db: Db) => db.q.selectFrom('printers').selectAll().where('is_deleted', '=', 0);

export const listPrinters = (db: Db): PrinterRow[] => db.all(live(db).orderBy('id'));

const livePrinter = preparedQuery((q, p: Params<{ id: number }>) => q.selectFrom('printers').selectAll().where('is_deleted', '=', 0).where('id', '=', p.id));

export const findPrinter = (db: Db, id: number): PrinterRow | undefined => livePrinter.first(db, { id });

export const findBillPrinter = (db: Db): PrinterRow | undefined =>
  db.first(live(db).where('is_bill_printer', '=', 1).where('is_active', '=', 1).orderBy('id').limit(1));

export const insertPrinter = (tx: Tx, printer: Insertable<PrintersTable>) => Number(tx.run(tx.q.insertInto('printers').values(printer)).lastInsertRowid);

export const updatePrinter = (tx: Tx, id: number, changes: Updateable<PrintersTable>) => tx.run(tx.q.updateTable('printers').set(changes).where('id', '=', id));

export const nameTaken = (db: Db, name: string, exceptId?: number) =>
  db.first(
    live(db)
      .where('name', '=', name)
      .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!)),
  ) !== undefined;

export const productsUsing = (db: Db, printerId: number) =>
  db.all(db.q.selectFrom('products').select('name').where('printer_id', '=', printerId).where('is_deleted', '=', 0).orderBy('name')).map((p) => p.name);

/** Printers that fall back to `printerId` stop doing so (it is being deleted). */
export const dropAsFallback = (tx: Tx, printerId: number) =>
  tx.run(tx.q.updateTable('printers').set({ fallback_printer_id: null }).where('fallback_printer_id', '=', printerId));

/** One bill printer at a time: every other printer stops being it. */
export const clearBillPrinter = (tx: Tx, exceptId?: number) =>
  tx.run(
    tx.q
      .updateTable('printers')
      .set({ is_bill_printer: 0 })
      .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!)),
  );
