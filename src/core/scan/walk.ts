// Lists the files under a folder, honouring .gitignore files and skipping VCS and dependency folders.
import fs = require('node:fs');
import type { Stats } from 'node:fs';
import path = require('node:path');
import ignore, { type Ignore } from 'ignore';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

interface Level {
  dir: string;
  ig: Ignore;
}

/** Called for a folder or link that cannot be read; the walk goes on without it. */
export type WalkErrorHandler = (path: string, error: NodeJS.ErrnoException) => void;

/** What a path that is neither a file nor a folder is, in words ("a FIFO (named pipe)"). */
export function describeSpecial(st: Stats): string | undefined {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return undefined;
}

interface Walk {
  /** The real path of the root folder: links are followed only to files inside it. */
  realRoot: string;
  root: string;
  /** Real paths of the files yielded so far, so that a file reached through links is scanned once. */
  seen: Set<string>;
  onError: WalkErrorHandler;
}

/**
 * Yields absolute paths of files under `root` (or `root` itself when it is a file), in a stable order.
 * Unreadable folders go to `onError` (by default the walk throws). Symbolic links to files inside the
 * root are followed (each file yielded once); links to folders and to anything outside the root are not.
 * Throws when `root` is neither a file nor a folder (a FIFO, a device), saying what it is.
 *
 * The folder reads are synchronous: a walk is a long run of small reads, and the promise-based API spends
 * most of that time waiting between them (a CPU profile of the command line showed a third of it idle).
 */
export function* walkFilesSync(root: string, onError?: WalkErrorHandler): Iterable<string> {
  const st = fs.statSync(root);
  if (st.isFile()) {
    yield root;
    return;
  }
  if (!st.isDirectory()) {
    const what = describeSpecial(st) ?? 'not a file or folder';
    throw Object.assign(new Error(`${what}, not a file or folder: not scanned`), { code: 'ESPECIAL' });
  }
  const walk: Walk = {
    root: path.resolve(root),
    realRoot: fs.realpathSync(root),
    seen: new Set(),
    onError:
      onError ??
      ((_p, e) => {
        throw e;
      }),
  };
  yield* walkDir(walk, walk.root, enclosingLevels(walk.root));
}

/**
 * The same walk for callers that must not hold the thread between files (the editor): each folder is read in
 * one synchronous call, and the caller's own awaits between files let other work run.
 */
export async function* walkFiles(root: string, onError?: WalkErrorHandler): AsyncIterable<string> {
  yield* walkFilesSync(root, onError);
}

/** The .gitignore files above `root` up to its repository's top (none when `root` is not inside a repository). */
function enclosingLevels(root: string): Level[] {
  const above: string[] = [];
  for (let dir = root; ; ) {
    if (fs.existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    above.unshift(parent);
    dir = parent;
  }
  const levels: Level[] = [];
  for (const dir of above) {
    const gi = readIgnoreFile(dir);
    if (gi !== undefined) levels.push({ dir, ig: ignore().add(gi) });
  }
  // A folder named explicitly is scanned even when it is itself ignored (as a file named explicitly is).
  return ignored(root, true, levels) ? [] : levels;
}

/** The text of `dir`/.gitignore, or undefined when there is none (or it cannot be read). */
function readIgnoreFile(dir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
}

const realOf = (w: Walk, full: string) => path.join(w.realRoot, path.relative(w.root, full));

function inside(w: Walk, real: string): boolean {
  const rel = path.relative(w.realRoot, real);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function* walkDir(w: Walk, dir: string, levels: Level[]): Iterable<string> {
  const here = [...levels];
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    w.onError(dir, e as NodeJS.ErrnoException);
    return;
  }
  // Only a folder listing a .gitignore has one to read: no failed open per folder.
  if (entries.some((e) => e.name === '.gitignore')) {
    const gi = readIgnoreFile(dir);
    if (gi !== undefined) here.push({ dir, ig: ignore().add(gi) });
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
    const isDir = e.isDirectory();
    if (ignored(full, isDir, here)) continue;
    if (isDir) yield* walkDir(w, full, here);
    else if (e.isFile()) {
      const real = realOf(w, full);
      if (w.seen.has(real)) continue;
      w.seen.add(real);
      yield full;
    } else if (e.isSymbolicLink()) {
      const real = linkedFile(w, full);
      if (real === undefined || w.seen.has(real)) continue;
      w.seen.add(real);
      yield full;
    }
    // FIFOs, sockets and devices inside a folder are never opened (reading a FIFO would block).
  }
}

/** The real path of a link's target when it is a regular file inside the root; undefined otherwise. */
function linkedFile(w: Walk, link: string): string | undefined {
  try {
    const real = fs.realpathSync(link);
    if (!inside(w, real)) return undefined;
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined; // a dangling link: nothing to scan
  }
}

function ignored(full: string, isDir: boolean, levels: Level[]): boolean {
  for (const { dir, ig } of levels) {
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (rel && ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
