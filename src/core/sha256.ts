// The SHA-256 of some bytes or text, as lower-case hex: policy hashes, token and session digests, path digests.
import { nodeCrypto } from './nodeBuiltins';

export function sha256(data: Buffer | string): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex');
}
