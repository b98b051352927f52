/** The appliance's front door: pick the waiter app or the manager dashboard. Greek first, English beside it. */
export const landingPage = (restaurantName: string) => `<!doctype html>
<html lang="el">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tavli · ${escapeHtml(restaurantName)}</title>
<link rel="stylesheet" href="/landing.css">
</head>
<body>
<main>
  <h1>${escapeHtml(restaurantName)}</h1>
  <a href="/waiter/">Σερβιτόροι<small>Waiters</small></a>
  <a href="/manager/">Διαχείριση<small>Manager</small></a>
  <a class="secondary" href="/api/docs">Τεκμηρίωση API<small>API documentation</small></a>
</main>
</body>
</html>`;

/** The front door's style, served as a file (/landing.css): no inline style under the Content-Security-Policy. */
export const LANDING_CSS = `  body { font-family: system-ui, sans-serif; margin: 0; min-height: 100vh; display: grid; place-items: center; background: #1f2430; color: #f4f1de; }
  main { text-align: center; padding: 24px; }
  a { display: block; margin: 16px auto; padding: 20px 32px; min-width: 240px; border-radius: 12px; background: #e07a5f; color: #1a0f0b; text-decoration: none; font-size: 1.3rem; }
  a.secondary { background: transparent; color: #f4f1de; border: 1px solid #f4f1de55; font-size: 1rem; }
  small { display: block; opacity: .75; font-size: .85rem; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
