// Git prints what the working tree hides: `show REV:PATH`, `cat-file`, `log -p`, `diff`, `stash show -p`,
// `archive` and `grep` are judged as reads of the paths they print. The hook asks Git itself which paths
// those are (read-only commands, no pager, no external diff or textconv, no fsmonitor), and scans what a
// blob or a patch holds, up to a bound.
import { childProcess } from '../nodeBuiltins';
import { SUBST_WORD } from './shellParse';

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
/**
 * Options of the log family that print a patch too: --binary, --cc, -c, --remerge-diff and --dd imply it, -m and
 * --diff-merges show merges' diffs, --word-diff and --color-words are patches in another layout.
 */
const IMPLIED_PATCH = /^(--binary|--cc|-c|-m|--remerge-diff|--dd|--diff-merges(=.*)?|--word-diff(=.*)?|--word-diff-regex=.*|--color-words(=.*)?)$/;
/** Arguments left out when Git is asked: they would run a program, open a pager or write the output to a file. */
const UNSAFE = /^(--ext-diff|--textconv|--output(=.*)?|-o|--output-directory(=.*)?|--stdout|--paginate)$/;

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
  /** What the command prints, asked of Git with the line's own arguments: scanned, and the files its patches name. */
  const printed = (cmd: string[]): void => {
    const r = git(cwd, cmd, timeoutMs);
    if (r.error) out.error = r.error;
    if (!r.out) return;
    out.texts.push(r.out);
    for (const m of r.out.matchAll(/^diff --(?:git a\/.*? b\/|cc |combined )(.+)$/gm)) out.paths.push(m[1]);
  };
  const safe = (list: string[]): string[] => list.filter((a, k) => !UNSAFE.test(a) && !(/^(-o|--output-directory)$/.test(list[k - 1] ?? '') && sub === 'format-patch'));
  // An object named by a substitution (git cat-file -p $(…)): known only when the line runs, so any stored file.
  if (/^(cat-file|show|unpack-file)$/.test(sub ?? '') && rest.some((a) => a.includes(SUBST_WORD) || a.includes('\u0003'))) names(['log', '--name-only', '--format=', '--all']);
  /** The paths stored in the history of `revs` (asked with names()); `--all` takes every ref, the stash included. */
  const history = (revs: string[]): string[] => ['log', '--name-only', '--format=', ...revs];
  switch (sub) {
    case 'show': {
      blobs(blobSpecs);
      const others = rest.filter((a) => !blobSpecs.includes(a));
      if (blobSpecs.length && !others.some((a) => !a.startsWith('-'))) break;
      // --stat, --name-only, -s: names and counts, no content.
      if (others.some((a) => NAMES_ONLY.test(a)) && !others.some((a) => PATCH_FLAGS.test(a))) break;
      names(['show', ...noTextconv, '--name-only', '--format=', ...safe(others.filter((a) => !PATCH_FLAGS.test(a)))]);
      printed(['show', ...noTextconv, ...safe(others)]);
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
      // What it prints is asked of Git (format-patch with --stdout, which writes no file): --binary, --cc, -m,
      // log.diffMerges or a format that shows a patch are then scanned like -p.
      if (sub !== 'reflog' || !/^(expire|delete|exists)$/.test(rest[0] ?? '')) printed(sub === 'format-patch' ? ['format-patch', '--stdout', '--no-binary', ...safe(rest)] : [sub, ...noTextconv, ...safe(rest)]);
      if (sub !== 'format-patch' && !rest.some((a) => PATCH_FLAGS.test(a) || IMPLIED_PATCH.test(a)) && sub !== 'whatchanged') break;
      const own = rest.filter((a) => !PATCH_FLAGS.test(a) && !IMPLIED_PATCH.test(a) && !UNSAFE.test(a));
      names(['log', ...noTextconv, '--name-only', '--format=', ...(sub === 'reflog' ? ['-g'] : []), ...own.filter((a) => a !== 'show')]);
      break;
    }
    case 'diff-tree':
    case 'diff-index':
    case 'diff-files':
    case 'range-diff':
      printed([sub, ...noTextconv.filter(() => sub !== 'range-diff'), ...safe(rest)]);
      break;
    case 'unpack-file':
      // unpack-file BLOB writes the blob to a temporary file and prints its name (cat $(git unpack-file REV:.env)).
      blobs(blobSpecs);
      for (const a of rest.filter((x) => !x.startsWith('-') && !blobSpecs.includes(x))) out.texts.push(git(cwd, ['cat-file', '-p', a], timeoutMs).out);
      break;
    case 'hash-object':
      // hash-object -w FILE stores the file as an object: any later cat-file or show on the line can print it.
      if (rest.some((a) => a === '-w')) out.paths.push(...rest.filter((a) => !a.startsWith('-')));
      break;
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
      names(['diff', ...noTextconv, '--name-only', ...safe(own.filter((a) => !PATCH_FLAGS.test(a)))]);
      printed(['diff', ...noTextconv, ...safe(own)]);
      break;
    }
    case 'stash':
      // stash show --binary, or stash.showPatch set: what it prints is asked of Git.
      if (rest[0] === 'show') printed(['stash', 'show', ...noTextconv, ...safe(rest.slice(1))]);
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

/**
 * Whether a git invocation prints stored content (a patch, a blob, matching lines) rather than names, counts or
 * nothing: asked of a command that runs after another on the line has changed the index or the work tree.
 */
export function showsContent(args: string[]): boolean {
  const [sub, ...rest] = args;
  if (/^(log|whatchanged|reflog|show|diff|diff-tree|diff-index|diff-files|format-patch|stash)$/.test(sub ?? '') && rest.some((a) => PATCH_FLAGS.test(a) || IMPLIED_PATCH.test(a))) return true;
  const namesOnly = rest.some((a) => NAMES_ONLY.test(a) || /^(--batch-check|-t|-s|-e|-l|--files-with-matches|-c|--count|-q)$/.test(a));
  if (sub === 'stash') return rest[0] === 'show' && !namesOnly;
  return /^(show|diff|format-patch|cat-file|grep|blame|annotate|archive|difftool|whatchanged|range-diff)$/.test(sub ?? '') && !namesOnly;
}

/** Files a git command puts into the index or the work tree, and the stored content it puts there. */
export interface GitChange {
  /** Paths relative to the repository root. */
  paths: string[];
  texts: string[];
}

/**
 * What a git command that changes the index or the work tree makes readable later on the same line, where the
 * hook asks Git before the line runs: `git stash apply && cat src/db.ts` reads the stash's version of db.ts,
 * `git add -f .env && git diff --cached` prints the .env. Undefined for a command that changes neither.
 */
export function gitChanges(args: string[], cwd: string, timeoutMs = 400): GitChange | undefined {
  const [sub, ...rest] = args;
  const out: GitChange = { paths: [], texts: [] };
  const lines = (cmd: string[]): string[] => git(cwd, cmd, timeoutMs).out.split('\n').filter(Boolean);
  const noTextconv = ['--no-ext-diff', '--no-textconv'];
  const pos = rest.filter((a) => !a.startsWith('-'));
  /** The difference between HEAD and REV (limited to paths): the files a checkout of REV writes, and their content. */
  const towards = (rev: string, paths: string[]): void => {
    out.paths.push(...lines(['diff', ...noTextconv, '--name-only', 'HEAD', rev, '--', ...paths]));
    out.texts.push(git(cwd, ['diff', ...noTextconv, 'HEAD', rev, '--', ...paths], timeoutMs).out);
  };
  const isRev = (r: string | undefined): r is string => r !== undefined && lines(['rev-parse', '--verify', '-q', '--end-of-options', `${r}^{commit}`]).length > 0;
  switch (sub) {
    case 'stash': {
      // stash apply/pop [STASH], stash branch NAME [STASH]: the stash's files (its untracked ones included).
      if (!/^(apply|pop|branch)$/.test(rest[0] ?? '')) return undefined;
      const ref = pos.slice(rest[0] === 'branch' ? 2 : 1)[0];
      const refArg = ref === undefined ? [] : [/^\d+$/.test(ref) ? `stash@{${ref}}` : ref];
      out.paths.push(...lines(['stash', 'show', '--include-untracked', '--name-only', ...refArg]));
      out.texts.push(git(cwd, ['stash', 'show', ...noTextconv, '-p', '--include-untracked', ...refArg], timeoutMs).out);
      return out;
    }
    case 'add': {
      // add -f puts ignored files (.env) into the index, where diff --cached and show :PATH print them.
      const own = rest.filter((a) => !/^(-n|--dry-run|-i|--interactive|-p|--patch|-e|--edit)$/.test(a));
      for (const l of lines(['add', '--dry-run', ...own])) {
        const m = /^add '(.*)'$/.exec(l);
        if (m) out.paths.push(m[1]);
      }
      return out;
    }
    case 'checkout':
    case 'switch':
    case 'reset':
    case 'restore': {
      const sep = rest.indexOf('--');
      const before = (sep >= 0 ? rest.slice(0, sep) : rest).filter((a, k, l) => !a.startsWith('-') && !/^(-b|-B|-c|-C|--orphan|-s|--source)$/.test(l[k - 1] ?? ''));
      const after = sep >= 0 ? rest.slice(sep + 1) : [];
      const source = rest.find((a) => a.startsWith('--source='))?.slice(9) ?? rest[rest.findIndex((a) => a === '-s' || a === '--source') + 1];
      // checkout -b NEW [START], switch -c NEW [START]: the start point is the revision checked out.
      const branch = rest.findIndex((a) => /^(-b|-B|-c|-C|--orphan)$/.test(a));
      const rev = sub === 'restore' ? (rest.some((a) => a === '-s' || a === '--source' || a.startsWith('--source=')) ? source : undefined) : branch >= 0 ? rest[branch + 2] : before[0];
      if (!isRev(rev)) return undefined;
      towards(rev, sub === 'restore' ? [...before, ...after] : [...before.slice(1), ...after]);
      return out;
    }
    default:
      return undefined;
  }
}
