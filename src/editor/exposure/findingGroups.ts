// How findings become Problems entries, quietly: one file-level entry per file and data class, one entry per line
// and data class listing the kinds found on it, and at most `cap` entries per file. Pure (no `vscode`), so that
// it is tested without an editor; `ai-policy scan` keeps every finding and does not use it.
import type { Finding } from '../../core/scan/types';

export interface FindingGroup {
  /** The findings merged into this entry, in text order; the first decides the code and quick fixes. */
  members: Finding[];
  kind: 'content' | 'path';
  dataClass: string;
  /** Rule names of the members, each once, in order. */
  kinds: string[];
  /** Offsets spanning every member (content entries). */
  start: number;
  end: number;
  /** All members are low severity (a home directory): shown as information. */
  low: boolean;
}

/** Entries per file before the rest is summed up as "and N more". */
export const DEFAULT_CAP = 12;

export function groupFindings(findings: readonly Finding[], cap = DEFAULT_CAP): { groups: FindingGroup[]; more: number } {
  const byKey = new Map<string, FindingGroup>();
  const sorted = [...findings].sort((a, b) => Number(b.kind === 'path') - Number(a.kind === 'path') || a.start - b.start);
  for (const f of sorted) {
    const key = f.kind === 'path' ? `path ${f.dataClass}` : `${f.line} ${f.dataClass}`;
    const g = byKey.get(key);
    if (!g) {
      byKey.set(key, { members: [f], kind: f.kind, dataClass: f.dataClass, kinds: [f.ruleName], start: f.start, end: f.end, low: f.severity === 'low' });
      continue;
    }
    g.members.push(f);
    if (!g.kinds.includes(f.ruleName)) g.kinds.push(f.ruleName);
    g.start = Math.min(g.start, f.start);
    g.end = Math.max(g.end, f.end);
    g.low &&= f.severity === 'low';
  }
  const all = [...byKey.values()];
  if (all.length <= cap) return { groups: all, more: 0 };
  const shown = all.slice(0, cap);
  const more = all.slice(cap).reduce((n, g) => n + g.members.length, 0);
  return { groups: shown, more };
}
