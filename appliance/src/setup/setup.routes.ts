import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { decodeSetupCode } from '@tavli/licensing-contract/setup-code';
import { clientAddress } from '@tavli/server-kit/client-address';
import { PinSchema } from '../auth/auth.schema.js';
import type { Services } from '../services.js';
import { isTimeZone } from '../config.js';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { AppError } from '@tavli/server-kit/errors';
import { fail } from '../shared/errors.js';
import { fill } from '../shared/html.js';
import { canFinish, finishedPage, setupPage, type SetupPageModel, type Step } from './setup-page.js';
import { SETUP_MESSAGES, type SetupLanguage, type SetupMessages } from './setup.messages.js';
import { createSetupService, setupFinished } from './setup.service.js';
import { isSshPublicKey } from './ssh-access.js';
import { SETUP_CSS } from './setup-assets.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * A request another site made the browser send. Browsers say so in Sec-Fetch-Site; Origin is the
 * fallback (and is "null" on these pages, whose Referrer-Policy is no-referrer).
 */
function crossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return false;
  return URL.canParse(origin) ? new URL(origin).host !== new URL(c.req.url).host : true;
}

const Restaurant = z.object({
  name: z.string().trim().min(1).max(80),
  language: z.enum(['el', 'en']),
  time_zone: z.string().refine(isTimeZone),
});
const Site = z.object({ site_id: z.string().trim().min(1).max(100), site_key: z.string().trim().min(1).max(200), cloud_url: z.url() });
const Manager = z.object({
  full_name: z.string().trim().min(1).max(80),
  username: z.string().trim().toLowerCase().min(1).max(40),
  pin: PinSchema,
  pin_again: z.string(),
});
const Printer = z.object({
  name: z.string().trim().min(1).max(60),
  ip_address: z.string().trim().min(1).max(253),
  port: z.coerce.number().int().min(1).max(65535),
});
const TableGroup = z.object({ name: z.string().trim().min(1).max(40), count: z.coerce.number().int().min(1).max(200), prefix: z.string().trim().max(6) });

/**
 * The first-boot setup wizard at /setup: plain HTML forms (they work on any phone or laptop, with
 * no script), open to the restaurant's network only until it is finished; then every page of it
 * answers 404 and only a manager changes these settings, in the dashboard.
 */
export function setupRoutes(ctx: AppContext, services: Services) {
  const setup = createSetupService(ctx, services);
  const actor = (c: Context) => ({ id: null, address: clientAddress(c) });

  const languageOf = (c: Context): SetupLanguage => {
    const asked = c.req.query('lang');
    if (asked === 'el' || asked === 'en') return asked;
    if (setup.restaurantNamed()) return services.settings.get().language;
    return c.req.header('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'el';
  };
  const page = (c: Context, step: Step, extra: Partial<SetupPageModel> = {}, status: 200 | 422 = 200) => {
    const language = languageOf(c);
    const model: SetupPageModel = {
      language,
      t: SETUP_MESSAGES[language],
      state: setup.state(),
      step,
      discoveryPort: ctx.config.printing.discovery.port,
      defaultCloudUrl: ctx.config.licensing.defaultCloudUrl ?? '',
      ...extra,
    };
    return c.html(setupPage(model), status, NO_STORE);
  };
  const saved = (c: Context, step: Step) => page(c, step, { notice: SETUP_MESSAGES[languageOf(c)].saved });
  const form = async (c: Context) =>
    Object.fromEntries(Object.entries(await c.req.parseBody()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const refuse = (c: Context, step: Step, values: Record<string, string>, error: keyof SetupMessages) =>
    page(c, step, { values, error: SETUP_MESSAGES[languageOf(c)][error] }, 422);

  return new Hono<AppEnv>()
    .get('/setup.css', (c) => c.body(SETUP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }))
    .use('*', async (c, next) => {
      if (setupFinished(ctx)) throw fail(404, 'not_found', 'Setup is finished: a manager changes these settings in the dashboard');
      // The wizard needs no sign-in, so a page elsewhere must not be able to post to it from the installer's browser.
      if (c.req.method === 'POST' && crossSite(c)) throw fail(403, 'forbidden', 'Cross-site form');
      await next();
    })
    .get('/', (c) => page(c, 'restaurant'))
    .get('/license', (c) => page(c, 'license'))
    .get('/manager', (c) => page(c, 'manager'))
    .get('/printers', async (c) => page(c, 'printers', c.req.query('find') ? { found: await setup.discoverPrinters() } : {}))
    .get('/tables', (c) => page(c, 'tables'))
    .get('/ssh', (c) => page(c, 'ssh'))
    .get('/finish', (c) => page(c, 'finish'))
    .post('/restaurant', async (c) => {
      const values = await form(c);
      const input = Restaurant.safeParse(values);
      if (!input.success) return refuse(c, 'restaurant', values, 'fieldRequired');
      await setup.saveRestaurant(actor(c), input.data);
      return saved(c, 'restaurant');
    })
    .post('/license', async (c) => {
      const values = await form(c);
      const code = values.setup_code?.trim() ? decodeSetupCode(values.setup_code) : undefined;
      if (values.setup_code?.trim() && !code) return refuse(c, 'license', values, 'badSetupCode');
      const site = Site.safeParse(code ?? values);
      if (!site.success) return refuse(c, 'license', values, 'siteFieldsNeeded');
      try {
        await setup.activateLicense({ id: site.data.site_id, key: site.data.site_key, cloudUrl: site.data.cloud_url });
      } catch (error) {
        if (error instanceof AppError) return page(c, 'license', { values, error: error.message }, 422);
        throw error;
      }
      return page(c, 'license');
    })
    .post('/manager', async (c) => {
      const values = await form(c);
      const input = Manager.safeParse(values);
      if (!input.success) return refuse(c, 'manager', { ...values, pin: '', pin_again: '' }, 'invalidValue');
      if (input.data.pin !== input.data.pin_again) return refuse(c, 'manager', { ...values, pin: '', pin_again: '' }, 'pinMismatch');
      if (!(await setup.addManager(actor(c), input.data))) return refuse(c, 'manager', { ...values, pin: '', pin_again: '' }, 'usernameTaken');
      return saved(c, 'manager');
    })
    .post('/printers/add', async (c) => {
      const values = await form(c);
      const input = Printer.safeParse(values);
      if (!input.success) return refuse(c, 'printers', values, 'invalidValue');
      try {
        await setup.addPrinter(actor(c), input.data);
      } catch (error) {
        if (error instanceof AppError && error.code === 'name_taken') return refuse(c, 'printers', values, 'printerNameTaken');
        if (error instanceof AppError) return page(c, 'printers', { values, error: error.message }, 422);
        throw error;
      }
      return saved(c, 'printers');
    })
    .post('/printers/:id{[0-9]+}/test', async (c) => {
      const printerId = Number(c.req.param('id'));
      const printer = services.printers.get(printerId);
      const { printed } = await setup.testPrint(printerId);
      const t = SETUP_MESSAGES[languageOf(c)];
      return printed
        ? page(c, 'printers', { notice: fill(t.testPrinted, { name: printer.name }) })
        : page(c, 'printers', { error: fill(t.testFailed, { name: printer.name }) });
    })
    .post('/printers/:id{[0-9]+}/bill', async (c) => {
      await setup.makeBillPrinter(actor(c), Number(c.req.param('id')));
      return saved(c, 'printers');
    })
    .post('/printers/:id{[0-9]+}/remove', async (c) => {
      await setup.removePrinter(actor(c), Number(c.req.param('id')));
      return saved(c, 'printers');
    })
    .post('/tables/add', async (c) => {
      const values = await form(c);
      const input = TableGroup.safeParse(values);
      if (!input.success) return refuse(c, 'tables', values, 'invalidValue');
      try {
        await setup.addTableGroup(actor(c), input.data);
      } catch (error) {
        if (error instanceof AppError && error.code === 'label_taken') return refuse(c, 'tables', values, 'labelTaken');
        throw error;
      }
      return saved(c, 'tables');
    })
    .post('/tables/:id{[0-9]+}/remove', async (c) => {
      await setup.removeTableGroup(actor(c), Number(c.req.param('id')));
      return saved(c, 'tables');
    })
    .post('/ssh', async (c) => {
      const values = await form(c);
      const key = values.key?.trim() ?? '';
      if (!isSshPublicKey(key)) return refuse(c, 'ssh', values, 'badSshKey');
      await setup.enableSsh(actor(c), key);
      return page(c, 'ssh');
    })
    .post('/finish', async (c) => {
      const state = setup.state();
      if (!canFinish(state)) return refuse(c, 'finish', {}, 'finishNeeds');
      const language = languageOf(c);
      await setup.finish(actor(c));
      return c.html(finishedPage(language, SETUP_MESSAGES[language], state.managers[0]!.username), 200, NO_STORE);
    });
}
