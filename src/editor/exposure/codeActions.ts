// Quick fixes on the detector's diagnostics, best first (the order comes from core/scan/remediation):
// revoke and rotate, replace with an environment variable, add the file to AI ignore files, open the
// policy, and last allow inline.
import vscode = require('vscode');
import { scanning } from '../../core/lazyModules';
import type { Remedy } from '../../core/scan/remediation';
import type { Finding } from '../../core/scan/types';
import { allowComment } from './commentSyntax';
import { ruleIdOf } from './ruleDocs';
import { DIAGNOSTIC_SOURCE } from '../diagnosticSource';
import type { ExposureService } from '../services';

export class ExposureCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly exposure: ExposureService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    // Findings only: problems in a policy file carry the same source but are not findings.
    const findings = this.exposure.findings(doc.uri);
    const actions: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = ruleIdOf(d);
      const f = findings.find((x) => x.ruleId === ruleId && x.line - 1 === d.range.start.line) ?? findings.find((x) => x.ruleId === ruleId);
      if (!f) continue;
      const comment = f.kind === 'path' ? undefined : allowComment(doc.languageId, ruleId, doc.fileName);
      const line = f.kind === 'content' && f.line - 1 < doc.lineCount ? doc.lineAt(f.line - 1).text : undefined;
      for (const r of scanning().remedies(f, doc.languageId, line, !!comment)) {
        const a = this.action(doc, d, f, r, comment);
        a.diagnostics = [d];
        actions.push(a);
      }
    }
    if (actions.length) actions.push(...this.clearanceRequests(doc));
    // One ignore / policy / revoke action is enough when several findings share the range.
    const seen = new Set<string>();
    return actions.filter((a) => {
      const key = a.edit ? a.title : `${a.command?.command ?? ''} ${a.title}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** "Request an exception" for each active tool and data class this open file exposes (the clearance it lacks). */
  private clearanceRequests(doc: vscode.TextDocument): vscode.CodeAction[] {
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    const exposed = this.exposure.exposed.find((e) => e.uri === rel);
    if (!exposed?.toolIds) return [];
    const ids = exposed.toolIds;
    return exposed.tools.slice(0, ids.length).flatMap((name, i) =>
      exposed.classes.map((dataClass) => {
        const a = new vscode.CodeAction(vscode.l10n.t('Request an exception: clear {0} for {1} data', name, dataClass), vscode.CodeActionKind.QuickFix);
        a.command = { command: 'aiPolicy.requestException', title: a.title, arguments: [{ toolId: ids[i], dataClass }] };
        return a;
      }),
    );
  }

  private action(doc: vscode.TextDocument, d: vscode.Diagnostic, f: Finding, r: Remedy, comment: string | undefined): vscode.CodeAction {
    const fix = (title: string) => new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    switch (r.kind) {
      case 'revoke': {
        const a = fix(r.provider ? vscode.l10n.t('How to revoke and rotate {0} keys', r.provider) : vscode.l10n.t('How to revoke and rotate a leaked secret'));
        a.command = { command: 'vscode.open', title: a.title, arguments: [vscode.Uri.parse(r.url)] };
        return a;
      }
      case 'env-reference': {
        const a = fix(vscode.l10n.t('Replace with an environment variable reference ({0})', r.envName));
        a.edit = new vscode.WorkspaceEdit();
        const line = f.line - 1;
        a.edit.replace(doc.uri, new vscode.Range(line, r.replacement.start, line, r.replacement.end), r.replacement.text);
        const imp = r.replacement.importLine;
        if (imp && !doc.getText().split(/\r?\n/).some((l) => l.trim() === imp)) a.edit.insert(doc.uri, new vscode.Position(0, 0), `${imp}\n`);
        return a;
      }
      case 'ignore-file': {
        const a = fix(vscode.l10n.t("Add this file to the AI tools' ignore files"));
        a.command = { command: 'aiPolicy.addToIgnoreFiles', title: a.title, arguments: [doc.uri] };
        return a;
      }
      case 'policy': {
        const a = fix(vscode.l10n.t("Open the policy's data rules"));
        a.command = { command: 'aiPolicy.showPolicy', title: a.title, arguments: ['dataHandling'] };
        return a;
      }
      case 'allow': {
        const a = fix(vscode.l10n.t('Allow this {0} here (ai-policy:allow comment)', f.ruleId));
        a.edit = new vscode.WorkspaceEdit();
        a.edit.insert(doc.uri, doc.lineAt(d.range.start.line).range.end, comment ?? '');
        return a;
      }
    }
  }
}
