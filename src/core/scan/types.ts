// Shared shapes of the sensitive-data detector: rules, raw matches and findings.

/** A raw match of one rule in a text: the whole match and the sensitive part inside it. */
export interface RawMatch {
  start: number;
  end: number;
  /** The sensitive value (a capture group or the whole match). */
  secret: string;
  secretStart: number;
}

/** What a rule needs to know about the text it is validating. */
export interface MatchContext {
  text: string;
  match: RawMatch;
  path?: string;
}

export interface RuleMeta {
  id: string;
  name: string;
  /** Provider family or entity, e.g. `github`, `slack`, `payment-card`. */
  family: string;
  /** Data class the rule marks: `secret`, `pii`, or a policy's own class. */
  dataClass: string;
  /** `low`: worth knowing, not a leak (a home directory naming a user): SARIF `note`, editor Information. */
  severity?: 'low';
}

/** A content rule as written: literal anchors gate a native regex, an optional validator confirms. */
export interface Rule extends RuleMeta {
  /** Lower-case literals; the rule runs only when one occurs. Empty: always runs. */
  anchors: string[];
  /** Native regex with the `g` flag; the first group that took part (or the whole match) is the sensitive value. */
  regex?: RegExp;
  /** Custom finder, used instead of `regex` where a hand-written scan is faster (e-mail around `@`). */
  find?: (text: string) => Iterable<RawMatch>;
  validate?: (secret: string, ctx: MatchContext) => boolean;
  /** Only for files whose path matches one of these minimatch globs. */
  paths?: string[];
  /** Matches may span lines (region re-scans widen for these). */
  multiline?: boolean;
  /** Characters a match can reach before and after an anchor (default 100 / 1200); the rule runs on those windows. */
  reach?: [number, number];
  /** For rules without anchors: `digits` runs them only around runs of nine or more digits. */
  prefilter?: 'digits';
  /** `token`: recognised by its own prefix; `keyed`: by the name it is assigned to. */
  kind?: 'token' | 'keyed';
}

/** A rule ready to run, whatever its regex engine. */
export interface CompiledRule extends RuleMeta {
  anchors: string[];
  find(text: string): Iterable<RawMatch>;
  validate?: (secret: string, ctx: MatchContext) => boolean;
  pathFilter?: (path: string) => boolean;
  multiline: boolean;
  reach?: [number, number];
  prefilter?: 'digits';
}

export interface Finding {
  ruleId: string;
  ruleName: string;
  family: string;
  dataClass: string;
  /** 0-based UTF-16 offsets of the sensitive value. */
  start: number;
  end: number;
  /** 1-based line and column of start and end. */
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** Masked value, e.g. `ghp_****…a1`; never the whole value. */
  masked: string;
  /** Path rules mark the whole file. */
  kind: 'content' | 'path';
  severity?: 'low';
}

export interface ScanResult {
  findings: Finding[];
  /** Findings dropped by inline `ai-policy:allow` comments or the policy allowlist. */
  suppressed: number;
}
