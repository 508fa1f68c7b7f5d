// Reads a gitleaks-format TOML config so the editor warns on what CI already blocks.
// Go/RE2 regexes run on re2js (linear time); rules that do not compile are reported, not fatal.
import { parse } from 'smol-toml';
import type { RE2JS } from 're2js';
import { compileRe2 } from './compile';
import type { PathRule } from './paths';
import { re2Rule, type RuleProblem } from './policyRules';
import type { CompiledRule } from './types';

interface GlAllow {
  regexes?: string[];
  paths?: string[];
  stopwords?: string[];
  regexTarget?: string;
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

/** Compiled allowlist: a finding is dropped when its secret (or path) matches. */
function compileAllow(lists: GlAllow[], problems: RuleProblem[], owner: string): (secret: string, path?: string) => boolean {
  const regexes: RE2JS[] = [];
  const paths: RE2JS[] = [];
  const stop: string[] = [];
  for (const l of lists) {
    for (const r of l.regexes ?? []) tryCompile(r, regexes, problems, owner);
    for (const p of l.paths ?? []) tryCompile(p, paths, problems, owner);
    stop.push(...(l.stopwords ?? []).map((s) => s.toLowerCase()));
  }
  return (secret, path) => {
    if (regexes.some((r) => r.matcher(secret).find())) return true;
    if (path && paths.some((r) => r.matcher(path).find())) return true;
    const low = secret.toLowerCase();
    return stop.some((s) => low.includes(s));
  };
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
    return parse(toml);
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    throw new TomlSyntaxError(err.message.split('\n')[0].replace(/^Invalid TOML document: /, ''), err.line, err.column);
  }
}

/** Parses gitleaks TOML text. Throws (a TomlSyntaxError) only when the TOML itself is broken. */
export function loadGitleaksConfig(toml: string, dataClass = 'secret'): GitleaksConfig {
  const doc = parseToml(toml) as { rules?: GlRule[]; allowlist?: GlAllow; allowlists?: GlAllow[] };
  const out: GitleaksConfig = { rules: [], paths: [], problems: [] };
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
        allow: (s, p) => globalAllow(s, p) || own(s, p),
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
