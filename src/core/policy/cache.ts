// The last known good policy, kept in one JSON file written atomically (temp file + rename).
import { promises as fs } from 'node:fs';
import path = require('node:path');
import { nodeCrypto } from '../nodeBuiltins';
import { sha256 } from '../sha256';

export interface CachedPolicy {
  /** The exact bytes that were verified, base64. */
  data: string;
  signature?: string;
  etag?: string;
  source: string;
  /** sha256 hex of the bytes. */
  hash: string;
  savedAt: string;
}

export class PolicyCache {
  readonly file: string;
  constructor(readonly dir: string) {
    this.file = path.join(dir, 'policy-cache.json');
  }

  /** The cached entry, or undefined when there is none or it is damaged. */
  async read(): Promise<CachedPolicy | undefined> {
    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(raw) as CachedPolicy;
      if (typeof entry.data !== 'string' || typeof entry.source !== 'string') return undefined;
      return sha256(Buffer.from(entry.data, 'base64')) === entry.hash ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  async write(entry: Omit<CachedPolicy, 'hash' | 'savedAt' | 'data'> & { data: Buffer }): Promise<CachedPolicy> {
    const stored: CachedPolicy = {
      data: entry.data.toString('base64'),
      signature: entry.signature,
      etag: entry.etag,
      source: entry.source,
      hash: sha256(entry.data),
      savedAt: new Date().toISOString(),
    };
    await fs.mkdir(this.dir, { recursive: true });
    const tmp = `${this.file}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(stored), { mode: 0o600 });
    await fs.rename(tmp, this.file);
    return stored;
  }

  /** Updates the ETag only (after a 304), keeping the bytes. */
  async touch(etag: string | undefined): Promise<void> {
    const current = await this.read();
    if (current && etag) await this.write({ ...current, data: Buffer.from(current.data, 'base64'), etag });
  }
}
