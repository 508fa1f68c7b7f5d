// The policy the agent hook enforces when neither the managed configuration nor the editor provides one:
// `ai-policy hooks install --policy FILE|URL` records it in the agent state folder (a URL is fetched and
// validated now, and kept as the policy copy the hook reads); `hooks status` says what a call is judged against.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RECORDED_POLICY_FILE, resolveHookPolicy, type MirroredPolicy, type RecordedPolicy } from '../../core/hooks/resolve';
import { AGENT_POLICY_FILE, agentStateDir } from '../../core/hooks/stateDir';
import { readManagedConfig } from '../../core/managed/managedConfig';
import { sha256 } from '../../core/sha256';

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

async function validated(text: string, where: string): Promise<{ policy: MirroredPolicy['policy'] } | { error: string }> {
  const { validatePolicyText, formatProblem } = await import('../../core/policy/validate');
  const result = validatePolicyText(text, { file: where });
  const errors = result.problems.filter((p) => p.severity === 'error' && p.code !== 'expired');
  if (!result.policy || errors.length) return { error: errors.length ? formatProblem(errors[0], where) : `${where}: not a policy` };
  return { policy: result.policy };
}

export async function recordHookPolicy(source: string, dir = agentStateDir()): Promise<{ summary: string } | { error: string }> {
  let text: string;
  let recorded: string;
  if (isUrl(source)) {
    const { isLoopbackHost } = await import('../../core/loopback');
    if (source.startsWith('http:') && !isLoopbackHost(new URL(source).hostname)) return { error: `${source}: a policy URL must be https (http only on loopback)` };
    try {
      const res = await fetch(source, { signal: AbortSignal.timeout(15000), redirect: 'error' });
      if (!res.ok) return { error: `${source}: HTTP ${res.status}` };
      text = await res.text();
    } catch (e) {
      return { error: `${source}: ${(e as Error).message}` };
    }
    recorded = source;
  } else {
    recorded = path.resolve(source);
    try {
      text = readFileSync(recorded, 'utf8');
    } catch (e) {
      return { error: `cannot read the policy ${recorded}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
  }
  const v = await validated(text, recorded);
  if ('error' in v) return v;
  if (isUrl(source)) {
    const mirror: MirroredPolicy = { source, hash: sha256(text), version: v.policy.version, savedAt: new Date().toISOString(), policy: v.policy };
    writeJson(path.join(dir, AGENT_POLICY_FILE), mirror);
  }
  const entry: RecordedPolicy = { source: recorded, recordedAt: new Date().toISOString() };
  writeJson(path.join(dir, RECORDED_POLICY_FILE), entry);
  return { summary: `${v.policy.organization} version ${v.policy.version} from ${recorded}, recorded in ${path.join(dir, RECORDED_POLICY_FILE)}` };
}

/** Plainly: would a call be judged now, and against what? */
export async function judgedLine(managedFile?: string): Promise<string> {
  const mode = readManagedConfig(managedFile, { checkOwner: managedFile ? false : undefined }).config?.hooksMode ?? 'enforce';
  const r = await resolveHookPolicy({ managedPath: managedFile });
  if (mode === 'off') return 'judged: no: hooksMode is off, every call is allowed unchecked';
  if (!r.ok) {
    const onError = mode === 'audit' ? 'allowed and recorded (audit mode)' : 'DENIED (the hook fails closed)';
    return `judged: no policy can be loaded (${r.error}); every call is ${onError}`;
  }
  return `judged: yes, against ${r.policy.organization}'s policy version ${r.policy.version} from ${r.source}${mode === 'audit' ? ' (audit mode: denials are recorded, not enforced)' : ''}`;
}
