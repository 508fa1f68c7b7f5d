// Reads a gitleaks-format TOML config so the editor warns on what CI already blocks.
// Go/RE2 regexes run on re2js (linear time); rules that do not compile are reported, not fatal.
import type { RE2JS } from 're2js';
import { smolToml } from '../lazyModules';
import { compileRe2 } from './compile';
import type { PathRule } from './paths';
import { re2Rule, type RuleProblem } from './policyRules';
import type { CompiledRule, MatchContext } from './types';

interface GlAllow {
  regexes?: string[];
  paths?: string[];
  stopwords?: string[];
  /** What `regexes` are tested against: `secret` (default), `match` or `line`. */
  regexTarget?: string;
  /** `OR` (default): any criterion allows; `AND`: every criterion given must hold. */
  condition?: string;
}

interface GlRule {
  id?: string;
  description?: string;
  regex?: string;
  secretGroup?: number;
  entropy?: number;
  keywords?: string[];
  path?: string;
  allowlist?: GlAllow;
  allowlists?: GlAllow[];
}

export interface GitleaksConfig {
  rules: CompiledRule[];
  paths: PathRule[];
  problems: RuleProblem[];
}

type Allow = (secret: string, ctx: MatchContext) => boolean;

/** Compiled allowlists: a finding is dropped when any one list allows it. */
function compileAllow(lists: GlAllow[], problems: RuleProblem[], owner: string): Allow {
  const compiled = lists.map((l) => compileList(l, problems, owner));
  return (secret, ctx) => compiled.some((allows) => allows(secret, ctx));
}

function compileList(l: GlAllow, problems: RuleProblem[], owner: string): Allow {
  const regexes: RE2JS[] = [];
  const paths: RE2JS[] = [];
  for (const r of l.regexes ?? []) tryCompile(r, regexes, problems, owner);
  for (const p of l.paths ?? []) tryCompile(p, paths, problems, owner);
  const stop = (l.stopwords ?? []).map((s) => s.toLowerCase()).filter(Boolean);
  let target = l.regexTarget ?? 'secret';
  if (!['secret', 'match', 'line'].includes(target)) {
    problems.push({ ruleId: owner, message: `allowlist regexTarget "${target}" is not secret, match or line; using secret` });
    target = 'secret';
  }
  const and = (l.condition ?? 'OR').toUpperCase() === 'AND';
  return (secret, ctx) => {
    const checks: (() => boolean)[] = [];
    if (regexes.length) {
      const subject = target === 'match' ? ctx.text.slice(ctx.match.start, ctx.match.end) : target === 'line' ? lineAt(ctx.text, ctx.match.secretStart) : secret;
      checks.push(() => regexes.some((r) => r.matcher(subject).find()));
    }
    if (paths.length) checks.push(() => !!ctx.path && paths.some((r) => r.matcher(ctx.path as string).find()));
    if (stop.length) checks.push(() => stop.some((w) => secret.toLowerCase().includes(w)));
    if (!checks.length) return false;
    return and ? checks.every((c) => c()) : checks.some((c) => c());
  };
}

function lineAt(text: string, offset: number): string {
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return text.slice(from, nl === -1 ? text.length : nl).replace(/\r$/, '');
}

function tryCompile(source: string, into: RE2JS[], problems: RuleProblem[], owner: string): void {
  try {
    into.push(compileRe2(source));
  } catch (e) {
    problems.push({ ruleId: owner, message: `allowlist regex ${JSON.stringify(source)}: ${(e as Error).message}` });
  }
}

/** A broken TOML document, located at 1-based line and column. */
export class TomlSyntaxError extends Error {
  constructor(message: string, readonly line?: number, readonly col?: number) {
    super(message);
  }
}

function parseToml(toml: string): unknown {
  try {
    return smolToml().parse(toml);
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    throw new TomlSyntaxError(err.message.split('\n')[0].replace(/^Invalid TOML document: /, ''), err.line, err.column);
  }
}

/** Parses gitleaks TOML text. Throws (a TomlSyntaxError) only when the TOML itself is broken. */
export function loadGitleaksConfig(toml: string, dataClass = 'secret'): GitleaksConfig {
  const doc = parseToml(toml) as { rules?: GlRule[]; allowlist?: GlAllow; allowlists?: GlAllow[]; extend?: unknown };
  const out: GitleaksConfig = { rules: [], paths: [], problems: [] };
  if (doc.extend) out.problems.push({ ruleId: 'extend', message: '[extend] is not followed: only the rules in this file are used (the built-in rules cover the common providers)' });
  const globalAllow = compileAllow([...(doc.allowlist ? [doc.allowlist] : []), ...(doc.allowlists ?? [])], out.problems, 'allowlist');
  (doc.rules ?? []).forEach((r, i) => {
    const id = r.id ?? `gitleaks-rule-${i + 1}`;
    const meta = { id, name: r.description ?? id, family: 'gitleaks', dataClass };
    const own = compileAllow([...(r.allowlist ? [r.allowlist] : []), ...(r.allowlists ?? [])], out.problems, id);
    let pathRe: RE2JS | undefined;
    if (r.path) {
      try {
        pathRe = compileRe2(r.path);
      } catch (e) {
        out.problems.push({ ruleId: id, message: `path regex does not compile: ${(e as Error).message}` });
        return;
      }
    }
    if (!r.regex) {
      if (pathRe) {
        const pr = pathRe;
        out.paths.push({ ...meta, globs: [], test: (p: string) => pr.matcher(p).find() } as PathRule);
      } else out.problems.push({ ruleId: id, message: 'rule has neither regex nor path' });
      return;
    }
    try {
      const rule = re2Rule(meta, r.regex, {
        keywords: r.keywords,
        entropy: r.entropy,
        secretGroup: r.secretGroup,
        allow: (s, ctx) => globalAllow(s, ctx) || own(s, ctx),
      });
      if (pathRe) {
        const pr = pathRe;
        rule.pathFilter = (p) => pr.matcher(p).find();
      }
      out.rules.push(rule);
    } catch (e) {
      out.problems.push({ ruleId: id, message: `regex does not compile: ${(e as Error).message}` });
    }
  });
  return out;
}
