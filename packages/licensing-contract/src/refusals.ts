/** The error code a heartbeat gets for an unknown site or a wrong key (a module without zod, for browser bundles). */
export const REFUSED_SITE_KEY = 'invalid_site_key';
