// Finds the runtime strings of the editor layer: the first argument of every `vscode.l10n.t(...)` call, and of
// `t(...)` in the modules that take a translator (src/editor/tools/statusText.ts receives vscode.l10n.t as `t`).
// Only string literals can be translated; a call with any other first argument is reported as a problem,
// except the translator's own pass-through (`vscode.l10n.t(m, ...a)` where `m` is a parameter).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface Extracted {
  /** message → the files that use it (relative to the root). */
  messages: Map<string, Set<string>>;
  problems: string[];
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(full));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

function isTranslateCall(call: ts.CallExpression): boolean {
  const c = call.expression;
  if (ts.isIdentifier(c)) return c.text === 't';
  return ts.isPropertyAccessExpression(c) && c.name.text === 't' && ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === 'l10n';
}

/** The l10n messages in `dir` (default: src/editor under `root`). */
export function extractMessages(root: string, dir = path.join(root, 'src', 'editor')): Extracted {
  const messages = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const file of listTs(dir)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isTranslateCall(node)) {
        const arg = node.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
          if (!messages.has(arg.text)) messages.set(arg.text, new Set());
          messages.get(arg.text)!.add(rel);
        } else if (!(arg && ts.isIdentifier(arg) && isParameterOf(arg, node))) {
          const { line } = src.getLineAndCharacterOfPosition(node.getStart());
          problems.push(`${rel}:${line + 1}: the message of ${node.expression.getText()}(...) is not a string literal, so it cannot be translated`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return { messages, problems };
}

/** True when `id` names a parameter of a function that encloses `at` (a translator passing its message on). */
function isParameterOf(id: ts.Identifier, at: ts.Node): boolean {
  for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return true;
  }
  return false;
}

/** The English bundle as VS Code reads it: each message maps to itself, sorted for stable diffs. */
export function bundleOf(messages: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of [...messages].sort()) out[m] = m;
  return out;
}

/** `{0}`-style placeholders of a message, sorted (a translation must keep the same ones). */
export function placeholders(message: string): string[] {
  return (message.match(/\{\d+\}/g) ?? []).sort();
}
