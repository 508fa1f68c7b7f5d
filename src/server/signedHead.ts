// Signed heads: the log's head hash, row and count at a time, signed with an Ed25519 key that is kept
// outside the database (a file only the publisher reads), and written somewhere the database's owner
// cannot rewrite (a folder on another system, a WORM bucket behind a URL). `verify-log --heads DIR
// --pubkey PUB` then proves that each published head is still the hash of its row in today's log, so a
// history rewritten and re-chained after a publication is caught.
import { createHash, createPublicKey } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import canonicalize from 'canonicalize';
import { pemBlocks, signPolicy, verifyPolicy } from '../core/policy/signature';
import type { Anchor, LogHead } from './store/types';

export const HEAD_FORMAT = 'ai-policy-head/1';

export interface SignedHead {
  format: string;
  hash: string;
  seq: number;
  count: number;
  time: string;
  /** sha256 of the signing key's public half (SPKI DER), hex. */
  key: string;
  /** Ed25519 over the canonical JSON of {format, hash, seq, count, time}, base64. */
  signature: string;
}

const signed = (h: Pick<SignedHead, 'format' | 'hash' | 'seq' | 'count' | 'time'>): string => canonicalize({ format: h.format, hash: h.hash, seq: h.seq, count: h.count, time: h.time }) as string;

export function keyFingerprint(keyPem: string): string {
  const der = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

export function signHead(head: LogHead, at: number, privateKeyPem: string): SignedHead {
  const body = { format: HEAD_FORMAT, hash: head.hash, seq: head.seq, count: head.count, time: new Date(at).toISOString() };
  return { ...body, key: keyFingerprint(privateKeyPem), signature: signPolicy(signed(body), privateKeyPem) };
}

/** The anchor a published head file proves, or the reason it proves nothing. */
export function readSignedHead(text: string, publicKeyPem: string): { ok: true; head: SignedHead; anchor: Anchor } | { ok: false; reason: string } {
  let h: SignedHead;
  try {
    h = JSON.parse(text) as SignedHead;
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!h || h.format !== HEAD_FORMAT || typeof h.hash !== 'string' || !/^[0-9a-f]{64}$/.test(h.hash) || !Number.isSafeInteger(h.seq) || !Number.isSafeInteger(h.count) || typeof h.time !== 'string' || typeof h.signature !== 'string') {
    return { ok: false, reason: `not a signed head (${HEAD_FORMAT})` };
  }
  if (!verifyPolicy(signed(h), h.signature, publicKeyPem)) return { ok: false, reason: 'its signature does not hold for the given public key' };
  return { ok: true, head: h, anchor: { hash: h.hash, seq: h.seq } };
}

/** Writes a signed head to a folder (one file per publication) or PUTs it to an http(s) URL. */
export async function publishHead(h: SignedHead, target: string): Promise<string> {
  const text = `${JSON.stringify(h, null, 2)}\n`;
  if (/^https?:\/\//i.test(target)) {
    const url = new URL(target);
    url.pathname = path.posix.join(url.pathname, `head-${h.time.replace(/[:.]/g, '-')}.json`);
    const r = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: text });
    if (!r.ok) throw new Error(`PUT ${url.origin}${url.pathname} answered ${r.status}`);
    return `${url.origin}${url.pathname}`;
  }
  fs.mkdirSync(target, { recursive: true });
  const file = path.join(target, `head-${String(h.seq).padStart(12, '0')}-${h.time.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, text, { flag: 'wx' });
  return file;
}

/** The public key text, checked to hold at least one PEM block. */
export function readPublicKey(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!pemBlocks(text).length) throw new Error(`${file} holds no PEM public key`);
  return text;
}
