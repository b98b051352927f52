import fs from 'node:fs';
import net from 'node:net';
import { currentNetwork, APPLIANCE_NAME } from '../https/lan-names.js';
import { findBillPrinter, type PrinterRow } from '../printing/printers.repository.js';
import { TEXT } from '../printing/ticket-text.js';
import type { Services } from '../services.js';
import { getSetting, setSetting } from '../settings/settings.repository.js';
import type { AppContext } from '../shared/context.js';
import { localDateTime } from '../shared/time.js';

const ANNOUNCED_KEY = 'announced_boot_id';
const RETRY_EVERY_MS = 15_000;
/** A printer switched on with the appliance may take a minute or two to answer. */
const GIVE_UP_AFTER_MS = 5 * 60_000;
const ADDRESS_WAIT_MS = 2 * 60_000;

const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id';
export const currentBootId = () => (fs.existsSync(BOOT_ID_FILE) ? fs.readFileSync(BOOT_ID_FILE, 'utf8').trim() : undefined);

/**
 * Prints where the appliance answers on the bill printer, once per boot, the way a network
 * printer prints its configuration page: "Το Tavli είναι έτοιμο στο http://tavli.local — 192.168.1.23".
 * Waits a while for an address and tries again for a few minutes while the printer warms up;
 * `done` says whether it printed, `stop` gives up.
 */
export function announceAtBoot(ctx: AppContext, services: Services, bootId = currentBootId()): { stop(): void; done: Promise<boolean> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const startedAt = Date.now();
  const attempt = async (): Promise<boolean> => {
    const printer = findBillPrinter(ctx.db);
    if (stopped || !bootId || !printer || getSetting(ctx.db, ANNOUNCED_KEY) === bootId) return false;
    const port = ctx.config.port === 80 ? '' : `:${ctx.config.port}`;
    const addresses = currentNetwork().addresses.filter((address) => net.isIPv4(address));
    // At boot the router may not have answered yet: an address is worth waiting for, a while.
    const printed = (addresses.length > 0 || Date.now() - startedAt > ADDRESS_WAIT_MS) && (await print(printer, port, addresses));
    if (printed) {
      await ctx.db.write((tx) => setSetting(tx, ANNOUNCED_KEY, bootId));
      return true;
    }
    if (Date.now() - startedAt > GIVE_UP_AFTER_MS) return false;
    return new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(attempt()), RETRY_EVERY_MS);
      timer.unref();
    });
  };
  const print = async (printer: PrinterRow, port: string, addresses: string[]) => {
    const { printed } = await services.printing.notice(printer, (at, locale) => ({
      title: 'Tavli',
      banners: [TEXT.ready],
      meta: [localDateTime(at, locale.timeZone)],
      body: [
        { type: 'text', text: TEXT.readyAt(`http://${APPLIANCE_NAME}${port}`, addresses.map((address) => `${address}${port}`).join(', ')), bold: true },
        { type: 'text', text: TEXT.joinHint },
      ],
    }));
    return printed;
  };
  const done = ctx.config.announceAtBoot ? attempt().catch(() => false) : Promise.resolve(false);
  return {
    done,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
