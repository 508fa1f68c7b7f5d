// Expand stage of the shell guard: variables (those assigned earlier on the same line, else the hook's own
// environment), braces and globs, as the shell would expand them against the real folder.
import { readdirSync } from 'node:fs';
import os = require('node:os');
import path = require('node:path');
import { braceExpand, Minimatch } from 'minimatch';
import { VAR_CLOSE, VAR_OPEN } from './shellParse';

/** Variables assigned so far on the command line; names read from the environment are collected. */
export class Variables {
  private readonly set = new Map<string, string>();
  readonly fromEnvironment = new Set<string>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  assign(name: string, value: string): void {
    this.set.set(name, value);
  }

  /** A variable's value: assigned on the line, else the environment's. */
  get(name: string): string | undefined {
    return this.set.get(name) ?? this.env[name];
  }

  /** The word with its variable references replaced by their values. */
  expand(word: string): string {
    if (!word.includes(VAR_OPEN)) return word;
    return word.replace(new RegExp(`${VAR_OPEN}([^${VAR_CLOSE}]*)${VAR_CLOSE}`, 'g'), (_m, raw: string) => {
      // ${NAME:-default}, ${NAME#x}...: the name, then the default when it has one.
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw)?.[0] ?? raw;
      const local = this.set.get(name);
      if (local === undefined && name) this.fromEnvironment.add(name);
      const fallback = /^[A-Za-z_][A-Za-z0-9_]*:?[-=](.*)$/.exec(raw)?.[1];
      const value = local ?? this.env[name];
      if (value === undefined) return fallback ?? '';
      return transform(value, raw.slice(name.length));
    });
  }
}

/** A shell glob as a regular expression source (for ${x#pat} and friends). */
function globSource(glob: string): string {
  return glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
}

/**
 * What a parameter expansion's operator makes of the value: `#`/`##`/`%`/`%%` (a pattern cut from an end),
 * `,,`/`^^`/`,`/`^` (case), `:offset[:length]`, `/pat/rep` and `//pat/rep`; anything else leaves it whole.
 */
function transform(value: string, op: string): string {
  if (!op || /^:?[-=+?]/.test(op)) return value;
  let m: RegExpExecArray | null;
  try {
    if ((m = /^(##?|%%?)(.*)$/s.exec(op))) {
      const src = globSource(m[2]);
      const greedy = m[1].length === 2;
      if (m[1][0] === '#') return value.replace(new RegExp(`^${greedy ? src : src.replace(/\.\*/g, '.*?')}`, 's'), '');
      for (let k = greedy ? 0 : value.length; greedy ? k <= value.length : k >= 0; k += greedy ? 1 : -1) if (new RegExp(`^${src}$`, 's').test(value.slice(k))) return value.slice(0, k);
      return value;
    }
    if (op === ',,') return value.toLowerCase();
    if (op === '^^') return value.toUpperCase();
    if (op === ',') return value.charAt(0).toLowerCase() + value.slice(1);
    if (op === '^') return value.charAt(0).toUpperCase() + value.slice(1);
    if ((m = /^:\s*(-?\d+)(?::\s*(-?\d+))?$/.exec(op))) {
      const start = Number(m[1]) < 0 ? Math.max(0, value.length + Number(m[1])) : Number(m[1]);
      const len = m[2] === undefined ? undefined : Number(m[2]);
      return len === undefined ? value.slice(start) : len < 0 ? value.slice(start, value.length + len) : value.slice(start, start + len);
    }
    if ((m = /^(\/\/?)([^/]*)\/?(.*)$/s.exec(op))) return value.replace(new RegExp(globSource(m[2]), m[1].length === 2 ? 'g' : ''), m[3]);
  } catch {
    return value;
  }
  return value;
}

/** `NAME=value` (an assignment word) → [name, value]. */
export function assignment(word: string): [string, string] | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\+?=(.*)$/s.exec(word);
  return m ? [m[1], m[2]] : undefined;
}

/** `~` and `~/x` → the home folder. */
export function expandTilde(word: string, home = os.homedir(), cwd?: string): string {
  if (cwd && (word === '~+' || word.startsWith('~+/'))) return path.join(cwd, word.slice(2));
  return word === '~' ? home : word.startsWith('~/') ? path.join(home, word.slice(2)) : word;
}

/** Brace expansion (`.en{v,x}` → `.env`, `.enx`), bounded. */
export function expandBraces(word: string): string[] {
  if (!word.includes('{')) return [word];
  try {
    const out = braceExpand(word);
    return out.length > 256 ? out.slice(0, 256) : out;
  } catch {
    return [word];
  }
}

const GLOB_CHARS = /[*?[]|[@+!]\(/;
const MAX_MATCHES = 512;

/**
 * Glob options a line may turn on (bash `shopt -s dotglob|nocaseglob|globstar`, GLOBIGNORE, zsh `setopt globdots`,
 * zsh's `**` and `(D)` qualifiers): with them a pattern names more files than plain bash would expand it to.
 */
export interface GlobOptions {
  dot?: boolean;
  nocase?: boolean;
  globstar?: boolean;
}

const MAX_STAR_DIRS = 2000;

/** `base` and every folder below it (what globstar's `**` stands for), bounded; dot folders only with `dot`. */
function foldersBelow(base: string, cwd: string, dot: boolean): string[] {
  const out = [base];
  for (let k = 0; k < out.length && out.length < MAX_STAR_DIRS; k++) {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(path.resolve(cwd, out[k] || '.'), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) if (e.isDirectory() && e.name !== '.git' && (dot || !e.name.startsWith('.'))) out.push(out[k] ? path.posix.join(out[k], e.name) : e.name);
  }
  return out;
}

/** The files a glob names in the real folder (none when nothing matches: the shell then passes the word). */
export function expandGlob(pattern: string, cwd: string, opts: GlobOptions = {}): string[] {
  if (!GLOB_CHARS.test(pattern)) return [pattern];
  const abs = path.isAbsolute(pattern);
  const parts = (abs ? pattern.slice(1) : pattern).split('/').filter((p, i, all) => p !== '' || i === all.length - 1);
  let bases = [abs ? '/' : ''];
  for (const part of parts) {
    const next: string[] = [];
    let mm: Minimatch | undefined;
    // globstar: `**` alone in a part is zero or more folders.
    if (part === '**' && opts.globstar) {
      bases = [...new Set(bases.flatMap((b) => foldersBelow(b, cwd, Boolean(opts.dot))))].slice(0, MAX_STAR_DIRS);
      // Last in the pattern, it names the files in those folders as well.
      if (part === parts[parts.length - 1]) bases = bases.concat(bases.flatMap((b) => expandGlob(b ? `${b}/*` : '*', cwd, { dot: opts.dot })).filter((f) => !GLOB_CHARS.test(f))).slice(0, MAX_MATCHES * 4);
      continue;
    }
    for (const base of bases) {
      if (!GLOB_CHARS.test(part)) {
        next.push(base ? path.posix.join(base, part) : part);
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(path.resolve(cwd, base || '.'));
      } catch {
        continue;
      }
      for (const n of names) {
        if ((mm ??= new Minimatch(part, { dot: opts.dot || part.startsWith('.'), nocase: opts.nocase })).match(n)) next.push(base ? path.posix.join(base, n) : n);
        if (next.length >= MAX_MATCHES) break;
      }
    }
    bases = next;
    if (!bases.length) return [pattern];
  }
  return bases.map((b) => b || '.');
}

/**
 * `/proc/<pid>/cwd/...` (self, thread-self, $$, a number) is the working folder of the process that opens it: the
 * shell's, which is `cwd`; `/proc/<pid>/root/...` is the root. `..` after it is taken from there, not from /proc.
 */
export function procPath(p: string, cwd: string): string {
  const m = /^\/proc\/[^/]*\/(cwd|root)(?=\/|$)/.exec(p);
  if (!m) return p;
  return path.resolve(m[1] === 'cwd' ? cwd : '/', `.${p.slice(m[0].length)}`);
}
