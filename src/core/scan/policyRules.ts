// The policy's own data rules and allowlist, compiled with the linear-time engine.
import type { DataHandling, DataRule } from '../policy/types';
import { compileRe2, pathFilter, re2Find } from './compile';
import type { PathRule } from './paths';
import type { Allowlist } from './suppress';
import type { CompiledRule, MatchContext } from './types';
import { entropy } from './validators';

export interface RuleProblem {
  ruleId: string;
  message: string;
}

/**
 * A content rule from an RE2 pattern with optional keywords, entropy and paths. `onFirstUse`: the pattern is known
 * to compile (a validated policy's): a rule with keywords compiles it when a keyword first occurs, so a call whose
 * texts hold none never loads the RE2 engine.
 */
export function re2Rule(
  meta: { id: string; name: string; family: string; dataClass: string },
  pattern: string,
  opts: { keywords?: string[]; entropy?: number; paths?: string[]; secretGroup?: number; allow?: (secret: string, ctx: MatchContext) => boolean; onFirstUse?: boolean },
): CompiledRule {
  const anchors = (opts.keywords ?? []).map((k) => k.toLowerCase()).filter(Boolean);
  let re = opts.onFirstUse && anchors.length ? undefined : compileRe2(pattern);
  const min = opts.entropy ?? 0;
  return {
    ...meta,
    anchors,
    find: (text) => re2Find((re ??= compileRe2(pattern)), text, opts.secretGroup || undefined),
    validate: (s, ctx) => (min <= 0 || entropy(s) >= min) && !(opts.allow?.(s, ctx) ?? false),
    pathFilter: pathFilter(opts.paths),
    multiline: /\\n|\(\?s/.test(pattern),
  };
}

export interface CompiledPolicyRules {
  content: CompiledRule[];
  paths: PathRule[];
  allowlist?: Allowlist;
  problems: RuleProblem[];
}

/** `validated`: the policy passed validation, so its patterns compile (see re2Rule's onFirstUse). */
export function compilePolicyRules(dh: DataHandling | undefined, validated = false): CompiledPolicyRules {
  const out: CompiledPolicyRules = { content: [], paths: [], problems: [] };
  for (const r of dh?.rules ?? []) addRule(r, out, validated);
  const al = dh?.allowlist;
  if (al) {
    const patterns = [];
    for (const p of al.patterns ?? []) {
      try {
        patterns.push(compileRe2(p));
      } catch (e) {
        out.problems.push({ ruleId: 'allowlist', message: `allowlist pattern ${JSON.stringify(p)}: ${(e as Error).message}` });
      }
    }
    out.allowlist = { rules: new Set(al.rules ?? []), paths: pathFilter(al.paths), patterns };
  }
  return out;
}

function addRule(r: DataRule, out: CompiledPolicyRules, validated: boolean): void {
  const meta = { id: r.id, name: r.description ?? r.id, family: 'policy', dataClass: r.class };
  if (r.pattern) {
    try {
      out.content.push(re2Rule(meta, r.pattern, { keywords: r.keywords, entropy: r.entropy, paths: r.paths, onFirstUse: validated }));
    } catch (e) {
      out.problems.push({ ruleId: r.id, message: `pattern does not compile: ${(e as Error).message}` });
    }
  } else if (r.paths?.length) {
    out.paths.push({ ...meta, globs: r.paths });
  }
}
