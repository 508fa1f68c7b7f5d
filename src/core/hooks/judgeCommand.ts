// Judges one shell command by the data it can reach: the pipeline parse → expand → resolve (commandFlow) →
// judge (sensitiveFiles, gitReads) and the environment it would print. The program's name alone decides
// nothing: a word naming a sensitive file denies whatever reads it.
import path = require('node:path');
import type { Policy } from '../policy/types';
import { CommandFlow, type CommandReads } from './commandFlow';
import type { Decision } from './decisionTypes';
import { agentName, fileDenial, sectionLink } from './denials';
import { gitChanges, gitPrints, repoRoot, showsContent } from './gitReads';
import type { Harness } from './request';
import type { SensitiveFiles } from './sensitiveFiles';
import { expandTilde } from './shellExpand';
import type { TreeRead } from './treeReads';
import { namesOnlyOwnHome } from './ownHome';

export interface CommandContext {
  policy: Policy;
  harness: Harness;
  cwd: string;
  home: string;
  env: NodeJS.ProcessEnv;
  files: SensitiveFiles;
  /** Data classes the agent is cleared for. */
  cleared: readonly string[];
}

/** Folder reads of the agent's own search tool (Grep): like `rg`, with its include glob. */
export function searchTree(include: string | undefined): TreeRead {
  return { program: 'the search tool', dirs: [], excludes: [], includes: include ? [include] : [], skipsHidden: false, respectsGitignore: false, excludeHint: "a glob that leaves it out (e.g. '!NAME')" };
}

export function judgeTree(tree: TreeRead, dirAbs: string, c: CommandContext): Decision | undefined {
  const hits = c.files.under(dirAbs, tree);
  if (!hits.length) return undefined;
  const first = hits[0];
  const names = [...new Set(hits.map((h) => path.relative(dirAbs, h.file).split(path.sep).join('/')))].slice(0, 5);
  const hint = tree.excludeHint
    ? `leave them out (${names.map((n) => tree.excludeHint?.replace('NAME', path.posix.basename(n))).join(' ')}), or name only the files you need`
    : 'name only the files you need, without the sensitive ones';
  const d = fileDenial(c.policy, c.harness, first.file, { rules: [...new Set(hits.flatMap((h) => h.s.rules))].sort(), classes: [...new Set(hits.flatMap((h) => h.s.classes))].sort() }, 'shell',
    `${tree.program} over ${path.relative(c.cwd, dirAbs) || '.'} reads ${names.join(', ')}${hits.length > names.length ? ` and ${hits.length - names.length} more` : ''}, which`);
  return { ...d, reason: d.reason?.replace(' which is blocked: it holds', ' which hold'), instead: `${hint}; ${d.instead}` };
}

/**
 * A git command that changes the index or the work tree (stash apply, add -f, checkout REV) before a later git
 * command prints content or a word names a file it changes: judged by what it puts there, since the hook asks
 * Git before the line runs.
 */
function judgeGitChanges(reads: CommandReads, named: Set<string>, c: CommandContext): Decision | undefined {
  for (const [k, g] of reads.git.entries()) {
    const change = gitChanges(g.args, g.cwd);
    if (!change) continue;
    const root = repoRoot(g.cwd) ?? g.cwd;
    const printedLater = reads.git.slice(k + 1).some((h) => showsContent(h.args));
    if (!printedLater && !change.paths.some((p) => named.has(path.resolve(root, p)))) continue;
    for (const p of change.paths) {
      const s = c.files.name(p) ?? c.files.file(path.resolve(root, p));
      if (s) return fileDenial(c.policy, c.harness, path.resolve(root, p), s, 'shell', `git ${g.args[0]} puts ${path.basename(p)} where a later command on the line reads it, which is blocked: it holds`);
    }
    for (const t of change.texts) {
      const s = c.files.text(t);
      if (s) {
        const d = fileDenial(c.policy, c.harness, g.cwd, s, 'shell', `git ${g.args[0]} puts stored content where a later command on the line reads it; that content`);
        return { ...d, file: undefined, reason: d.reason?.replace('is blocked: it holds', 'holds') };
      }
    }
  }
  return undefined;
}

function judgeGit(reads: CommandReads, c: CommandContext): Decision | undefined {
  for (const g of reads.git) {
    const printed = gitPrints(g.args, g.cwd);
    for (const p of printed.paths) {
      const s = c.files.name(p) ?? c.files.file(path.resolve(g.cwd, p));
      if (s) return fileDenial(c.policy, c.harness, path.resolve(g.cwd, p), s, 'shell', `git ${g.args[0]} prints ${path.basename(p)}, which is blocked: it holds`);
    }
    for (const t of printed.texts) {
      const s = c.files.text(t);
      if (s) {
        const d = fileDenial(c.policy, c.harness, g.cwd, s, 'shell', `git ${g.args[0]} prints stored content that`);
        return { ...d, file: undefined, reason: d.reason?.replace('that is blocked: it holds', 'holds') };
      }
    }
  }
  return undefined;
}

function judgeEnvironment(reads: CommandReads, c: CommandContext): Decision | undefined {
  for (const name of reads.envNames) {
    const value = c.env[name];
    if (!value) continue;
    const s = c.files.text(`${name}=${value}`);
    if (!s || namesOnlyOwnHome(s.rules, value, c.home)) continue;
    return {
      verdict: 'deny',
      subject: 'environment',
      rules: s.rules,
      classes: s.classes,
      reason: `the command shows the environment variable ${name}, whose value is ${s.classes.join(', ')} data (rule ${s.rules.join(', ')}), and ${agentName(c.policy, c.harness)} is not cleared for it under ${c.policy.organization}'s AI tool policy`,
      instead: `use $${name} inside the command without printing it, or check only that it is set ([ -n "$${name}" ] && echo set)`,
      link: sectionLink(c.policy, 'data-handling'),
    };
  }
  if (reads.dumpsEnvironment && !c.cleared.includes('secret')) {
    return {
      verdict: 'deny',
      subject: 'environment',
      rules: ['shell-environment-dump'],
      classes: ['secret'],
      reason: `the command prints the environment, which holds secrets, and ${agentName(c.policy, c.harness)} is not cleared for secret data under ${c.policy.organization}'s AI tool policy`,
      instead: 'list only the names (e.g. `printenv | cut -d= -f1` or `compgen -e`), or ask a person to run it',
      link: sectionLink(c.policy, 'data-handling'),
    };
  }
  return undefined;
}

function judgeCredentials(reads: CommandReads, c: CommandContext): Decision | undefined {
  const shown = reads.credentials[0];
  if (shown === undefined || c.cleared.includes('secret')) return undefined;
  const what = shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
  return {
    verdict: 'deny',
    subject: 'shell',
    rules: ['stored-credential-read'],
    classes: ['secret'],
    reason: `\`${what}\` prints a stored credential, which is secret data, and ${agentName(c.policy, c.harness)} is not cleared for secret data under ${c.policy.organization}'s AI tool policy`,
    instead: 'let the tool use its credential itself (run the command that needs it), or check only that one is configured (e.g. `aws sts get-caller-identity`, `gh auth status`)',
    link: sectionLink(c.policy, 'data-handling'),
  };
}

/** A program handed a word built at run time (from text the command holds, or names a program prints): unknown, so judged fail-closed. */
function judgeRuntimeNames(reads: CommandReads, c: CommandContext): Decision | undefined {
  const program = reads.runtimeNames[0];
  if (program === undefined || c.cleared.includes('secret')) return undefined;
  return {
    verdict: 'deny',
    subject: 'shell',
    rules: ['shell-runtime-name'],
    classes: ['secret'],
    reason: `the command hands ${program === '<' || program === '<>' ? 'a redirection' : program} a name or command that is decoded, built or listed at run time (base64, rev, printf escapes, names a program prints that the hook does not compute...), which cannot be checked before it runs, so it is blocked under ${c.policy.organization}'s AI tool policy`,
    instead: 'write the file names and commands out plainly, so they can be checked',
    link: sectionLink(c.policy, 'data-handling'),
  };
}

export function judgeCommand(command: string, c: CommandContext): Decision | undefined {
  // A value written into the command itself (curl -d "key=sk_live_..."): the command sends or prints it.
  const inline = /[A-Za-z0-9_-]{16,}|:\/\/[^\s:]+:[^\s@]+@/.test(command) ? c.files.text(command.slice(0, 256 * 1024)) : undefined;
  if (inline) {
    return {
      verdict: 'deny',
      subject: 'shell',
      rules: inline.rules,
      classes: inline.classes,
      reason: `the command holds ${inline.classes.join(', ')} data itself (rule ${inline.rules.join(', ')}), and ${agentName(c.policy, c.harness)} is not cleared for it under ${c.policy.organization}'s AI tool policy`,
      instead: 'refer to the value by its environment variable ($NAME) instead of writing it into the command',
      link: sectionLink(c.policy, 'data-handling'),
    };
  }
  const reads = CommandFlow.analyze(command, { cwd: c.cwd, env: c.env, home: c.home });
  const seen = new Set<string>();
  for (const w of reads.words) {
    const abs = path.resolve(c.cwd, expandTilde(w.replace(/^file:\/\//, ''), c.home));
    if (seen.has(abs)) continue;
    seen.add(abs);
    const s = c.files.file(abs);
    if (s) return fileDenial(c.policy, c.harness, abs, s, 'shell');
  }
  for (const name of reads.namesUnderUnknownDir) {
    const s = c.files.name(name);
    if (s) return fileDenial(c.policy, c.harness, path.resolve(c.cwd, name), s, 'shell');
  }
  for (const t of reads.trees) {
    for (const dir of t.dirs) {
      const d = judgeTree(t, path.resolve(c.cwd, expandTilde(dir, c.home)), c);
      if (d) return d;
    }
  }
  return judgeEnvironment(reads, c) ?? judgeCredentials(reads, c) ?? judgeRuntimeNames(reads, c) ?? judgeGit(reads, c) ?? judgeGitChanges(reads, seen, c);
}
