// Developer and machine identity for audit events, as the policy asks: git user.email, the OS user or an
// explicit id, optionally pseudonymized with the policy's HMAC key so the server never sees the raw id.
import { nodeCrypto } from '../nodeBuiltins';
import os = require('node:os');
import { childProcess } from '../nodeBuiltins';

export type IdentityMode = 'git-email' | 'os-user' | 'explicit';

export interface IdentityOptions {
  mode: IdentityMode;
  /** The explicit id (used when mode is `explicit`). */
  explicitId?: string;
  /** HMAC-SHA256 key from the policy; when set the result is `anon:<hex>`. */
  hmacKey?: string;
  /** Folder to run git in (its repository config applies, then the global one). */
  cwd?: string;
  gitTimeoutMs?: number;
}

export interface Identity {
  developer: string;
  /** Where the raw id came from; `fallback` means the asked-for source gave nothing. */
  source: IdentityMode | 'fallback';
}

/** `git config user.email`, or undefined when git is missing, slow or has none. */
export function gitEmail(cwd?: string, timeoutMs = 3000): Promise<string | undefined> {
  return new Promise((resolve) => {
    childProcess().execFile('git', ['config', 'user.email'], { cwd, timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
      const email = err ? '' : String(stdout).trim();
      resolve(email || undefined);
    });
  });
}

export function osUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

/** HMAC-SHA256 of the normalized id (trimmed, lower-case), so case differences do not split a person. */
export function pseudonymize(id: string, key: string): string {
  return 'anon:' + nodeCrypto().createHmac('sha256', key).update(id.trim().toLowerCase()).digest('hex');
}

/** A stable pseudonymous machine id: a hash of the raw id, never the id itself. */
export function machinePseudonym(rawMachineId: string, key?: string): string {
  const h = key ? nodeCrypto().createHmac('sha256', key) : nodeCrypto().createHash('sha256');
  return h.update('ai-policy-machine:' + rawMachineId).digest('hex').slice(0, 32);
}

export async function resolveDeveloper(opts: IdentityOptions): Promise<Identity> {
  let raw: string | undefined;
  if (opts.mode === 'git-email') raw = await gitEmail(opts.cwd, opts.gitTimeoutMs);
  else if (opts.mode === 'explicit') raw = opts.explicitId?.trim() || undefined;
  else raw = osUser();
  const source: Identity['source'] = raw ? opts.mode : 'fallback';
  const id = raw ?? osUser();
  return { developer: opts.hmacKey ? pseudonymize(id, opts.hmacKey) : id, source };
}
