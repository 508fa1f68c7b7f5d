// Ed25519 detached signatures over the exact policy bytes, base64-encoded (`<policy>.sig`).
// A verifier may pin several public keys (PEM blocks one after another): a signature by any of them holds.
// That is how the signing key is rotated without locking anyone out (see docs/policy.md).
import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../nodeBuiltins';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** What a PEM text holds, judged by its armour: a private key, public key(s), or something else. */
export function keyKind(pem: string): 'private' | 'public' | 'other' {
  const labels = [...pem.matchAll(PEM_BLOCK)].map((m) => m[1]);
  if (labels.some((l) => l.includes('PRIVATE KEY'))) return 'private';
  if (labels.length && labels.every((l) => l === 'PUBLIC KEY')) return 'public';
  return 'other';
}

/** The PEM blocks of a text that may hold one or more public keys (anything outside the blocks is ignored). */
export function pemBlocks(text: string): string[] {
  return [...text.matchAll(PEM_BLOCK)].map((m) => m[0]);
}

export function signPolicy(data: Uint8Array | string, privateKeyPem: string): string {
  if (keyKind(privateKeyPem) === 'public') throw new Error('this is a public key; signing needs the private key (PEM PKCS#8)');
  const key = readKey(() => nodeCrypto().createPrivateKey(privateKeyPem), 'an Ed25519 private key (PEM PKCS#8)');
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 private key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  return nodeCrypto().sign(null, toBytes(data), key).toString('base64');
}

/**
 * True only when `signature` (base64) is a valid Ed25519 signature of `data` by one of the public keys in
 * `publicKeysPem` (one PEM block, or several for a key rotation). A private key is refused, not used.
 */
export function verifyPolicy(data: Uint8Array | string, signature: string, publicKeysPem: string): boolean {
  const keys = publicKeys(publicKeysPem);
  const sig = signature.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) return false;
  const bytes = Buffer.from(sig, 'base64');
  if (bytes.length !== 64) return false;
  return keys.some((key) => nodeCrypto().verify(null, toBytes(data), key, bytes));
}

/** Checks that a text holds one or more Ed25519 public keys (PEM SPKI); returns a reason when it does not. */
export function publicKeyError(publicKeysPem: string): string | undefined {
  try {
    publicKeys(publicKeysPem);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function publicKeys(text: string): KeyObject[] {
  if (keyKind(text) === 'private') throw new Error('this is a private key; verifying needs the public key (PEM SPKI), and the private key belongs only where policies are signed');
  const blocks = pemBlocks(text);
  return (blocks.length ? blocks : [text]).map((pem, i) => {
    const where = blocks.length > 1 ? ` (key ${i + 1} of ${blocks.length})` : '';
    const key = readKey(() => nodeCrypto().createPublicKey(pem), `an Ed25519 public key (PEM SPKI)${where}`);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key${where}, got ${key.asymmetricKeyType ?? 'unknown'}`);
    return key;
  });
}

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = nodeCrypto().generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** OpenSSL's decoder messages ("DECODER routines::unsupported") do not say what was expected. */
function readKey(read: () => KeyObject, expected: string): KeyObject {
  try {
    return read();
  } catch (e) {
    throw new Error(`not ${expected}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function toBytes(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}
