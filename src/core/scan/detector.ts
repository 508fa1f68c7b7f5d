// The detector: one pass finds the anchors of all rules, then only the rules whose anchors occur run.
import { anchorFinder, type AnchorFinder } from './anchorFinder';
import { mask } from './mask';
import { LineIndex } from './lines';
import type { AnchorCursor, AnchorHits } from './anchors';
import { newHits, planScan, type PlannedRule } from './plan';
import { allowedByList, allowedInline, type Allowlist } from './suppress';
import type { CompiledRule, Finding, RawMatch, ScanResult } from './types';

export interface ScanInput {
  text: string;
  /** Workspace-relative path (forward slashes), for path-limited rules and the allowlist. */
  path?: string;
  /** Only report findings that overlap [from, to) (region re-scans). */
  from?: number;
  to?: number;
}

export class Detector {
  private readonly anchored: CompiledRule[];
  private readonly always: CompiledRule[];
  private readonly matcher: AnchorFinder;
  private readonly ids: Set<string>;

  constructor(
    readonly rules: readonly CompiledRule[],
    readonly allowlist?: Allowlist,
  ) {
    this.anchored = rules.filter((r) => r.anchors.length > 0);
    this.always = rules.filter((r) => r.anchors.length === 0);
    this.matcher = anchorFinder(this.anchored.map((r) => r.anchors));
    this.ids = new Set(rules.map((r) => r.id));
  }

  /** The rules that can match in this text (anchored rules whose anchor occurs, plus rules without anchors) and where. */
  plan(text: string, path?: string, found?: AnchorHits): PlannedRule[] {
    const all = planScan(text, this.anchored, this.always, this.matcher, found);
    return all.filter(({ rule: r }) => (path === undefined ? !r.pathFilter : !r.pathFilter || r.pathFilter(path)));
  }

  /** Anchor pass over [from, to) of a text, resumable (`cursor` carries the state between pieces). */
  findAnchors(text: string, from: number, to: number, cursor: AnchorCursor, found: AnchorHits): void {
    this.matcher.scanRange(text, from, to, cursor, found);
  }

  newHits(text: string): AnchorHits {
    return newHits(text, this.anchored);
  }

  scan(input: ScanInput): ScanResult {
    const result: ScanResult = { findings: [], suppressed: 0 };
    let index: LineIndex | undefined;
    const lines = () => (index ??= new LineIndex(input.text));
    for (const { rule, windows } of this.plan(input.text, input.path)) {
      if (!windows) this.runRule(rule, input, result, lines);
      else for (const w of windows()) this.runRule(rule, input, result, lines, w);
    }
    return finish(result);
  }

  /** Runs one rule over the text and adds its findings (used by the sliced scanner too). */
  runRule(rule: CompiledRule, input: ScanInput, result: ScanResult, lines: () => LineIndex, window?: [number, number]): void {
    const { text, path } = input;
    const known = (id: string) => this.ids.has(id);
    const base = window ? window[0] : 0;
    const sub = window ? text.slice(window[0], window[1]) : text;
    for (const found of rule.find(sub)) {
      const m = base ? { ...found, start: found.start + base, end: found.end + base, secretStart: found.secretStart + base } : found;
      const end = m.secretStart + m.secret.length;
      if (input.from !== undefined && (end <= input.from || m.secretStart >= (input.to ?? text.length))) continue;
      if (rule.validate && !rule.validate(m.secret, { text, match: m, path })) continue;
      const f = toFinding(rule, m, lines());
      if (allowedInline(text, m.secretStart, rule.id, known) || allowedByList(this.allowlist, f, m.secret, path)) {
        result.suppressed++;
        continue;
      }
      result.findings.push(f);
    }
  }
}

export function toFinding(rule: CompiledRule, m: RawMatch, lines: LineIndex): Finding {
  const end = m.secretStart + m.secret.length;
  const a = lines.position(m.secretStart);
  const b = lines.position(end);
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    family: rule.family,
    dataClass: rule.dataClass,
    start: m.secretStart,
    end,
    line: a.line,
    col: a.col,
    endLine: b.line,
    endCol: b.col,
    masked: mask(m.secret),
    kind: 'content',
    ...(rule.severity ? { severity: rule.severity } : {}),
  };
}

const generic = (f: Finding) => f.family === 'generic';

/**
 * Orders findings and drops findings inside a longer finding of the same class and kind. A provider's finding inside
 * a generic one (`KEY=<32 hex>-us21`: the Mailchimp key inside the generic value) names the secret better: it stays.
 */
export function finish(result: ScanResult): ScanResult {
  const sorted = result.findings.sort((a, b) => a.start - b.start || b.end - a.end || Number(generic(b)) - Number(generic(a)));
  const out: Finding[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    if (prev && f.start >= prev.start && f.end <= prev.end && f.dataClass === prev.dataClass && f.kind === 'content' && prev.kind === 'content') {
      if (generic(prev) && !generic(f)) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  result.findings = out;
  return result;
}
