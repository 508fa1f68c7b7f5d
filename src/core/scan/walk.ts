// Lists the files under a folder, honouring .gitignore files and skipping VCS and dependency folders.
import { promises as fs, type Stats } from 'node:fs';
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
 */
export async function* walkFiles(root: string, onError?: WalkErrorHandler): AsyncIterable<string> {
  const st = await fs.stat(root);
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
    realRoot: await fs.realpath(root),
    seen: new Set(),
    onError:
      onError ??
      ((_p, e) => {
        throw e;
      }),
  };
  yield* walkDir(walk, walk.root, await enclosingLevels(walk.root));
}

/** The .gitignore files above `root` up to its repository's top (none when `root` is not inside a repository). */
async function enclosingLevels(root: string): Promise<Level[]> {
  const above: string[] = [];
  for (let dir = root; ; ) {
    if (await exists(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    above.unshift(parent);
    dir = parent;
  }
  const levels: Level[] = [];
  for (const dir of above) {
    const gi = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
    if (gi !== undefined) levels.push({ dir, ig: ignore().add(gi) });
  }
  // A folder named explicitly is scanned even when it is itself ignored (as a file named explicitly is).
  return ignored(root, true, levels) ? [] : levels;
}

function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

const realOf = (w: Walk, full: string) => path.join(w.realRoot, path.relative(w.root, full));

function inside(w: Walk, real: string): boolean {
  const rel = path.relative(w.realRoot, real);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

async function* walkDir(w: Walk, dir: string, levels: Level[]): AsyncIterable<string> {
  const here = [...levels];
  let entries;
  try {
    entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (e) {
    w.onError(dir, e as NodeJS.ErrnoException);
    return;
  }
  try {
    const gi = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    here.push({ dir, ig: ignore().add(gi) });
  } catch {
    // no .gitignore here
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
      const real = await linkedFile(w, full);
      if (real === undefined || w.seen.has(real)) continue;
      w.seen.add(real);
      yield full;
    }
    // FIFOs, sockets and devices inside a folder are never opened (reading a FIFO would block).
  }
}

/** The real path of a link's target when it is a regular file inside the root; undefined otherwise. */
async function linkedFile(w: Walk, link: string): Promise<string | undefined> {
  try {
    const real = await fs.realpath(link);
    if (!inside(w, real)) return undefined;
    return (await fs.stat(real)).isFile() ? real : undefined;
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
