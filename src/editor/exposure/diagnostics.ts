// Findings as diagnostics: rule name, data class and the active tools not cleared for it; never the value.
import vscode = require('vscode');
import type { Finding } from '../../core/scan/types';
import { DIAGNOSTIC_SOURCE } from '../diagnosticSource';
import type { InventoryItem } from '../services';
import { toolsNotCleared } from './clearance';
import { groupFindings } from './findingGroups';
import { diagnosticCode, type RuleDocs } from './ruleDocs';

/**
 * With `doc`, the range comes from the finding's offsets (kept current across edits); without, from its line/col.
 * With `docs`, the code links to the rule's documentation.
 */
export function toDiagnostic(f: Finding, active: readonly InventoryItem[], doc?: vscode.TextDocument, docs?: RuleDocs): vscode.Diagnostic {
  const range =
    f.kind === 'path'
      ? new vscode.Range(0, 0, 0, doc && doc.lineCount ? doc.lineAt(0).range.end.character : 0)
      : doc
        ? new vscode.Range(doc.positionAt(f.start), doc.positionAt(Math.max(f.end, f.start + 1)))
        : new vscode.Range(f.line - 1, f.col - 1, f.endLine - 1, f.endCol - 1);
  const tools = toolsNotCleared(active, f.dataClass);
  const what = f.kind === 'path' ? vscode.l10n.t('{0}: this file is sensitive by its name', f.ruleName.replace(/[.\s]+$/, '')) : `${f.ruleName} (${f.masked})`;
  const message = tools.length
    ? vscode.l10n.t('{0} — data class "{1}". Active AI tools not cleared for it: {2}.', what, f.dataClass, tools.join(', '))
    : vscode.l10n.t('{0} — data class "{1}".', what, f.dataClass);
  const d = new vscode.Diagnostic(range, message, tools.length && f.severity !== 'low' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = diagnosticCode(f.ruleId, docs);
  return d;
}

/**
 * A file's findings as Problems entries (see findingGroups.ts): one per file and data class for file names, one per
 * line and data class listing the kinds, at most `cap` entries and then one that says how many more.
 */
export function toDiagnostics(findings: readonly Finding[], active: readonly InventoryItem[], doc?: vscode.TextDocument, docs?: RuleDocs, cap?: number): vscode.Diagnostic[] {
  const { groups, more } = groupFindings(findings, cap);
  const out = groups.map((g) => {
    const first = g.members[0];
    if (g.members.length === 1) return toDiagnostic(first, active, doc, docs);
    const merged: Finding = g.kind === 'path'
      ? { ...first, ruleName: g.kinds.join(', ') }
      : { ...first, ruleName: g.kinds.join(', '), start: g.start, end: g.end, masked: g.members.map((m) => m.masked).join(', '), ...(g.low ? { severity: 'low' as const } : { severity: undefined }) };
    if (!doc && g.kind === 'content') {
      const last = g.members.reduce((a, b) => (b.end > a.end ? b : a));
      merged.endLine = last.endLine;
      merged.endCol = last.endCol;
    }
    return toDiagnostic(merged, active, doc, docs);
  });
  if (more) {
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('and {0} more findings in this file (ai-policy scan lists them all)', more), vscode.DiagnosticSeverity.Information);
    d.source = DIAGNOSTIC_SOURCE;
    out.push(d);
  }
  return out;
}
