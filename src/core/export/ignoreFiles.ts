// Ignore files for AI tools (gitignore syntax), from the sensitive path rules in force.
import type { Policy } from '../policy/types';
import { buildCatalog, editorIgnoreFile } from '../tools/catalog';
import { toGitignore } from './globs';
import { sensitivePathsInForce } from './sensitivePaths';

/** Export target → file name and who reads it. `negation: false` for formats that have no `!` lines. */
export const IGNORE_TARGETS: Record<string, { file: string; tool: string; negation: boolean }> = {
  cursorignore: { file: '.cursorignore', tool: 'Cursor', negation: true },
  aiexclude: { file: '.aiexclude', tool: 'Gemini Code Assist', negation: false },
  aiignore: { file: '.aiignore', tool: 'JetBrains AI Assistant and other tools that read .aiignore', negation: true },
  codeiumignore: { file: '.codeiumignore', tool: 'Windsurf / Codeium', negation: true },
  continueignore: { file: '.continueignore', tool: 'Continue', negation: true },
  clineignore: { file: '.clineignore', tool: 'Cline', negation: true },
  rooignore: { file: '.rooignore', tool: 'Roo Code', negation: true },
  aiderignore: { file: '.aiderignore', tool: 'Aider', negation: true },
};

/** The export target whose file is `name` (e.g. `.rooignore` → `rooignore`). */
export function targetForFile(name: string): string | undefined {
  return Object.entries(IGNORE_TARGETS).find(([, t]) => t.file === name)?.[0];
}

/**
 * Ignore-file targets for the tools in use: enabled tools whose catalog entry names an ignore file, and the
 * editor itself when it honours one (Cursor, by `vscode.env.appName`).
 */
export function ignoreTargetsInUse(tools: readonly { id: string; enabled: boolean }[], policy: Policy | undefined, appName: string): string[] {
  const catalog = buildCatalog(policy);
  const files = new Set<string>();
  for (const t of tools) {
    const f = t.enabled ? catalog.get(t.id)?.ignoreFile : undefined;
    if (f) files.add(f);
  }
  const editor = editorIgnoreFile(appName);
  if (editor) files.add(editor);
  return [...files].map(targetForFile).filter((t): t is string => !!t);
}

export function ignoreFile(target: string, policy: Policy | undefined): string {
  const t = IGNORE_TARGETS[target];
  if (!t) throw new Error(`unknown ignore-file target "${target}"`);
  const { paths, exceptions } = sensitivePathsInForce(policy);
  const who = policy ? `${policy.organization} AI tool policy v${policy.version}` : 'the built-in sensitive path rules';
  const lines = [`# ${t.file} for ${t.tool}: generated from ${who}.`, '# Files that hold secrets or restricted data; regenerate instead of editing.'];
  const seen = new Set<string>();
  let lastRule = '';
  for (const p of paths) {
    const fresh = toGitignore(p.glob).filter((g) => !seen.has(g));
    if (!fresh.length) continue;
    if (p.rule !== lastRule) lines.push('', `# ${p.rule} (${p.class})`);
    lastRule = p.rule;
    fresh.forEach((g) => seen.add(g));
    lines.push(...fresh);
  }
  if (t.negation && exceptions.length) {
    lines.push('', '# exceptions: templates without secrets');
    for (const e of exceptions) lines.push(...toGitignore(e).map((g) => `!${g}`));
  }
  // An empty .aiexclude blocks everything: never emit a file without a pattern.
  if (!paths.length) lines.push('', '# no sensitive path rules are in force', '/.ai-policy-no-rules');
  return lines.join('\n') + '\n';
}
