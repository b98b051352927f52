import { call, client, type Ok } from '../../shared/api/client';

const license = client.api.system.license;
const printers = client.api.printers;

/** The site's licence as the appliance last verified it; `license.updated` events carry the same body. */
export type LicenseStatus = Ok<typeof license.$get>;
/** One printer's live state; `printer.updated` events carry one of these. */
export type PrinterStatus = Ok<typeof printers.status.$get>[number];

/** Needs no sign-in and answers even on a locked site, so the banner can say why. */
export const fetchLicense = () => call(license.$get, {}, 200);

/** Which printers are up and how many jobs wait (any signed-in user). */
export const fetchPrinters = () => call(printers.status.$get, {}, 200);

/** Where the status comes from, to tell whether an answer is as new as the live stream. */
export const statusUrls = () => [license.$url(), printers.status.$url()];
