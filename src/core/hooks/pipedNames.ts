// What a pipeline hands to `xargs` as arguments: the names a listing program prints (`ls -a`, `git ls-files`,
// `git rev-list`), narrowed by the filters between (`grep env`), so `ls -a | grep env | xargs cat` is judged as
// `cat .env .env.example …`. A filter not understood here (sed, awk, cut) makes the names unknown.
import { readdirSync } from 'node:fs';
import path = require('node:path');
import { expandGlob } from './shellExpand';
import { pipelineOutput } from './shellEval';
import { childProcess } from '../nodeBuiltins';

const MAX_NAMES = 200;

function base(word: string): string {
  return (word.split('/').pop() ?? word).toLowerCase();
}

/** Entries of the folders `ls` lists, as it prints them (bare names for a folder, the word for a file). */
function lsNames(args: string[], cwd: string): string[] {
  const all = args.some((a) => /^-[A-Za-z]*[aA]/.test(a) || a === '--all' || a === '--almost-all');
  const operands = args.filter((a) => !a.startsWith('-'));
  const out: string[] = [];
  for (const op of operands.length ? operands : ['.']) {
    let names: string[];
    try {
      names = readdirSync(path.resolve(cwd, op));
    } catch {
      out.push(op); // a file (or nothing): ls prints the word itself
      continue;
    }
    out.push(...names.filter((n) => all || !n.startsWith('.')));
  }
  return out;
}

/**
 * compgen -G PATTERN (the files a glob names, dot files by a leading dot), -f/-d PREFIX (the files, or folders,
 * whose names start so, dot files included); undefined for the other lists (commands, variables...).
 */
function compgenNames(args: string[], cwd: string): string[] | undefined {
  const glob = args.findIndex((a) => a === '-G');
  if (glob >= 0) return expandGlob(args[glob + 1] ?? '', cwd).filter((n) => !/[*?[]/.test(n));
  if (!args.some((a) => /^-[A-Za-z]*[fd]$|^-A$/.test(a)) || args.some((a, k) => a === '-A' && !/^(file|directory)$/.test(args[k + 1] ?? ''))) return undefined;
  const prefix = args.filter((a, k) => !a.startsWith('-') && args[k - 1] !== '-A').pop() ?? '';
  const dir = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
  const start = prefix.slice(dir.length);
  try {
    return readdirSync(path.resolve(cwd, dir || '.')).filter((n) => n.startsWith(start)).map((n) => dir + n);
  } catch {
    return [];
  }
}

/** What git prints for a listing subcommand, asked of git itself (read-only, bounded). */
function gitNames(args: string[], cwd: string): string[] | undefined {
  const sub = args[0];
  let cmd: string[];
  if (sub === 'ls-files' || sub === 'ls-tree') cmd = args.filter((a) => !/^(-z|--format.*)$/.test(a));
  else if (sub === 'rev-list') cmd = ['rev-list', `--max-count=${MAX_NAMES}`, ...args.slice(1).filter((a) => !/^--max-count/.test(a))];
  else if (sub === 'log' && args.some((a) => /^--(format|pretty)=(format:)?%H$/.test(a))) {
    const own = args.slice(1).filter((a) => !/^--(format|pretty)=|^--max-count/.test(a));
    // git log starts at HEAD when given no revision; rev-list needs it said.
    cmd = ['rev-list', `--max-count=${MAX_NAMES}`, ...own, ...(own.some((a) => !a.startsWith('-') || a === '--all') ? [] : ['HEAD'])];
  } else return undefined;
  const r = childProcess().spawnSync('git', ['--no-pager', '-c', 'core.fsmonitor=false', ...cmd], { cwd, encoding: 'utf8', timeout: 400, maxBuffer: 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' } });
  if (r.error) process.stderr.write(`ai-policy hook: git ${sub} for xargs names: ${r.error.stack ?? r.error.message}\n`);
  return (r.stdout ?? '').split('\n').filter(Boolean);
}

/** A grep over names: the names it keeps (undefined when its pattern is not one understood here). */
function grepNames(args: string[], names: string[]): string[] | undefined {
  let invert = false;
  let flags = '';
  let fixed = false;
  const patterns: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e' || a === '--regexp') patterns.push(args[++i] ?? '');
    else if (/^-[A-Za-z]+$/.test(a)) {
      if (a.includes('v')) invert = true;
      if (a.includes('i')) flags = 'i';
      if (a.includes('F')) fixed = true;
    } else if (a.startsWith('-')) continue;
    else if (!patterns.length) patterns.push(a);
    else return undefined; // grep PATTERN FILE reads a file: not a filter of the names
  }
  if (!patterns.length) return undefined;
  let res: RegExp[];
  try {
    res = patterns.map((p) => new RegExp(fixed ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : p.replace(/\\([|()+?{}])/g, '$1'), flags));
  } catch {
    return names; // a pattern JavaScript does not read: every name may pass
  }
  return names.filter((n) => res.some((re) => re.test(n)) !== invert);
}

/** The names the stages of a pipeline (argv of each, expanded) print, or undefined when they are not known. */
export function pipedNames(stages: string[][], cwd: string): string[] | undefined {
  const [first, ...filters] = stages;
  if (!first?.length) return undefined;
  const program = base(first[0]);
  let names: string[] | undefined;
  if (program === 'echo' || program === 'printf') names = pipelineOutput([first])?.split(/\s+/).filter(Boolean);
  else if (program === 'ls' || program === 'dir') names = lsNames(first.slice(1), cwd);
  else if (program === 'compgen') names = compgenNames(first.slice(1), cwd);
  else if (program === 'git') {
    const at = first[1] === '-C' ? 3 : 1;
    names = gitNames(first.slice(at), at === 3 ? path.resolve(cwd, first[2] ?? '.') : cwd);
  }
  if (!names) return undefined;
  for (const f of filters) {
    const p = base(f[0] ?? '');
    if (p === 'grep' || p === 'egrep' || p === 'fgrep') names = grepNames(p === 'fgrep' ? ['-F', ...f.slice(1)] : f.slice(1), names);
    // head/tail keep whole lines (names); -c/--bytes cuts inside them, which is not computed here.
    else if (!/^(sort|uniq|head|tail|cat|tee)$/.test(p) || f.some((a) => /^(-c|--bytes)/.test(a))) return undefined;
    if (!names) return undefined;
  }
  return names.slice(0, MAX_NAMES);
}
