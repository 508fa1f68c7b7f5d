// What a text leaving the agent may hide a value in: percent-encoding (URLs, form bodies) and base64 runs. The
// outbound judge scans each view, so an encoded secret is found like a plain one.

/** Base64 runs (standard or URL-safe) long enough to hold a key, short enough to be one value. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,4096}={0,2}/g;
const MAX_VIEWS = 64;

function percentDecoded(t: string): string | undefined {
  if (!/%[0-9A-Fa-f]{2}/.test(t)) return undefined;
  try {
    return decodeURIComponent(t.replace(/\+/g, ' '));
  } catch {
    // A stray % (not an escape): decode the escapes one by one.
    return t.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Decoded base64 runs that read as text (mostly printable), each on its own line. */
function base64Decoded(t: string): string | undefined {
  const out: string[] = [];
  for (const m of t.matchAll(BASE64_RUN)) {
    if (out.length >= MAX_VIEWS) break;
    const run = m[0];
    // Plain words and paths are not base64 worth decoding: a run needs a digit or mixed case.
    if (!/[0-9]/.test(run) && !(/[a-z]/.test(run) && /[A-Z]/.test(run))) continue;
    const bytes = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length < 12) continue;
    const text = bytes.toString('latin1');
    const printable = text.replace(/[^\x20-\x7e\t\r\n]/g, '').length;
    if (printable / text.length >= 0.9) out.push(text);
  }
  return out.length ? out.join('\n') : undefined;
}

/** The text and what it decodes to: percent-decoded, and base64 runs decoded (of both). */
export function decodedViews(text: string): string[] {
  const views = [text];
  const pct = percentDecoded(text);
  if (pct !== undefined && pct !== text) views.push(pct);
  for (const v of [...views]) {
    const b = base64Decoded(v);
    if (b !== undefined) views.push(b);
  }
  return views;
}
