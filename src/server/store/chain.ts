// The tamper-evident log: each stored event's hash covers the previous row's hash, the time the server
// received it, how it was authenticated and its canonical JSON text, in arrival order. Changing or
// removing any row changes every hash after it. An auditor can recompute it without this code:
//   hash(n) = sha256_hex(hash(n-1) + "\n" + received + "\n" + auth + "\n" + body), hash(0) = 64 zeros.
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export function chainHash(prev: string, received: string, auth: string, body: string): string {
  return createHash('sha256').update(`${prev}\n${received}\n${auth}\n${body}`).digest('hex');
}
