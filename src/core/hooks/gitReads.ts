// Git prints what the working tree hides: `show REV:PATH`, `cat-file`, `log -p`, `diff`, `stash show -p`,
// `archive` and `grep` are judged as reads of the paths they print. The hook asks Git itself which paths
// those are (read-only commands, no pager, no external diff or textconv, no fsmonitor), and scans what a
// blob or a patch holds, up to a bound.
import { childProcess } from '../nodeBuiltins';

export interface GitPrint {
  /** Paths (relative to the repository root) whose content the command prints. */
  paths: string[];
  /** Content it prints (a blob, a patch), bounded. */
  texts: string[];
  /** Git could not answer in time or at all. */
  error?: string;
}

const SAFE = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'diff.external=', '-c', 'core.pager=cat', '-c', 'color.ui=false'];
const MAX_OUTPUT = 4 * 1024 * 1024;

function git(cwd: string, args: string[], timeoutMs: number): { out: string; error?: string } {
  const r = childProcess().spawnSync('git', [...SAFE, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: MAX_OUTPUT,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_EXTERNAL_DIFF: '', GIT_PAGER: 'cat' },
  });
  // Output past the bound is cut: what was read is still judged.
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ENOBUFS') return { out: r.stdout ?? '', error: r.error.message };
  // A failing git (not a repository, no such revision) prints nothing of the repository.
  return { out: r.stdout ?? '' };
}

const NAMES_ONLY = /^(--stat|--numstat|--shortstat|--name-only|--name-status|--summary|--dirstat.*|-s|--no-patch|--quiet|--exit-code|--raw)$/;
const PATCH_FLAGS = /^(-p|-u|--patch|-U\d*|--unified(=\d+)?|--patch-with-stat|--patch-with-raw|--full-diff|-W|--function-context)$/;

/** What one git invocation (its arguments after `git` and the global options) prints of stored content. */
export function gitPrints(args: string[], cwd: string, timeoutMs = 400): GitPrint {
  const sub = args[0];
  const rest = args.slice(1);
  const out: GitPrint = { paths: [], texts: [] };
  const blobSpecs = rest.filter((a) => !a.startsWith('-') && /^[^:]*:.+/.test(a));
  const blobs = (specs: string[]): void => {
    for (const spec of specs) {
      out.paths.push(spec.slice(spec.indexOf(':') + 1).replace(/^\.\//, ''));
      const r = git(cwd, ['cat-file', '-p', spec], timeoutMs);
      if (r.out) out.texts.push(r.out);
    }
  };
  const names = (cmd: string[]): void => {
    const r = git(cwd, cmd, timeoutMs);
    if (r.error) out.error = r.error;
    out.paths.push(...r.out.split('\n').filter(Boolean));
  };
  const noTextconv = ['--no-ext-diff', '--no-textconv'];
  /** The paths stored in the history of `revs` (asked with names()); `--all` takes every ref, the stash included. */
  const history = (revs: string[]): string[] => ['log', '--name-only', '--format=', ...revs];
  switch (sub) {
    case 'show': {
      blobs(blobSpecs);
      const others = rest.filter((a) => !blobSpecs.includes(a));
      if (blobSpecs.length && !others.some((a) => !a.startsWith('-'))) break;
      // --stat, --name-only, -s: names and counts, no content.
      if (others.some((a) => NAMES_ONLY.test(a)) && !others.some((a) => PATCH_FLAGS.test(a))) break;
      names(['show', ...noTextconv, '--name-only', '--format=', ...others.filter((a) => !PATCH_FLAGS.test(a))]);
      const r = git(cwd, ['show', ...noTextconv, ...others], timeoutMs);
      out.texts.push(r.out);
      break;
    }
    case 'cat-file':
      // --batch, --batch-all-objects, --batch-command: objects named on stdin, or all of them: any stored file.
      // (--batch-check prints ids, types and sizes only.)
      if (rest.some((a) => /^--batch(?:=|$)|^--batch-command/.test(a))) names(history(['--all']));
      blobs(blobSpecs);
      if (!blobSpecs.length && rest.some((a) => a === '-p' || a === 'blob')) {
        const r = git(cwd, ['cat-file', ...rest], timeoutMs);
        out.texts.push(r.out);
      }
      break;
    case 'log':
    case 'whatchanged':
    case 'reflog':
    case 'format-patch': {
      // -L<range>:<path> prints the lines' history, content included.
      for (const [k, a] of rest.entries()) {
        const range = /^-L(.*)$/.exec(a);
        const spec = range ? range[1] || rest[k + 1] || '' : '';
        if (spec.includes(':')) out.paths.push(spec.slice(spec.lastIndexOf(':') + 1).replace(/^\.\//, ''));
      }
      if (sub !== 'format-patch' && !rest.some((a) => PATCH_FLAGS.test(a)) && sub !== 'whatchanged') break;
      const own = rest.filter((a) => !PATCH_FLAGS.test(a) && !/^(--stdout|-o|--output-directory)$/.test(a));
      names(['log', ...noTextconv, '--name-only', '--format=', ...(sub === 'reflog' ? ['-g'] : []), ...own.filter((a) => a !== 'show')]);
      break;
    }
    case 'difftool': {
      // Each changed file's two versions handed to a tool (-x cat prints them): judged as the patch it shows.
      const own: string[] = [];
      for (let k = 0; k < rest.length; k++) {
        if (/^(-x|--extcmd|-t|--tool)$/.test(rest[k])) k++;
        else if (!/^(-y|--no-prompt|--prompt|-g|--gui|--no-gui|-d|--dir-diff|--trust-exit-code|--no-trust-exit-code|--symlinks|--no-symlinks|--extcmd=.*|--tool=.*)$/.test(rest[k])) own.push(rest[k]);
      }
      names(['diff', ...noTextconv, '--name-only', ...own.filter((a) => !PATCH_FLAGS.test(a) && !NAMES_ONLY.test(a))]);
      break;
    }
    case 'fast-export':
      // Every stored version of every file in the revisions it exports (--anonymize replaces the content).
      if (rest.includes('--anonymize')) break;
      names(history(rest.filter((a) => !a.startsWith('-') || a === '--all')));
      break;
    case 'bundle':
      // bundle create FILE REFS: the history of REFS, every stored file in it, in one file (or on stdout).
      if (rest[0] === 'create') names(history(rest.slice(2).filter((a) => a !== '--')));
      break;
    case 'diff': {
      const own = rest.filter((a) => !NAMES_ONLY.test(a));
      if (own.length !== rest.length && !rest.some((a) => PATCH_FLAGS.test(a))) break; // names or counts only
      names(['diff', ...noTextconv, '--name-only', ...own.filter((a) => !PATCH_FLAGS.test(a))]);
      const r = git(cwd, ['diff', ...noTextconv, ...own], timeoutMs);
      out.texts.push(r.out);
      break;
    }
    case 'stash':
      if (rest[0] === 'show' && rest.some((a) => PATCH_FLAGS.test(a))) {
        names(['stash', 'show', '--name-only', ...rest.slice(1).filter((a) => !PATCH_FLAGS.test(a))]);
        // Untracked files kept in a stash (stash -u) are listed only with --include-untracked.
        const u = git(cwd, ['stash', 'show', '--include-untracked', '--name-only', ...rest.slice(1).filter((a) => !PATCH_FLAGS.test(a))], timeoutMs);
        out.paths.push(...u.out.split('\n').filter(Boolean));
        out.texts.push(git(cwd, ['stash', 'show', ...noTextconv, ...rest.slice(1)], timeoutMs).out);
      }
      break;
    case 'archive': {
      const tree = rest.find((a) => !a.startsWith('-') && !/^(--format|-o|--output|--prefix)=/.test(a)) ?? 'HEAD';
      const at = rest.indexOf(tree);
      const pathspec = rest.slice(at + 1).filter((a) => !a.startsWith('-') || a.startsWith(':'));
      names(['ls-tree', '-r', '--name-only', tree, '--', ...pathspec]);
      break;
    }
    case 'grep':
      // The files git grep would print lines of: asked of git grep itself.
      names(['grep', '-l', '--no-color', ...rest.filter((a) => !/^(-n|--line-number|-h|-H|--heading|--break|-o|--only-matching|-c|--count|--color.*)$/.test(a))]);
      break;
    case 'push': {
      // Pushing to an address that is not a configured remote sends the pushed history off the machine.
      const pos = rest.filter((a) => !a.startsWith('-'));
      const [to, ...refspecs] = pos;
      if (to === undefined) break;
      const remotes = git(cwd, ['remote'], timeoutMs).out.split('\n').filter(Boolean);
      if (remotes.includes(to)) break;
      const sources = refspecs.map((r) => r.replace(/^\+/, '').split(':')[0]).filter(Boolean);
      names(history([...(sources.length ? sources : ['HEAD']), '--']));
      break;
    }
    case 'blame':
    case 'annotate':
      out.paths.push(...rest.filter((a) => !a.startsWith('-')).slice(-1));
      break;
  }
  out.paths = [...new Set(out.paths)];
  return out;
}

/** The repository root of a folder (undefined outside a repository). */
export function repoRoot(cwd: string): string | undefined {
  const r = git(cwd, ['rev-parse', '--show-toplevel'], 400);
  return r.out.trim() || undefined;
}
