// Realistic sample secrets and personal data for the demo workspace, generated when the workspace is created
// (never stored in the repository): each value has its provider's documented format, and checksums where the
// format has one, so that the scanner treats it as it would a real one.
import { randomInt } from 'node:crypto';
import { crc32, ibanMod97, luhn } from '../../src/core/scan/validators';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UPPER_DIGITS = UPPER + '234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

export function randomString(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** AWS access key id: `AKIA` and 16 characters of A-Z and 2-7. */
export const awsAccessKeyId = (): string => 'AKIA' + randomString(16, UPPER_DIGITS);
/** AWS secret access key: 40 characters of base64. */
export const awsSecretAccessKey = (): string => randomString(40, ALNUM + '+/');
/** Stripe live secret key. */
export const stripeSecretKey = (): string => ['sk', 'live', randomString(99)].join('_');
/** A database password as people pick them: words, digits and a sign. */
export const databasePassword = (): string => `Payments-${randomString(4, DIGITS)}-${randomString(10)}!`;

/** A classic GitHub personal access token: `ghp_`, 30 random characters and their base62 CRC32. */
export function githubToken(): string {
  const body = randomString(30);
  let n = crc32(body);
  let check = '';
  while (n > 0) {
    check = BASE62[n % 62] + check;
    n = Math.floor(n / 62);
  }
  return ['gh', 'p_'].join('') + body + check.padStart(6, '0');
}

/** A German IBAN (22 characters) with valid check digits, printed in groups of four. */
export function germanIban(): string {
  const bban = randomString(18, DIGITS);
  const rearranged = bban + '1314' + '00'; // "DE" as digits (D=13, E=14), check digits 00
  let rest = 0;
  for (const c of rearranged) rest = (rest * 10 + Number(c)) % 97;
  const iban = `DE${String(98 - rest).padStart(2, '0')}${bban}`;
  if (!ibanMod97(iban)) throw new Error('IBAN check digits');
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

/** A 16-digit Visa-range card number with a valid Luhn check digit, in groups of four. */
export function cardNumber(): string {
  const body = '4' + randomString(14, DIGITS);
  for (let d = 0; d <= 9; d++) {
    if (luhn(body + d)) return (body + d).replace(/(.{4})/g, '$1 ').trim();
  }
  throw new Error('unreachable: one check digit always fits');
}

const FIRST = ['Lena', 'Jonas', 'Amira', 'Mateo', 'Hanna', 'Yusuf', 'Clara', 'Tobias', 'Ines', 'Noah', 'Freya', 'Elias'];
const LAST = ['Becker', 'Okafor', 'Lindqvist', 'Moreau', 'Kowalski', 'Haddad', 'Schneider', 'Varga', 'Brennan', 'Sato'];
const MAIL = ['mailbox.org', 'posteo.de', 'gmx.net', 'web.de', 'outlook.com', 'proton.me'];

/** A customer export as it leaves a CRM: names, e-mail addresses, phone numbers, IBANs and card numbers. */
export function customersCsv(rows = 8): string {
  const lines = ['customer_id,name,email,phone,iban,card_number'];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[randomInt(FIRST.length)];
    const last = LAST[randomInt(LAST.length)];
    const email = `${first}.${last}${randomInt(10, 99)}@${MAIL[randomInt(MAIL.length)]}`.toLowerCase();
    const phone = `+49 ${randomInt(151, 179)} ${randomString(7, DIGITS)}`;
    lines.push(`C-${10481 + i},${first} ${last},${email},${phone},${germanIban()},${cardNumber()}`);
  }
  return lines.join('\n') + '\n';
}

/** The values the demo templates name as `{{generated:NAME}}`. */
export const GENERATORS: Record<string, () => string> = {
  'aws-access-key-id': awsAccessKeyId,
  'aws-secret-access-key': awsSecretAccessKey,
  'stripe-secret-key': stripeSecretKey,
  'database-password': databasePassword,
  'github-token': githubToken,
  'customers-csv': () => customersCsv(),
};

/** Replaces every `{{generated:NAME}}` in a template with a fresh value. */
export function fillTemplate(text: string): string {
  return text.replace(/\{\{generated:([a-z0-9-]+)\}\}/g, (placeholder, name: string) => {
    const make = GENERATORS[name];
    if (!make) throw new Error(`unknown placeholder ${placeholder}`);
    return make();
  });
}
