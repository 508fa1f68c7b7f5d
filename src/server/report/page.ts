// The HTML shell shared by the dashboard and the login form: one nonce'd stylesheet, no scripts.
import { esc } from './charts';

const CSS = `
:root { color-scheme: light; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.meta { color: #57606a; } .empty { color: #57606a; font-style: italic; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; padding: 0; list-style: none; }
.totals li { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.totals b { display: block; font-size: 20px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; font-size: 12px; }
figcaption { color: #57606a; font-size: 12px; }
svg text { fill: #1b1f24; } .bar { fill: #0969da; } .bar.light { fill: #b6d4f5; }
.status-approved { color: #1a7f37; } .status-prohibited { color: #cf222e; font-weight: 600; }
.status-restricted { color: #9a6700; } .status-unlisted { color: #8250df; }
nav a, nav button { margin-right: 12px; } nav form { display: inline; }
button { font: inherit; } input { font: inherit; padding: 4px 8px; }
.error { color: #cf222e; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; margin: 12px 0; padding: 10px; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: #57606a; }
.state-overdue, .state-no-data { color: #cf222e; font-weight: 600; } .state-due, .state-not-acknowledged { color: #9a6700; }
.verified { color: #1a7f37; } .self-declared { color: #57606a; }
code.hash { font-size: 12px; word-break: break-all; }
.removed { color: #57606a; }
form.decide { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: end; min-width: 420px; }
form.decide label { display: flex; flex-direction: column; font-size: 12px; color: #57606a; }
form.decide input, form.decide select { font: inherit; font-size: 12px; padding: 2px 4px; }
.notice { border: 1px solid #1a7f37; background: #dafbe1; padding: 6px 10px; border-radius: 6px; }
@media print {
  nav, .noprint { display: none; } body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; } table, figure { break-inside: auto; } tr { break-inside: avoid; }
  .bar { fill: #333; } .bar.light { fill: #bbb; }
}
`;

export function pageShell(title: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style nonce="${nonce}">${CSS}</style></head>
<body>${body}</body></html>`;
}

export function cspHeader(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

export function loginPage(nonce: string, failed: boolean | string): string {
  return pageShell(
    'AI Tool Policy — sign in',
    nonce,
    `<h1>AI Tool Policy audit server</h1>
<p class="meta">Enter the admin token to see the evidence dashboard.</p>
${failed ? `<p class="error" role="alert">${esc(typeof failed === 'string' ? failed : 'That token is not valid.')}</p>` : ''}
<form method="post" action="/login"><label>Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
<button type="submit">Sign in</button></form>`,
  );
}
