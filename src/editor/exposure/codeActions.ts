// Quick fixes on the detector's diagnostics: allow inline, add the file to AI ignore files, open the policy.
import vscode = require('vscode');
import { allowComment } from './commentSyntax';
import { DIAGNOSTIC_SOURCE } from '../diagnosticSource';
import type { ExposureService } from '../services';

export class ExposureCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly exposure: ExposureService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    // Findings only: problems in a policy file carry the same source but are not findings.
    const rules = new Set(this.exposure.findings(doc.uri).map((f) => f.ruleId));
    const ours = ctx.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && rules.has(String(d.code ?? '')));
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const ruleId = String(d.code ?? '');
      const isPath = ruleId.startsWith('path-');
      const comment = isPath ? undefined : allowComment(doc.languageId, ruleId, doc.fileName);
      if (comment) {
        const a = new vscode.CodeAction(vscode.l10n.t('Allow this {0} here (ai-policy:allow comment)', ruleId), vscode.CodeActionKind.QuickFix);
        const line = doc.lineAt(d.range.start.line);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.insert(doc.uri, line.range.end, comment);
        a.diagnostics = [d];
        actions.push(a);
      }
      const ignore = new vscode.CodeAction(vscode.l10n.t('Add this file to the AI tools\' ignore files'), vscode.CodeActionKind.QuickFix);
      ignore.command = { command: 'aiPolicy.addToIgnoreFiles', title: ignore.title, arguments: [doc.uri] };
      ignore.diagnostics = [d];
      actions.push(ignore);
      const open = new vscode.CodeAction(vscode.l10n.t('Open the policy\'s data rules'), vscode.CodeActionKind.QuickFix);
      open.command = { command: 'aiPolicy.showPolicy', title: open.title, arguments: ['dataHandling'] };
      open.diagnostics = [d];
      actions.push(open);
    }
    // One ignore / policy action is enough when several findings share the range.
    const seen = new Set<string>();
    return actions.filter((a) => {
      const key = a.edit ? a.title : a.command?.command ?? a.title;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
