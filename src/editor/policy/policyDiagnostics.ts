// Problems for policy authors: every open `*.aipolicy.yaml|yml|json` is validated (schema + lint) as
// they type, so globs, regexes, owners and review dates are checked in the editor, not only in CI.
import vscode = require('vscode');
import { DEFAULT_MAX_BYTES, validatePolicyText, type PolicyProblem } from '../../core/policy';
import { DIAGNOSTIC_SOURCE } from '../diagnosticSource';
import { Disposable, toDisposable } from '../lifecycle';

const POLICY_FILE = /\.aipolicy\.(ya?ml|json)$/i;
const DEBOUNCE_MS = 300;

export class PolicyDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('aiPolicy'));
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    super();
    this._register(toDisposable(() => this.pending.forEach((t) => clearTimeout(t))));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.update(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    for (const d of vscode.workspace.textDocuments) this.update(d);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!POLICY_FILE.test(doc.fileName)) return;
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.update(doc);
    }, DEBOUNCE_MS));
  }

  private update(doc: vscode.TextDocument): void {
    if (!POLICY_FILE.test(doc.fileName) || doc.isClosed || this.isDisposed) return;
    const text = doc.getText();
    // Validation runs on the extension host: a file the loader would refuse anyway is not parsed on every keystroke.
    const size = Buffer.byteLength(text, 'utf8');
    const problems: PolicyProblem[] =
      size > DEFAULT_MAX_BYTES
        ? [{ severity: 'error', code: 'size', message: `${size} bytes is more than the ${DEFAULT_MAX_BYTES} bytes a policy may have`, line: 1, col: 1 }]
        : validatePolicyText(text).problems;
    this.collection.set(
      doc.uri,
      problems.map((p) => {
        const line = Math.min(Math.max(0, (p.line ?? 1) - 1), doc.lineCount - 1);
        const start = new vscode.Position(line, Math.max(0, (p.col ?? 1) - 1));
        const range = doc.getWordRangeAtPosition(start, /[^\s:,[\]{}]+/) ?? new vscode.Range(start, doc.lineAt(line).range.end);
        const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = DIAGNOSTIC_SOURCE;
        if (p.code) d.code = p.code;
        return d;
      }),
    );
  }
}
