import type { Actor } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isoNow } from '@tavli/server-kit/clock';
import type { LicensingSite } from '../config.js';
import { CreatePrinterBody } from '../printing/printers.schema.js';
import type { Services } from '../services.js';
import { getSetting, setSetting } from '../settings/settings.repository.js';
import type { AppContext } from '../shared/context.js';
import { insertUser, usernameTaken } from '../staff/staff.repository.js';
import { discoverPrinters } from './printer-discovery.js';
import { addSshKey, sshKeyCount } from './ssh-access.js';

const FINISHED_KEY = 'setup_finished_at';
const TIME_ZONE_KEY = 'time_zone';

export const setupFinished = (ctx: Pick<AppContext, 'db'>) => getSetting(ctx.db, FINISHED_KEY) !== undefined;

/** The time zone the setup chose (it wins over TZ_NAME, which is only the appliance's default). */
export const chosenTimeZone = (ctx: Pick<AppContext, 'db'>) => getSetting(ctx.db, TIME_ZONE_KEY);

export type SetupState = ReturnType<ReturnType<typeof createSetupService>['state']>;

/**
 * The first-boot setup: each step writes what it asks for at once, through the features' own
 * rules (so a power cut resumes where it stopped), and the state is read back from the database.
 * The actor is the installer: no staff exists yet to name, so the audit log keeps their address.
 */
export function createSetupService(ctx: AppContext, services: Services) {
  const { db } = ctx;
  const managers = () =>
    db.all(db.q.selectFrom('users').select(['username', 'full_name']).where('role', 'in', ['manager', 'admin']).where('is_active', '=', 1).orderBy('id'));
  const groups = () =>
    db.all(db.q.selectFrom('table_groups').select(['id', 'name']).where('is_active', '=', 1).orderBy('sort_order').orderBy('id')).map((group) => ({
      ...group,
      labels: db
        .all(db.q.selectFrom('tables').select('label').where('group_id', '=', group.id).where('is_active', '=', 1).orderBy('sort_order'))
        .map((table) => table.label),
    }));

  return {
    /** Whether the first step is done (the wizard then speaks the language it chose), without reading the whole state. */
    restaurantNamed: () => getSetting(db, 'restaurant_name') !== undefined,

    state() {
      const settings = services.settings.get();
      const license = services.license.status();
      const printers = services.printers.list();
      return {
        finished: setupFinished(ctx),
        restaurant: { name: getSetting(db, 'restaurant_name'), language: settings.language, time_zone: ctx.config.timeZone },
        license: { state: license.state, site_id: license.site_id, last_error: license.last_error },
        managers: managers(),
        printers,
        groups: groups(),
        sshKeys: sshKeyCount(ctx.config.dataDir),
      };
    },

    saveRestaurant(actor: Actor, input: { name: string; language: 'el' | 'en'; time_zone: string }) {
      return db.write((tx) => {
        services.settings.update(tx, actor, { restaurant_name: input.name, language: input.language });
        setSetting(tx, TIME_ZONE_KEY, input.time_zone);
        tx.afterCommit(() => (ctx.config.timeZone = input.time_zone));
      });
    },

    activateLicense: (site: LicensingSite) => services.license.activate(site),

    async addManager(actor: Actor, input: { full_name: string; username: string; pin: string }) {
      const pinHash = await services.staff.hashPin(input.pin);
      return db.write((tx) => {
        if (usernameTaken(tx, input.username)) return false;
        const id = insertUser(tx, { username: input.username, full_name: input.full_name, role: 'manager', pin_hash: pinHash });
        recordAudit(
          tx,
          { actor, action: 'user_created', entity: 'user', entityId: id, details: { username: input.username, role: 'manager' } },
          isoNow(ctx.clock),
        );
        return true;
      });
    },

    discoverPrinters: () => discoverPrinters(ctx.config.printing.discovery),

    /** The first printer added prints the bills until another is chosen. */
    addPrinter: (actor: Actor, input: { name: string; ip_address: string; port: number }) =>
      db.write((tx) =>
        services.printers.create(tx, actor, CreatePrinterBody.parse({ ...input, is_bill_printer: services.printers.list().every((p) => !p.is_bill_printer) })),
      ),
    removePrinter: (actor: Actor, id: number) => db.write((tx) => services.printers.remove(tx, actor, id)),
    makeBillPrinter: (actor: Actor, id: number) => db.write((tx) => services.printers.update(tx, actor, id, { is_bill_printer: true })),
    testPrint: (id: number) => services.printers.test(id),

    addTableGroup: (actor: Actor, input: { name: string; count: number; prefix: string }) =>
      db.write((tx) => {
        const group = services.tables.createGroup(tx, actor, { name: input.name, sort_order: groups().length });
        services.tables.createBatch(tx, actor, { group_id: group.id, prefix: input.prefix, from: 1, count: input.count });
      }),
    removeTableGroup: (actor: Actor, id: number) =>
      db.write((tx) => {
        const tables = db.all(db.q.selectFrom('tables').select('id').where('group_id', '=', id).where('is_active', '=', 1));
        for (const table of tables) services.tables.remove(tx, actor, table.id);
        services.tables.removeGroup(tx, actor, id);
      }),

    /** The image's path unit (tavli-ssh.path) sees the file change and turns SSH on for that key. */
    async enableSsh(actor: Actor, key: string) {
      addSshKey(ctx.config.dataDir, key);
      await db.write((tx) =>
        recordAudit(tx, { actor, action: 'ssh_key_added', entity: 'settings', details: { key: key.split(/\s+/).slice(0, 1).join(' ') } }, isoNow(ctx.clock)),
      );
    },

    /** Closes the wizard for good; what it set is a manager's to change from now on, in the dashboard. */
    finish: (actor: Actor) =>
      db.write((tx) => {
        setSetting(tx, FINISHED_KEY, isoNow(ctx.clock));
        recordAudit(tx, { actor, action: 'setup_finished', entity: 'settings' }, isoNow(ctx.clock));
      }),
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
