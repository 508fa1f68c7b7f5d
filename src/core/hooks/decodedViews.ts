// What a text leaving the agent may hide a value in: percent-encoding (URLs, form bodies), base64, base32 and hex
// runs, runs written backwards, a value with a separator between its characters (s.k._.l.i.v.e), an e-mail
// address spelt out (name at example dot com), an IBAN in lower case. The outbound judge scans each view, so an
// encoded secret is found like a plain one. Each decoder is one pass over the text, and the runs it decodes are
// bounded in length and number: the cost stays linear in the text.

/** Base64 runs (standard or URL-safe) long enough to hold a key, short enough to be one value. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,4096}={0,2}/g;
/** Hex runs (whole bytes) and base32 runs (one case) long enough to hold a key. */
const HEX_RUN = /(?:[0-9a-fA-F]{2}){12,2048}/g;
const BASE32_RUN = /[A-Z2-7]{20,4096}={0,6}|[a-z2-7]{20,4096}={0,6}/g;
/**
 * Eight or more single characters with the same separator between each (`s.k._.l`, `s k _ l`, `s-k-_-l`); a
 * character that is the separator itself ends the run (a row of dots is not a value).
 */
const SEPARATED_RUN = /\S([.:,;|_*~/\\ -])(?:(?!\1)\S\1){6,}(?!\1)\S/g;
/** An IBAN written in lower or mixed case (the detector reads the upper case the standard prints). */
const IBAN_ANY_CASE = /\b[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?\b/g;
/** `at` and `dot` spelt out between the parts of an e-mail address: ` at `, `[at]`, `(dot)`. */
const SPELT = (word: string): string => String.raw`(?:\s*[\[({<]\s*${word}\s*[\])}>]\s*|\s+${word}\s+)`;
// Bounded repetitions: a text of `dot dot dot...` with no `at` costs a few steps per word, not a split per word.
const SPELT_EMAIL = new RegExp(String.raw`[\w+-]{1,64}(?:(?:${SPELT('dot')}|\.)[\w+-]{1,64}){0,6}(?:${SPELT('at')}|@)[\w-]{1,64}(?:(?:${SPELT('dot')}|\.)[\w-]{1,64}){1,6}`, 'gi');
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

/** Bytes that read as text (mostly printable): what a decoded key looks like, and random bytes do not. */
function readable(bytes: Buffer): string | undefined {
  if (bytes.length < 12) return undefined;
  const text = bytes.toString('latin1');
  const printable = text.replace(/[^\x20-\x7e\t\r\n]/g, '').length;
  return printable / text.length >= 0.9 ? text : undefined;
}

function base32Bytes(run: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of run.replace(/=+$/, '').toUpperCase()) {
    value = ((value << 5) | alphabet.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** Runs of one pattern, decoded by `decode`, that read as text, each on its own line. */
function decodedRuns(t: string, run: RegExp, decode: (run: string) => string | undefined): string | undefined {
  const out: string[] = [];
  for (const m of t.matchAll(run)) {
    if (out.length >= MAX_VIEWS) break;
    const text = decode(m[0]);
    if (text !== undefined) out.push(text);
  }
  return out.length ? out.join('\n') : undefined;
}

function base64Decoded(t: string): string | undefined {
  return decodedRuns(t, BASE64_RUN, (run) => {
    // Plain words and paths are not base64 worth decoding: a run needs a digit or mixed case.
    if (!/[0-9]/.test(run) && !(/[a-z]/.test(run) && /[A-Z]/.test(run))) return undefined;
    return readable(Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  });
}

const hexDecoded = (t: string): string | undefined => decodedRuns(t, HEX_RUN, (run) => readable(Buffer.from(run, 'hex')));
const base32Decoded = (t: string): string | undefined => decodedRuns(t, BASE32_RUN, (run) => readable(base32Bytes(run)));

/** Key-like runs written backwards, each turned around (the key's own prefix then reads as the detector expects). */
const reversedRuns = (t: string): string | undefined => decodedRuns(t, BASE64_RUN, (run) => [...run].reverse().join(''));

/** The text with each separated run joined up (its context kept, so that `KEY=s.k._.l...` still reads as KEY=). */
function separatorsRemoved(t: string): string | undefined {
  let found = false;
  const joined = t.replace(SEPARATED_RUN, (run) => {
    found = true;
    return run.replace(/(\S)[^]/g, '$1');
  });
  return found ? joined : undefined;
}

/** The text with spelt-out e-mail addresses written as addresses. */
function emailsSpelt(t: string): string | undefined {
  if (!/[\s[({<](?:at|dot)[\s\])}>]/i.test(t)) return undefined;
  let found = false;
  const written = t.replace(SPELT_EMAIL, (m) => {
    const address = m.replace(new RegExp(SPELT('at'), 'i'), '@').replace(new RegExp(SPELT('dot'), 'gi'), '.');
    found ||= address !== m;
    return address;
  });
  return found ? written : undefined;
}

/** The text with IBAN-shaped words in upper case, when one is not. */
function ibansUpperCased(t: string): string | undefined {
  let found = false;
  const upper = t.replace(IBAN_ANY_CASE, (m) => {
    if (!/[a-z]/.test(m)) return m;
    found = true;
    return m.toUpperCase();
  });
  return found ? upper : undefined;
}

/**
 * The text and what it decodes to: percent-decoded; then of each, separators removed, e-mail addresses and IBANs
 * written as such; then of each of those, base64, base32 and hex runs decoded and key-like runs turned around.
 */
export function decodedViews(text: string): string[] {
  const views = [text];
  const add = (v: string | undefined): void => {
    if (v !== undefined && v !== text && views.length < MAX_VIEWS) views.push(v);
  };
  add(percentDecoded(text));
  for (const v of [...views]) {
    add(separatorsRemoved(v));
    add(emailsSpelt(v));
    add(ibansUpperCased(v));
  }
  for (const v of [...views]) {
    add(base64Decoded(v));
    add(base32Decoded(v));
    add(hexDecoded(v));
    add(reversedRuns(v));
  }
  return views;
}
