// Test values built at run time from their documented formats (never stored whole in the repository).
import { crc32 } from '../../../src/core/scan/validators';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';

/** Deterministic pseudo-random string (LCG) over an alphabet. */
export function rnd(n: number, alphabet = ALNUM, seed = 7): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += alphabet[(x >>> 16) % alphabet.length];
  }
  return s;
}

/** A GitHub token whose last six characters are the base62 CRC32 of the first thirty. */
export function githubToken(prefix = ['gh', 'p_'].join('')): string {
  const body = rnd(30, ALNUM, 11);
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let n = crc32(body);
  let enc = '';
  while (n > 0) {
    enc = B62[n % 62] + enc;
    n = Math.floor(n / 62);
  }
  return prefix + body + enc.padStart(6, '0');
}

export const j = (...parts: string[]) => parts.join('');
