// A diagnostic's code links to its rule's row in docs/rules.md, which ships with the extension (generated from
// the rule table): clicking the code opens the document at that line, offline. Policy-defined rules have no row.
import vscode = require('vscode');
import fs = require('node:fs');

export type RuleDocs = (ruleId: string) => vscode.Uri | undefined;

/** The rule id a diagnostic's code carries, whether the code is a plain string or a `{ value, target }` link. */
export function ruleIdOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : (c ?? ''));
}

/** The code for a finding: the rule id, linked to its documentation when the rule has a row there. */
export function diagnosticCode(ruleId: string, docs?: RuleDocs): vscode.Diagnostic['code'] {
  const target = docs?.(ruleId);
  return target ? { value: ruleId, target } : ruleId;
}

/** Reads docs/rules.md once, on the first finding, and answers each rule's line as `file:…/rules.md#L<n>`. */
export function ruleDocs(extensionUri: vscode.Uri): RuleDocs {
  let lines: Map<string, number> | undefined;
  const file = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  return (ruleId) => {
    if (!lines) {
      lines = new Map();
      let text = '';
      try {
        text = fs.readFileSync(file.fsPath, 'utf8');
      } catch {
        // not shipped (a development checkout without docs): codes stay plain
      }
      text.split('\n').forEach((line, i) => {
        const m = /<a id="([\w.-]+)"><\/a>/.exec(line);
        if (m && !lines?.has(m[1])) lines?.set(m[1], i + 1);
      });
    }
    const n = lines.get(ruleId);
    return n === undefined ? undefined : file.with({ fragment: `L${n}` });
  };
}
