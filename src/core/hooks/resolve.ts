// Which policy a hook enforces: `--policy FILE`; else the managed configuration's policy source; else the
// policy the editor last verified (mirrored into the agent state folder). Fast path: the mirror is JSON,
// so an ordinary hook call neither parses YAML nor compiles the schema.
import { createHash } from 'node:crypto';
import { accessSync, constants as fsConstants, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path = require('node:path');
import type { Policy } from '../policy/types';
import { readManagedConfig } from '../managed/managedConfig';
import { AGENT_POLICY_FILE, agentStateDir } from './stateDir';

export interface MirroredPolicy {
  source: string;
  hash: string;
  version: number;
  savedAt: string;
  policy: Policy;
}

export type Resolved = { ok: true; policy: Policy; source: string; file?: string } | { ok: false; error: string; onError?: 'allow' | 'deny' };

export interface ResolveOptions {
  policyFile?: string;
  /** The managed file's path (tests pass one; otherwise the platform's fixed path). */
  managedPath?: string;
  stateDir?: string;
  /** Skip the policy recorded by `hooks install --policy` (to read only the editor's copy). */
  ignoreRecorded?: boolean;
}

/** Where `ai-policy hooks install --policy FILE|URL` records the policy for the hook. */
export const RECORDED_POLICY_FILE = 'hook-policy.json';

export interface RecordedPolicy {
  source: string;
  recordedAt: string;
}

/** The policy source recorded by `hooks install --policy` (undefined when none, or unreadable: then said). */
export function recordedPolicy(dir: string): RecordedPolicy | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, RECORDED_POLICY_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const r = JSON.parse(text) as RecordedPolicy;
  return typeof r?.source === 'string' && r.source ? r : undefined;
}

function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith('file://');
}

/** The last policy file the hook validated, kept so the next call does not parse and lint the YAML again. */
export const VALIDATED_POLICY_FILE = 'validated-policy.json';
/** How long a validation is reused (lint findings depend on the date, e.g. expiry). */
const VALIDATED_MAX_AGE_MS = 60 * 60 * 1000;

interface ValidatedPolicy {
  file: string;
  sha256: string;
  validatedAt: number;
  policy: Policy;
}

function validatedCopy(dir: string | undefined, file: string, sha256: string): Policy | undefined {
  if (!dir) return undefined;
  let v: ValidatedPolicy;
  try {
    v = JSON.parse(readFileSync(path.join(dir, VALIDATED_POLICY_FILE), 'utf8')) as ValidatedPolicy;
  } catch {
    return undefined; // none yet, or damaged: validated again below and rewritten
  }
  const age = Date.now() - v.validatedAt;
  return v.file === file && v.sha256 === sha256 && age >= 0 && age < VALIDATED_MAX_AGE_MS && v.policy && typeof v.policy === 'object' ? v.policy : undefined;
}

function keepValidated(dir: string | undefined, v: ValidatedPolicy): void {
  if (!dir) return;
  const target = path.join(dir, VALIDATED_POLICY_FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, JSON.stringify(v), { mode: 0o600 });
    renameSync(tmp, target);
  } catch (e) {
    process.stderr.write(`ai-policy hook: the validated policy was not kept for the next call: ${(e as Error).stack ?? String(e)}\n`);
  }
}

/** True when this process may rewrite the file (then a forged kept copy gains an attacker nothing). */
function userWritable(file: string): boolean {
  try {
    accessSync(file, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a policy file with full validation (and its signature when a public key is given). A file whose content
 * (by SHA-256) was validated within the hour is taken from the copy kept in the hook's state folder, when the
 * file is the user's own and no key is pinned.
 */
async function fromFile(file: string, publicKeyPem?: string, stateDir?: string): Promise<Resolved> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, error: `cannot read the policy ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  if (publicKeyPem) {
    const { verifyPolicy } = await import('../policy/signature');
    let sig: string;
    try {
      sig = readFileSync(`${file}.sig`, 'utf8');
    } catch {
      return { ok: false, error: `the policy ${file} is not signed (no ${path.basename(file)}.sig) and the managed configuration pins a key` };
    }
    if (!verifyPolicy(text, sig, publicKeyPem)) return { ok: false, error: `the signature of ${file} does not match the pinned key` };
  }
  // The kept copy lives in a folder the agent can write: it is used only where it grants nothing the agent
  // could not take anyway, i.e. no pinned key and a policy file this user can rewrite. A signed or
  // administrator-owned policy is validated from its own bytes on every call.
  const keep = publicKeyPem ? undefined : userWritable(file) ? stateDir : undefined;
  const sha256 = createHash('sha256').update(text).digest('hex');
  const kept = validatedCopy(keep, file, sha256);
  if (kept) return { ok: true, policy: kept, source: file, file };
  const { validatePolicyText, formatProblem } = await import('../policy/validate');
  const result = validatePolicyText(text, { file });
  const errors = result.problems.filter((p) => p.severity === 'error' && p.code !== 'expired');
  if (!result.policy || errors.length) return { ok: false, error: errors.length ? formatProblem(errors[0], file) : `${file}: not a policy` };
  keepValidated(keep, { file, sha256, validatedAt: Date.now(), policy: result.policy });
  return { ok: true, policy: result.policy, source: file, file };
}

function fromMirror(dir: string, expectSource?: string): Resolved {
  const file = path.join(dir, AGENT_POLICY_FILE);
  let mirror: MirroredPolicy;
  try {
    mirror = JSON.parse(readFileSync(file, 'utf8')) as MirroredPolicy;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, error: missing ? 'no policy: run "ai-policy hooks install --policy FILE|URL", set a policy source in the managed configuration, or open VS Code with the AI Tool Policy extension once' : `the editor's policy copy ${file} is damaged` };
  }
  if (!mirror?.policy || typeof mirror.policy !== 'object') return { ok: false, error: `the editor's policy copy ${file} is damaged` };
  if (expectSource && mirror.source !== expectSource) {
    return { ok: false, error: `the editor's policy copy comes from ${mirror.source}, not the managed source ${expectSource}: open VS Code once to fetch it` };
  }
  return { ok: true, policy: mirror.policy, source: mirror.source };
}

export async function resolveHookPolicy(opts: ResolveOptions = {}): Promise<Resolved> {
  const dir = opts.stateDir ?? agentStateDir();
  if (opts.policyFile) return fromFile(path.resolve(opts.policyFile), undefined, dir);
  const managed = readManagedConfig(opts.managedPath);
  if (managed.error) return { ok: false, error: `managed configuration: ${managed.error}` };
  const source = managed.config?.policySource;
  if (source) {
    if (isUrl(source)) return fromMirror(dir, source);
    const file = source.startsWith('file://') ? new URL(source).pathname : source;
    const key = managed.config?.publicKey;
    let pem: string | undefined;
    if (key) {
      try {
        pem = key.includes('BEGIN PUBLIC KEY') ? key : readFileSync(key, 'utf8');
      } catch (e) {
        return { ok: false, error: `managed configuration: cannot read the public key ${key}: ${(e as Error).message}` };
      }
    }
    return fromFile(file, pem, dir);
  }
  if (!opts.ignoreRecorded) {
    let recorded: RecordedPolicy | undefined;
    try {
      recorded = recordedPolicy(dir);
    } catch (e) {
      return { ok: false, error: `the policy recorded by "ai-policy hooks install --policy" (${path.join(dir, RECORDED_POLICY_FILE)}) is damaged: ${(e as Error).message}` };
    }
    if (recorded) return isUrl(recorded.source) ? fromMirror(dir, recorded.source) : fromFile(recorded.source.startsWith('file://') ? new URL(recorded.source).pathname : recorded.source, undefined, dir);
  }
  return fromMirror(dir);
}
