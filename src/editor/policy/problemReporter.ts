// Reports each distinct policy failure once: in the log (file:line:col) and as a non-modal warning.
import vscode = require('vscode');
import { formatProblem, type PolicyProblem } from '../../core/policy';
import { displaySource } from './display';

export class ProblemReporter {
  private lastKey = '';
  /** Text of the last refused candidate, so "Open Policy" can show it with the error line. */
  private refusedText: string | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** A successful load: the next failure is news again. */
  clear(): void {
    this.lastKey = '';
    this.refusedText = undefined;
  }

  /** Returns false when this exact failure was already reported. */
  report(source: string, problems: readonly PolicyProblem[], refusedText?: string, hasPolicy = false): boolean {
    const key = problems.map((p) => `${p.code}|${p.line}|${p.col}|${p.message}`).join('\n');
    if (key === this.lastKey) {
      this.log.debug(`Policy still not loadable from ${displaySource(source)} (already reported).`);
      return false;
    }
    this.lastKey = key;
    this.refusedText = refusedText;
    const label = displaySource(source);
    this.log.error(`Policy from ${label} refused:`);
    for (const p of problems) this.log[p.severity === 'error' ? 'error' : 'warn'](`  ${formatProblem(p, label)}`);
    this.log.info(hasPolicy ? 'The previous policy stays in force.' : 'No policy is in force.');

    const first = problems.find((p) => p.severity === 'error') ?? problems[0];
    const where = first?.line ? `${label}:${first.line}:${first.col ?? 1}` : label;
    const message = hasPolicy
      ? vscode.l10n.t('AI policy update refused ({0}): {1}. The previous policy stays in force.', where, first?.message ?? '')
      : vscode.l10n.t('AI policy could not be loaded ({0}): {1}', where, first?.message ?? '');
    const showLog = vscode.l10n.t('Show Log');
    const openPolicy = vscode.l10n.t('Open Policy');
    const actions = first?.line !== undefined ? [showLog, openPolicy] : [showLog];
    void vscode.window.showWarningMessage(message, ...actions).then((choice) => {
      if (choice === showLog) this.log.show(true);
      else if (choice === openPolicy) void this.openAt(source, first);
    });
    return true;
  }

  private async openAt(source: string, problem: PolicyProblem | undefined): Promise<void> {
    const isUrl = /^https?:\/\//i.test(source);
    const doc =
      isUrl || !this.refusedText
        ? await vscode.workspace.openTextDocument({ content: this.refusedText ?? '', language: 'yaml' })
        : await vscode.workspace.openTextDocument(vscode.Uri.file(source.startsWith('file:') ? vscode.Uri.parse(source).fsPath : source));
    const pos = new vscode.Position(Math.max(0, (problem?.line ?? 1) - 1), Math.max(0, (problem?.col ?? 1) - 1));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: true });
  }
}
