// Decides whether a fetched policy may replace the one in force: signature, validity, rollback, expiry.
import { sha256 } from '../sha256';
import { verifyPolicy } from './signature';
import type { LoadedPolicy, PolicyProblem } from './types';
import { validatePolicyText } from './validate';

export interface Candidate {
  data: Buffer | string;
  signature?: string;
  source: string;
  etag?: string;
}

export interface AcceptOptions {
  /** Pinned Ed25519 public key (PEM). When set, the candidate must carry a valid signature by it. */
  publicKey?: string;
  /** The policy currently held (for rollback protection). */
  current?: Pick<LoadedPolicy, 'policy' | 'hash' | 'source'>;
  now?: Date;
}

export type AcceptResult = { ok: true; loaded: LoadedPolicy } | { ok: false; problems: PolicyProblem[] };

export function acceptPolicy(candidate: Candidate, options: AcceptOptions = {}): AcceptResult {
  const now = options.now ?? new Date();
  const bytes = typeof candidate.data === 'string' ? Buffer.from(candidate.data, 'utf8') : candidate.data;
  const file = candidate.source;
  const refuse = (code: string, message: string): AcceptResult => ({ ok: false, problems: [{ severity: 'error', code, message, file }] });

  let signature: LoadedPolicy['signature'] = 'not-required';
  if (options.publicKey) {
    if (!candidate.signature) return refuse('signature', 'policy is not signed, but a public key is pinned: refused');
    let valid = false;
    try {
      valid = verifyPolicy(bytes, candidate.signature, options.publicKey);
    } catch (e) {
      return refuse('signature', `cannot check the signature: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!valid) return refuse('signature', 'signature does not match the pinned public key: refused');
    signature = 'valid';
  } else if (!candidate.signature) {
    signature = 'unsigned';
  }

  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const result = validatePolicyText(text, { now, file, tolerate: ['expired'] });
  if (!result.policy) return { ok: false, problems: result.problems };
  const policy = result.policy;
  const hash = sha256(bytes);

  const held = options.current;
  if (held && held.source === candidate.source && policy.version < held.policy.version) {
    return refuse('rollback', `version ${policy.version} is older than version ${held.policy.version} already in force: refused (rollback)`);
  }
  const warnings = [...result.problems];
  if (held && held.source === candidate.source && policy.version === held.policy.version && hash !== held.hash) {
    warnings.push({ severity: 'warning', code: 'same-version', file, message: `the content changed but the version is still ${policy.version}; publishers should increase the version` });
  }
  return {
    ok: true,
    loaded: {
      policy,
      text,
      hash,
      source: candidate.source,
      signature,
      loadedAt: now.toISOString(),
      etag: candidate.etag,
      warnings,
      expired: warnings.some((w) => w.code === 'expired'),
      reviewOverdue: warnings.some((w) => w.code === 'review-overdue'),
    },
  };
}
