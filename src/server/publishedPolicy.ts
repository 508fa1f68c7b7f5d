// The published policy (and its detached signature) served as-is, re-read when the file changes, with
// an ETag so editors can poll cheaply. Also gives the report the policy's organization, version, dates
// and training list, and the file's own SHA-256 and signature state (checked with --policy-pubkey), and the
// earlier versions kept in the --policy-history folder, each with its own signature state.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { pemBlocks, verifyPolicy } from '../core/policy/signature';
import type { PolicyInfo } from './report/policyInfo';
import { keyFingerprint } from './signedHead';

interface Cached {
  key: string;
  bytes: Buffer;
  etag: string;
}

export class PublishedPolicy {
  private readonly cache = new Map<string, Cached>();
  private info: { key: string; value: PolicyInfo | undefined } | undefined;
  private past: { key: string; value: NonNullable<PolicyInfo['history']> } | undefined;

  constructor(
    readonly file: string,
    private readonly keyFile?: string,
    private readonly historyDir?: string,
  ) {}

  /** The signature state of a file's bytes: which of the given public keys (by fingerprint) verifies it. */
  private signature(bytes: Buffer, sig: Buffer | undefined): NonNullable<PolicyInfo['signature']> {
    if (!sig) return { state: 'unsigned' };
    if (!this.keyFile) return { state: 'not checked' };
    const keys = pemBlocks(fs.readFileSync(this.keyFile, 'utf8'));
    const key = keys.find((k) => verifyPolicy(bytes, sig.toString('utf8'), k));
    return key ? { state: 'valid', key: keyFingerprint(key) } : { state: 'invalid' };
  }

  /**
   * The earlier published versions: every `*.yaml` / `*.yml` file of the history folder, with its `.sig`
   * beside it. Re-read when the folder's listing or a file changes; a file that cannot be parsed has no version.
   */
  history(): NonNullable<PolicyInfo['history']> {
    if (!this.historyDir) return [];
    let names: string[];
    try {
      names = fs.readdirSync(this.historyDir).filter((n) => /\.ya?ml$/i.test(n)).sort();
    } catch (e) {
      console.error(`the policy history folder ${this.historyDir} cannot be read:`, e);
      return [];
    }
    const files = names.map((n) => path.join(this.historyDir as string, n));
    const stamp = (f: string) => {
      try {
        const st = fs.statSync(f);
        return `${st.mtimeMs}:${st.size}`;
      } catch {
        return '-';
      }
    };
    const key = files.map((f) => `${f}=${stamp(f)}/${stamp(`${f}.sig`)}`).join('|');
    if (this.past?.key === key) return this.past.value;
    const value = files.map((f) => {
      const bytes = fs.readFileSync(f);
      const sig = fs.existsSync(`${f}.sig`) ? fs.readFileSync(`${f}.sig`) : undefined;
      let version: number | undefined;
      try {
        const v = (parse(bytes.toString('utf8')) as Record<string, unknown> | null)?.version;
        version = typeof v === 'number' && Number.isInteger(v) ? v : undefined;
      } catch (e) {
        console.error(`the policy history file ${f} cannot be parsed:`, e);
      }
      const signature = this.signature(bytes, sig);
      const published = version !== undefined && (this.keyFile ? signature.state === 'valid' : signature.state !== 'invalid');
      return { file: path.basename(f), version, sha256: createHash('sha256').update(bytes).digest('hex'), signature, published };
    });
    this.past = { key, value };
    return value;
  }

  /** The file's bytes and ETag, or undefined when it does not exist. */
  read(which: 'policy' | 'signature'): Cached | undefined {
    const file = which === 'policy' ? this.file : this.file + '.sig';
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return undefined;
    }
    const key = `${st.mtimeMs}:${st.size}`;
    const hit = this.cache.get(which);
    if (hit && hit.key === key) return hit;
    const bytes = fs.readFileSync(file);
    const entry = { key, bytes, etag: `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"` };
    this.cache.set(which, entry);
    return entry;
  }

  /** Organization, version and trainings, for the report (undefined when the file is unreadable). */
  describe(): PolicyInfo | undefined {
    const c = this.read('policy');
    if (!c) return undefined;
    const sig = this.read('signature');
    const history = this.history();
    const cacheKey = `${c.etag}:${sig?.etag ?? ''}:${this.past?.key ?? ''}`;
    if (this.info?.key === cacheKey) return this.info.value;
    let value: PolicyInfo | undefined;
    try {
      const p = parse(c.bytes.toString('utf8')) as Record<string, unknown>;
      const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
      const training = Array.isArray(p.training)
        ? (p.training as Record<string, unknown>[])
            .filter((t) => typeof t?.id === 'string')
            .map((t) => ({ id: String(t.id), title: String(t.title ?? t.id), dueWithinDays: num(t.dueWithinDays), renewalDays: num(t.renewalDays) }))
        : [];
      const ack = p.acknowledgement && typeof p.acknowledgement === 'object' ? (p.acknowledgement as Record<string, unknown>) : undefined;
      const date = (v: unknown): string | undefined => (typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);
      value = {
        organization: typeof p.organization === 'string' ? p.organization : undefined,
        version: typeof p.version === 'number' ? p.version : undefined,
        published: date(p.published),
        effective: date(p.effective),
        sha256: createHash('sha256').update(c.bytes).digest('hex'),
        signature: this.signature(c.bytes, sig?.bytes),
        training,
        acknowledgement: ack ? { required: ack.required === true, withinDays: num(ack.withinDays) } : undefined,
        tools: policyTools(p.tools),
        history,
        ...mcpInfo(p.mcp),
        exceptionMaxDays: num((p.exceptions as Record<string, unknown> | undefined)?.maxDays),
      };
    } catch (e) {
      // An unreadable policy gives the report nothing to go by; the reason goes to the worker's log.
      console.error('the published policy cannot be read for the report:', e);
      value = undefined;
    }
    this.info = { key: cacheKey, value };
    return value;
  }
}

/** The policy's tool entries (id, name, status, identifiers), skipping malformed ones. */
function policyTools(v: unknown): PolicyInfo['tools'] {
  if (!Array.isArray(v)) return [];
  return (v as Record<string, unknown>[])
    .filter((t) => t && typeof t.id === 'string' && typeof t.status === 'string' && Array.isArray(t.identifiers))
    .map((t) => ({
      id: String(t.id),
      name: typeof t.name === 'string' ? t.name : undefined,
      status: String(t.status),
      identifiers: (t.identifiers as unknown[]).filter((i): i is string => typeof i === 'string'),
      owner: typeof t.owner === 'string' ? t.owner : undefined,
    }));
}

/** The policy's MCP server entries (name, status, owner) and what an unlisted server means. */
function mcpInfo(v: unknown): Pick<PolicyInfo, 'mcpServers' | 'mcpUnlisted'> {
  const mcp = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  const servers = Array.isArray(mcp.servers) ? (mcp.servers as Record<string, unknown>[]) : [];
  return {
    mcpServers: servers
      .filter((s) => s && typeof s.name === 'string' && typeof s.status === 'string')
      .map((s) => ({ name: String(s.name), status: String(s.status), owner: typeof s.owner === 'string' ? s.owner : undefined })),
    mcpUnlisted: typeof mcp.unlisted === 'string' ? mcp.unlisted : undefined,
  };
}
