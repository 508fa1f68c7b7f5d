// Ed25519 detached signatures over the exact policy bytes, base64-encoded (`<policy>.sig`).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export function signPolicy(data: Uint8Array | string, privateKeyPem: string): string {
  const key = readKey(() => createPrivateKey(privateKeyPem), 'an Ed25519 private key (PEM PKCS#8)');
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 private key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  return sign(null, toBytes(data), key).toString('base64');
}

/** True only when `signature` (base64) is a valid Ed25519 signature of `data` by the key. */
export function verifyPolicy(data: Uint8Array | string, signature: string, publicKeyPem: string): boolean {
  const key = readKey(() => createPublicKey(publicKeyPem), 'an Ed25519 public key (PEM SPKI)');
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 public key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  const sig = signature.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) return false;
  const bytes = Buffer.from(sig, 'base64');
  if (bytes.length !== 64) return false;
  return verify(null, toBytes(data), key, bytes);
}

/** Checks that a PEM holds an Ed25519 public key; returns a reason when it does not. */
export function publicKeyError(publicKeyPem: string): string | undefined {
  try {
    const key = createPublicKey(publicKeyPem);
    return key.asymmetricKeyType === 'ed25519' ? undefined : `expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`;
  } catch (e) {
    return `not a PEM public key (${e instanceof Error ? e.message : String(e)})`;
  }
}

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
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
