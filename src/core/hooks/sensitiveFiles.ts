// Judge stage of the guards: which real files hold data of a class the agent is not cleared for, by the
// policy's path rules and by the content scanner. Content is read up to a bound (NUL bytes do not exempt a
// file: they are read as blanks), then the path rules alone decide; a folder walk stops at a deadline and
// keeps what it learnt in a cache beside the spool, so the next call goes on from there.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path = require('node:path');
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import type { Scanner } from '../scan/scanner';
import type { TreeRead } from './treeReads';

export interface Sensitive {
  rules: string[];
  classes: string[];
}

export interface SensitiveOptions {
  /** The scanner, built on first use. */
  scanner: () => Scanner;
  cwd: string;
  home: string;
  /** Data classes the destination is cleared for. */
  cleared: readonly string[];
  /** Bytes of one file scanned for content. */
  maxBytes?: number;
  /** Bytes scanned in one call in all; past it files are judged by path rules. */
  budgetBytes?: number;
  /** When a folder walk stops (ms since epoch). */
  deadline?: number;
  /** A JSON file keeping content verdicts between calls (by size and modification time). */
  cacheFile?: string;
}

type CacheEntry = [size: number, mtimeMs: number, rules: string[], classes: string[]];

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '__pycache__', '.venv', 'venv', '.tox', 'target', 'dist', 'build', '.next', '.cache']);
const WALK_MAX_FILES = 50000;
/** Bytes of one file a folder walk scans (a larger file: its head and its tail). */
const WALK_FILE_BYTES = 512 * 1024;
/** Bytes read of a file that reports size 0 (a /proc file). */
const PSEUDO_FILE_BYTES = 1024 * 1024;
/** A file a reader shows that the call's byte budget no longer covers: judged as if it held a secret. */
const UNSCANNED = { ruleId: 'unscanned-content', dataClass: 'secret' };
const OPEN_FLAGS = process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

export class SensitiveFiles {
  private budget: number;
  private cache: Record<string, CacheEntry> | undefined;
  private cacheDirty = false;
  /** Content findings of the files read in this call, by device, inode, size and modification time. */
  private readonly seen = new Map<string, { ruleId: string; dataClass: string }[]>();

  constructor(private readonly o: SensitiveOptions) {
    this.budget = o.budgetBytes ?? 32 * 1024 * 1024;
  }

  /** The path the rules see: under the working folder, else under home (`.aws/credentials`), else absolute. */
  private ruleName(abs: string): string {
    for (const base of [this.o.cwd, this.o.home]) {
      const rel = path.relative(base, abs);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return abs.split(path.sep).join('/').replace(/^\/+/, '');
  }

  private filter(rules: string[], classes: string[], findings: { ruleId: string; dataClass: string }[]): Sensitive | undefined {
    for (const f of findings) {
      if (this.o.cleared.includes(f.dataClass)) continue;
      rules.push(f.ruleId);
      classes.push(f.dataClass);
    }
    return rules.length ? { rules: [...new Set(rules)].sort(), classes: [...new Set(classes)].sort() } : undefined;
  }

  /**
   * Reads up to `cap` bytes (maxBytes by default); NULs and other control bytes read as blanks so the scanner still
   * sees the text. A file that reports size 0 (/proc/self/environ and the other /proc files) is read to its end
   * within the bound: it is not empty.
   */
  private readBounded(abs: string, size: number, cap = this.o.maxBytes ?? 2 * 1024 * 1024): string | undefined {
    const n = Math.min(size || PSEUDO_FILE_BYTES, cap, this.budget);
    if (n <= 0) return undefined;
    const fd = openSync(abs, OPEN_FLAGS);
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      const buf = Buffer.allocUnsafe(n);
      // Past the bound, the head and the last quarter of the bound's worth of the tail (tail -n 1 reads the end).
      const tail = size > n ? Math.floor(n / 4) : 0;
      let read = 0;
      while (read < n - tail) {
        const r = readSync(fd, buf, read, n - tail - read, size ? read : null);
        if (!r) break;
        read += r;
      }
      let t = 0;
      while (t < tail) {
        const r = readSync(fd, buf, read + t, tail - t, size - tail + t);
        if (!r) break;
        t += r;
      }
      read += t;
      this.budget -= read;
      const b = buf.subarray(0, read);
      if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b);
      return b.toString('utf8').replace(/[\u0000-\u0008\u000e-\u001f]/g, ' ');
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Findings (of every class) in one regular file, by content within the bound and by its names. `content`: read
   * it; 'required' when a reader shows it, so that a file the call's byte budget no longer covers is not taken for
   * clean (fail closed); a folder walk passes true and judges such files by their names, as past its deadline.
   */
  private findings(abs: string, st: { size: number; mtimeMs: number; dev: number; ino: number }, content: boolean | 'required', cap?: number): { ruleId: string; dataClass: string }[] {
    const names = [this.ruleName(abs)];
    try {
      const real = realpathSync(abs);
      if (real !== abs) names.push(this.ruleName(real));
    } catch (e) {
      void e; // a dangling link: judged by its own name
    }
    if (this.o.scanner().allowsPath(names[0])) return [];
    const byPath = names.flatMap((n) => this.o.scanner().paths.match(n));
    // A file whose name marks data the destination is not cleared for is judged by its name: what it holds cannot
    // change the verdict, so it is not read (nor are the content rules built for it).
    if (!content || byPath.some((f) => !this.o.cleared.includes(f.dataClass))) return byPath;
    // The same file under another name (/proc/self/root/..., a link, a second spelling) is read once a call.
    const key = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
    const seen = this.seen.get(key);
    if (seen) return [...byPath, ...seen];
    const cache = this.loadCache();
    const hit = cache?.[abs];
    if (hit && hit[0] === st.size && hit[1] === st.mtimeMs) return [...byPath, ...hit[2].map((ruleId, i) => ({ ruleId, dataClass: hit[3][i] }))];
    if (this.budget <= 0 && content === 'required') return [...byPath, UNSCANNED];
    const text = this.readBounded(abs, st.size, cap);
    if (text === undefined) return byPath;
    const found = this.o.scanner().scanText(text, names[0]).findings;
    this.seen.set(key, found);
    // A /proc file changes between reads: its verdict is not kept.
    if (cache && st.size) {
      cache[abs] = [st.size, st.mtimeMs, found.map((f) => f.ruleId), found.map((f) => f.dataClass)];
      this.cacheDirty = true;
    }
    return [...byPath, ...found];
  }

  /** The verdict on one path an agent names (undefined: not a sensitive file, or no file at all). */
  file(abs: string): Sensitive | undefined {
    let st;
    try {
      st = statSync(abs);
    } catch {
      try {
        lstatSync(abs); // a dangling link names nothing readable
      } catch {
        return undefined;
      }
      return undefined;
    }
    if (!st.isFile()) return undefined;
    return this.filter([], [], this.findings(abs, st, 'required'));
  }

  /** Names are judged without reading (a path that does not exist, a file in Git history). */
  name(rel: string): Sensitive | undefined {
    return this.filter([], [], this.o.scanner().paths.match(rel.replace(/^\.\//, '')));
  }

  /** Text the agent is about to see or send. */
  text(text: string): Sensitive | undefined {
    return this.filter([], [], this.o.scanner().scanText(text).findings);
  }

  /** Sensitive files under a folder that a recursive reader would read, given what it leaves out. */
  under(dirAbs: string, tree: TreeRead): { file: string; s: Sensitive }[] {
    const out: { file: string; s: Sensitive }[] = [];
    let count = 0;
    const deadline = this.o.deadline ?? Date.now() + 500;
    const ignoreStack: { base: string; ig: Ignore }[] = [];
    // Each glob compiled once for the walk (an exclusion also leaves out what is below a folder it names).
    const glob = (g: string) => new Minimatch(g, { dot: true });
    const excludes = tree.excludes.map((g) => [glob(g), glob(`${g}/**`)] as const);
    const includes = tree.includes.map(glob);
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      let pushed = false;
      if (tree.respectsGitignore && entries.some((e) => e.name === '.gitignore')) {
        try {
          ignoreStack.push({ base: dir, ig: ignore().add(readFileSync(path.join(dir, '.gitignore'), 'utf8')) });
          pushed = true;
        } catch (e) {
          void e; // an unreadable .gitignore ignores nothing
        }
      }
      for (const e of entries) {
        if (count++ > WALK_MAX_FILES) break;
        const abs = path.join(dir, e.name);
        const rel = path.relative(dirAbs, abs).split(path.sep).join('/');
        if (tree.skipsHidden && e.name.startsWith('.')) continue;
        if (ignoreStack.some((g) => g.ig.ignores(path.relative(g.base, abs).split(path.sep).join('/') + (e.isDirectory() ? '/' : '')))) continue;
        if (excludes.some(([g, below]) => g.match(e.name) || g.match(rel) || below.match(rel))) continue;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) walk(abs);
          continue;
        }
        if (!e.isFile() && !e.isSymbolicLink()) continue;
        if (includes.length && !includes.some((g) => g.match(e.name) || g.match(rel))) continue;
        let st;
        try {
          st = statSync(abs);
        } catch {
          continue;
        }
        if (!st.isFile()) continue;
        // A file past 512 KiB is scanned within that bound (its head and tail), as a named file is within maxBytes:
        // a search prints its matching lines, the last one included.
        const s = this.filter([], [], this.findings(abs, st, Date.now() < deadline, WALK_FILE_BYTES));
        if (s) out.push({ file: abs, s });
      }
      if (pushed) ignoreStack.pop();
    };
    for (const name of tree.ignoreFiles ?? []) {
      try {
        ignoreStack.push({ base: dirAbs, ig: ignore().add(readFileSync(path.join(dirAbs, name), 'utf8')) });
      } catch (e) {
        void e; // no such file: it leaves nothing out
      }
    }
    try {
      if (statSync(dirAbs).isDirectory()) walk(dirAbs);
    } catch {
      return out;
    }
    this.saveCache();
    return out;
  }

  private loadCache(): Record<string, CacheEntry> | undefined {
    if (!this.o.cacheFile) return undefined;
    if (!this.cache) {
      try {
        this.cache = JSON.parse(readFileSync(this.o.cacheFile, 'utf8')) as Record<string, CacheEntry>;
      } catch {
        this.cache = {};
      }
    }
    return this.cache;
  }

  saveCache(): void {
    if (!this.o.cacheFile || !this.cache || !this.cacheDirty) return;
    const keys = Object.keys(this.cache);
    if (keys.length > 20000) for (const k of keys.slice(0, keys.length - 20000)) delete this.cache[k];
    const tmp = `${this.o.cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(this.cache), { mode: 0o600 });
      renameSync(tmp, this.o.cacheFile);
      this.cacheDirty = false;
    } catch (e) {
      process.stderr.write(`ai-policy hook: the scan cache was not saved: ${(e as Error).stack ?? String(e)}\n`);
    }
  }
}
