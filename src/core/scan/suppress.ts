// Suppression: inline `ai-policy:allow [rule-id…]` comments and the policy allowlist.
import type { RE2JS } from 're2js';
import type { Finding } from './types';

const ALLOW = /ai-policy:allow\b([^\n]*)/;

/** True when the line holding `offset` carries an allow comment that covers `ruleId` (all rules when it names none). */
export function allowedInline(text: string, offset: number, ruleId: string, known: (id: string) => boolean): boolean {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  let le = text.indexOf('\n', offset);
  if (le === -1) le = text.length;
  const m = ALLOW.exec(text.slice(ls, le));
  if (!m) return false;
  const ids = m[1].split(/[\s,]+/).filter(known);
  return ids.length === 0 || ids.includes(ruleId);
}

export interface Allowlist {
  rules: Set<string>;
  paths?: (path: string) => boolean;
  patterns: RE2JS[];
}

export function allowedByList(list: Allowlist | undefined, f: Finding, value: string, path?: string): boolean {
  if (!list) return false;
  if (list.rules.has(f.ruleId)) return true;
  if (path && list.paths?.(path)) return true;
  return list.patterns.some((p) => p.matcher(value).find());
}
