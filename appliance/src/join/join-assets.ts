/**
 * The join page's style, its one small script and its step pictures, served from the appliance
 * itself (/join/join.css, /join/join.js): the page works with no internet and under a CSP of 'self'.
 */

export const JOIN_CSS = `
:root { color-scheme: light; --ink: #1f2430; --accent: #b5472c; --ok: #1e6b3a; --bad: #9b1c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.5 system-ui, sans-serif; color: var(--ink); background: #f4f1de; }
main { max-width: 640px; margin: 0 auto; padding: 16px 16px 48px; }
header { display: flex; justify-content: space-between; align-items: center; gap: 12px; }
h1 { font-size: 1.5rem; margin: 8px 0; }
nav.platforms { display: flex; gap: 8px; flex-wrap: wrap; margin: 16px 0; }
nav a, .button { display: inline-flex; align-items: center; justify-content: center; min-height: 48px; padding: 10px 18px; border-radius: 10px; border: 2px solid var(--ink); color: var(--ink); background: #fff; text-decoration: none; font: inherit; font-weight: 600; cursor: pointer; }
nav a[aria-current="page"] { background: var(--ink); color: #fff; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button:focus-visible, nav a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
ol.steps { list-style: none; padding: 0; margin: 0; display: grid; gap: 16px; }
ol.steps li { display: grid; grid-template-columns: 72px 1fr; gap: 14px; align-items: start; background: #fff; border-radius: 14px; padding: 14px; }
ol.steps svg { width: 72px; height: 96px; }
.step-label { display: block; font-size: .85rem; font-weight: 700; color: var(--accent); text-transform: uppercase; letter-spacing: .04em; }
.hint { font-size: .9rem; color: #4a4f5c; }
#status { min-height: 1.5em; font-weight: 700; }
#status.ok { color: var(--ok); }
#status.failed { color: var(--bad); }
.qr { width: 220px; height: 220px; background: #fff; padding: 8px; border-radius: 8px; }
.fingerprint { font: .8rem/1.4 ui-monospace, monospace; word-break: break-all; color: #4a4f5c; }
[hidden] { display: none !important; }
`;

/**
 * Check: a no-cors fetch of /join/check over HTTPS settles only if the phone accepted the
 * appliance's certificate. Then plain HTTP learns (a cookie) that it may send this phone to HTTPS.
 */
export const JOIN_SCRIPT = `(() => {
  const button = document.getElementById('check');
  const status = document.getElementById('status');
  const open = document.getElementById('open');
  if (!button || !status || !open) return;
  const probe = async () => {
    await fetch(button.dataset.probe, { mode: 'no-cors', cache: 'no-store' });
    document.cookie = 'tavli_https=1; max-age=315360000; path=/; samesite=lax';
    status.textContent = button.dataset.done;
    status.className = 'ok';
    open.hidden = false;
  };
  button.addEventListener('click', () => {
    status.textContent = button.dataset.checking;
    status.className = '';
    probe().catch(() => {
      status.textContent = button.dataset.failed;
      status.className = 'failed';
    });
  });
  const quietly = () => probe().catch(() => undefined);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && quietly());
  quietly();
})();
`;

const phone = (inner: string) =>
  `<svg viewBox="0 0 72 96" aria-hidden="true" focusable="false"><rect x="6" y="2" width="60" height="92" rx="9" fill="#1f2430"/><rect x="10" y="10" width="52" height="76" rx="3" fill="#fff"/>${inner}</svg>`;

/** Line drawings of each step, so a waiter who does not read the text still sees what to look for. */
export const PICTURES = {
  download: phone(
    '<path d="M36 24v26m-11-11 11 11 11-11" stroke="#b5472c" stroke-width="5" fill="none" stroke-linecap="round" stroke-linejoin="round"/><rect x="20" y="58" width="32" height="6" rx="3" fill="#b5472c"/>',
  ),
  settings: phone(
    '<circle cx="24" cy="22" r="6" fill="none" stroke="#1f2430" stroke-width="3"/><rect x="16" y="36" width="40" height="8" rx="2" fill="#d9d5c3"/><rect x="16" y="50" width="40" height="8" rx="2" fill="#b5472c"/><rect x="16" y="64" width="40" height="8" rx="2" fill="#d9d5c3"/>',
  ),
  trust: phone(
    '<rect x="16" y="30" width="40" height="8" rx="2" fill="#d9d5c3"/><rect x="30" y="48" width="26" height="14" rx="7" fill="#1e6b3a"/><circle cx="49" cy="55" r="5" fill="#fff"/><rect x="16" y="52" width="10" height="6" rx="2" fill="#d9d5c3"/>',
  ),
  check: phone('<path d="M22 48l10 10 18-22" stroke="#1e6b3a" stroke-width="6" fill="none" stroke-linecap="round" stroke-linejoin="round"/>'),
};
