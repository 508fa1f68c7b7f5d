// Lists the files under a folder, honouring .gitignore files and skipping VCS and dependency folders.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

interface Level {
  dir: string;
  ig: Ignore;
}

/** Yields absolute paths of files under `root` (or `root` itself when it is a file), in a stable order. */
export async function* walkFiles(root: string): AsyncIterable<string> {
  const st = await fs.stat(root);
  if (st.isFile()) {
    yield root;
    return;
  }
  yield* walkDir(root, await enclosingLevels(path.resolve(root)));
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

async function* walkDir(dir: string, levels: Level[]): AsyncIterable<string> {
  const here = [...levels];
  try {
    const gi = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    here.push({ dir, ig: ignore().add(gi) });
  } catch {
    // no .gitignore here
  }
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
    const isDir = e.isDirectory();
    if (ignored(full, isDir, here)) continue;
    if (isDir) yield* walkDir(full, here);
    else if (e.isFile()) yield full;
  }
}

function ignored(full: string, isDir: boolean, levels: Level[]): boolean {
  for (const { dir, ig } of levels) {
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (rel && ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
