// Ignore files for AI tools (gitignore syntax), from the sensitive path rules in force.
import type { Policy } from '../policy/types';
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
