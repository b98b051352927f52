import { escapeHtml } from '../shared/html.js';
import { type JoinLanguage, type JoinMessages } from './join.messages.js';
import { fill } from '../shared/html.js';
import { PICTURES } from './join-assets.js';

export type Platform = 'android' | 'ios' | 'other';
export const PLATFORMS: Platform[] = ['android', 'ios', 'other'];

/** iPadOS asks for desktop pages and says "Macintosh"; the page's tabs let such a tablet pick iPhone / iPad. */
export function platformOf(userAgent: string | undefined): Platform {
  if (/iPhone|iPad|iPod/.test(userAgent ?? '')) return 'ios';
  if (/Android/.test(userAgent ?? '')) return 'android';
  return 'other';
}

export type JoinPageModel = {
  language: JoinLanguage;
  t: JoinMessages;
  platform: Platform;
  /** Shown over HTTPS: the phone already trusts the appliance. */
  trusted: boolean;
  authorityName: string;
  fingerprint: string;
  /** The HTTPS address that only answers if the phone trusts the CA. */
  probeUrl: string;
  /** Where the phone goes once it trusts the CA (the waiter app by default). */
  nextUrl: string;
  /** This page's plain-HTTP address, as the QR code carries it. */
  joinUrl: string;
};

/** The page a phone opens from the QR code: the steps for its platform, with pictures, and a check that it worked. */
export function joinPage(model: JoinPageModel): string {
  const { t, language, platform } = model;
  const other: JoinLanguage = language === 'el' ? 'en' : 'el';
  const query = (values: { lang?: string; platform?: string }) => `?${new URLSearchParams({ lang: language, platform, ...values }).toString()}`;
  const step = (n: number, picture: string, body: string) =>
    `<li>${picture}<div><span class="step-label">${escapeHtml(fill(t.step, { n }))}</span>${body}</div></li>`;
  const link = (href: string, label: string, download?: string) =>
    `<a class="button" href="${escapeHtml(href)}"${download ? ` download="${escapeHtml(download)}"` : ''}>${escapeHtml(label)}</a>`;
  const ca = model.authorityName;
  const steps: Record<Platform, string[]> = {
    android: [
      step(1, PICTURES.download, `<p>${escapeHtml(t.androidDownload)}</p>${link('/join/ca.crt', t.downloadCertificate, 'tavli-ca.crt')}`),
      step(2, PICTURES.settings, `<p>${escapeHtml(t.androidInstall)}</p><p class="hint">${escapeHtml(t.androidHint)}</p>`),
    ],
    ios: [
      step(1, PICTURES.download, `<p>${escapeHtml(t.iosDownload)}</p>${link('/join/ca.mobileconfig', t.downloadProfile)}`),
      step(2, PICTURES.settings, `<p>${escapeHtml(fill(t.iosInstall, { ca }))}</p>`),
      step(3, PICTURES.trust, `<p>${escapeHtml(fill(t.iosTrust, { ca }))}</p>`),
    ],
    other: [
      step(1, PICTURES.download, `<p>${escapeHtml(t.otherDownload)}</p>${link('/join/ca.crt', t.downloadCertificate, 'tavli-ca.crt')}`),
      step(
        2,
        `<img class="qr" src="/join/qr.svg" alt="QR: ${escapeHtml(model.joinUrl)}">`,
        `<p>${escapeHtml(t.otherScan)}</p><p><strong>${escapeHtml(model.joinUrl)}</strong></p>`,
      ),
    ],
  };
  const checkStep = step(
    steps[platform].length + 1,
    PICTURES.check,
    `<p>${escapeHtml(t.checkStep)}</p>
     <button type="button" id="check" class="button primary" data-probe="${escapeHtml(model.probeUrl)}" data-checking="${escapeHtml(t.checking)}" data-done="${escapeHtml(t.done)}" data-failed="${escapeHtml(t.notYet)}">${escapeHtml(t.check)}</button>
     <p id="status" role="status" aria-live="polite"${model.trusted ? ' class="ok"' : ''}>${model.trusted ? escapeHtml(t.done) : ''}</p>
     <p id="open"${model.trusted ? '' : ' hidden'}><a class="button primary" href="${escapeHtml(model.nextUrl)}">${escapeHtml(t.openWaiter)}</a></p>
     <p class="hint">${escapeHtml(t.installHint)}</p>`,
  );
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<link rel="stylesheet" href="/join/join.css">
<script src="/join/join.js" defer></script>
</head>
<body>
<main>
  <header><h1>${escapeHtml(t.title)}</h1><a class="button" href="${query({ lang: other })}" lang="${other}">${escapeHtml(t.switchLanguage)}</a></header>
  <p>${escapeHtml(t.lead)}</p>
  <nav class="platforms" aria-label="${escapeHtml(t.platforms)}">
    ${PLATFORMS.map((p) => `<a href="${query({ platform: p })}"${p === platform ? ' aria-current="page"' : ''}>${escapeHtml(t[p])}</a>`).join('\n    ')}
  </nav>
  <ol class="steps">
    ${[...steps[platform], checkStep].join('\n    ')}
  </ol>
  <p class="fingerprint">${escapeHtml(t.fingerprint)}: ${escapeHtml(model.fingerprint)}</p>
</main>
</body>
</html>`;
}
