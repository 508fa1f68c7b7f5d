// The published policy's pseudonymization key (audit.pseudonymize.hmacKey), re-read when the file changes:
// e-mails in telemetry sent with the shared token are stored as the editor would send them, `anon:<hmac>`.
import { parse } from 'yaml';
import type { PublishedPolicy } from '../publishedPolicy';

export class PolicyKey {
  private cached: { etag: string; key: string | undefined } | undefined;

  constructor(
    private readonly policy: PublishedPolicy | undefined,
    private readonly log?: (line: string) => void,
  ) {}

  get(): string | undefined {
    const file = this.policy?.read('policy');
    if (!file) return undefined;
    if (this.cached?.etag === file.etag) return this.cached.key;
    let key: string | undefined;
    try {
      const p = parse(file.bytes.toString('utf8')) as { audit?: { pseudonymize?: { hmacKey?: unknown } } } | null;
      const k = p?.audit?.pseudonymize?.hmacKey;
      key = typeof k === 'string' && k ? k : undefined;
    } catch (e) {
      this.log?.(`the published policy cannot be read for its pseudonymization key: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    this.cached = { etag: file.etag, key };
    return key;
  }
}
