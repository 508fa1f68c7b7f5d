// Check-digit and plausibility checks used by rule validators.

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Luhn (mod 10) over the digits of s. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** ISO 13616 mod-97 check of an IBAN without separators. */
export function ibanMod97(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const v = c >= 65 && c <= 90 ? String(c - 55) : c >= 48 && c <= 57 ? ch : '';
    if (!v) return false;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/** US SSN: area 000, 666 and 900-999, group 00 and serial 0000 are never issued. */
export function validSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  return !/^(\d)\1{8}$/.test(area + group + serial);
}

/** US ITIN: 9xx with group 50-65, 70-88, 90-92 or 94-99. */
export function validItin(area: string, group: string): boolean {
  if (area[0] !== '9') return false;
  const g = Number(group);
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** UK NHS number: weights 10..2, check digit 11 - (sum mod 11); 10 is invalid. */
export function validNhs(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** GitHub tokens end in the base62 CRC32 of their first 30 random characters (6 chars, zero-padded). */
export function githubChecksumOk(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  let n = crc32(body.slice(0, 30));
  let enc = '';
  while (n > 0) {
    enc = B62[n % 62] + enc;
    n = Math.floor(n / 62);
  }
  return enc.padStart(6, '0') === body.slice(30);
}

const PLACEHOLDER = /x{4,}|\*{3,}|\.{3}|example|sample|dummy|placeholder|redacted|changeme|your[_-]?|<[^>]*>|\$\{|\{\{|%s|insert|replace/i;

/** Values that are obviously not real: placeholders, templates, runs of one character, alphabets. */
export function looksPlaceholder(s: string): boolean {
  if (PLACEHOLDER.test(s)) return true;
  const seq = longestSequence(s);
  return longestRun(s) * 3 > s.length + 2 || (seq >= 6 && seq * 4 >= s.length);
}

/** Longest run of consecutive ascending characters (`abcdef`, `123456`). */
function longestSequence(s: string): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** Made of words (`searchConfluenceUsingCql`, `id-Gost28147-89-None-KeyMeshing`): an identifier, not a secret. */
export function wordy(s: string): boolean {
  const parts = s.split(/[-_.:/\s]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  let words = 0;
  for (const p of parts) {
    const word = /^[A-Z]?[a-z]{2,}$/.test(p) || (/^[A-Z]{3,}$/.test(p) && /[^A-Z]/.test(s.replace(p, '')));
    if (word && /[aeiouy]/i.test(p) && !/[^aeiouy\d]{4}/i.test(p)) words += p.length;
  }
  return words * 2 >= s.length;
}

function longestRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** A plausible random token: not a placeholder and with at least `min` bits of entropy per char. */
export function randomLooking(s: string, min = 3): boolean {
  return !looksPlaceholder(s) && entropy(s) >= min && !wordy(s);
}
