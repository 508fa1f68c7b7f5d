// Programs that read whole folders (grep -r, rg, tar, zip -r, cp -r, rsync, docker -v, find -exec): which
// folders, and what they leave out (their exclusion options, hidden files, .gitignore). A pattern argument is
// a pattern, not a file. The exclusion syntax of each is kept to name it in the denial message.

export interface TreeRead {
  program: string;
  /** Folders (as written) the program reads everything under. */
  dirs: string[];
  /** Globs the program leaves out (matched against the file name and the path under the folder). */
  excludes: string[];
  /** When given, only files matching one of these are read. */
  includes: string[];
  skipsHidden: boolean;
  respectsGitignore: boolean;
  /** Ignore files (gitignore syntax) at the top of each folder that leave files out (.dockerignore). */
  ignoreFiles?: string[];
  /** How to leave a file out with this program (`--exclude=NAME`), NAME replaced by the file's name. */
  excludeHint?: string;
}

const hasShort = (a: string, letters: string): boolean => /^-[A-Za-z0-9]+$/.test(a) && [...letters].some((l) => a.includes(l));

/** Splits argv into option values and positionals, given the options that take a value. */
function positionals(args: string[], valued: Set<string>, onOption: (name: string, value: string) => void): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) onOption(a.slice(0, eq), a.slice(eq + 1));
      else if (valued.has(a) && i + 1 < args.length) onOption(a, args[++i]);
      else onOption(a, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const flag = `-${a[a.length - 1]}`;
      if (valued.has(flag) && i + 1 < args.length) onOption(flag, args[++i]);
      else if (a.length > 2 && valued.has(a.slice(0, 2))) onOption(a.slice(0, 2), a.slice(2));
      else onOption(a, '');
      continue;
    }
    out.push(a);
  }
  return out;
}

function grepLike(program: string, args: string[]): TreeRead | undefined {
  const excludes: string[] = [];
  const includes: string[] = [];
  let recursive = program !== 'grep' && program !== 'egrep' && program !== 'fgrep';
  let patternGiven = false;
  let hidden = program === 'rg' || program === 'ag';
  let ignore = program === 'rg' || program === 'ag';
  let namesOnly = false;
  const valued = new Set(['-e', '-f', '-m', '-A', '-B', '-C', '-d', '-D', '-g', '-t', '-T', '-j', '-M', '-E', '--regexp', '--file', '--exclude', '--exclude-dir', '--include', '--glob', '--iglob', '--type', '--type-not', '--ignore', '--ignore-dir', '--max-count', '--directories', '-G', '--file-search-regex', '--max-depth', '--context', '--after-context', '--before-context']);
  const pos = positionals(args, valued, (name, value) => {
    if (name === '-e' || name === '-f' || name === '--regexp' || name === '--file') patternGiven = true;
    else if (name === '--exclude' || name === '--exclude-dir' || name === '--ignore' || name === '--ignore-dir') excludes.push(value);
    else if (name === '--include') includes.push(value);
    else if (name === '-g' || name === '--glob' || name === '--iglob') (value.startsWith('!') ? excludes : includes).push(value.replace(/^!/, ''));
    else if (name === '--recursive' || name === '--dereference-recursive' || ((name === '-d' || name === '--directories') && value === 'recurse')) recursive = true;
    else if (name === '--hidden' || name === '-.' || name === '--unrestricted' || (name === '-a' && program === 'ag')) hidden = false;
    else if (name.startsWith('--no-ignore') || name === '--skip-vcs-ignores' || name === '-U') ignore = false;
    else if (name === '--files' || name === '--type-list') namesOnly = true;
    else if (/^-u+$/.test(name)) {
      ignore = false;
      if (name.length > 2 || program === 'ag') hidden = false;
    } else if (/^-[A-Za-z]+$/.test(name) && hasShort(name, 'rR')) recursive = recursive || program === 'grep' || program === 'egrep' || program === 'fgrep';
  });
  if (!recursive || namesOnly) return undefined;
  const dirs = patternGiven ? pos : pos.slice(1);
  return {
    program,
    dirs: dirs.length ? dirs : ['.'],
    excludes,
    includes,
    skipsHidden: hidden,
    respectsGitignore: ignore,
    excludeHint: program === 'rg' ? "-g '!NAME'" : program === 'ag' ? '--ignore NAME' : '--exclude=NAME',
  };
}

function archiveLike(program: string, args: string[]): TreeRead | undefined {
  const excludes: string[] = [];
  if (program === 'tar') {
    const first = args[0] ?? '';
    const cluster = /^-?[A-Za-z]+$/.test(first) && !first.startsWith('--') ? first.replace(/^-/, '') : '';
    const creates = /[cr]/.test(cluster) || args.some((a) => a === '--create' || a === '--append' || /^-[A-Za-z]*[cr][A-Za-z]*$/.test(a));
    if (!creates) return undefined;
    const rest = cluster ? args.slice(1) : args;
    const valued = new Set(['-f', '--file', '-C', '--directory', '-X', '--exclude-from', '-T', '--files-from', '--exclude', '-b', '-H', '--format']);
    let archiveNamed = !cluster.includes('f');
    const pos = positionals(rest, valued, (name, value) => {
      if (name === '--exclude') excludes.push(value);
      if (name === '-f' || name === '--file') archiveNamed = true;
    });
    // `tar czf out.tgz .`: the archive's own name comes first in a cluster holding f.
    const dirs = archiveNamed ? pos : pos.slice(1);
    return { program, dirs, excludes, includes: [], skipsHidden: false, respectsGitignore: false, excludeHint: '--exclude=NAME' };
  }
  if (program === 'zip') {
    if (!args.some((a) => a === '-r' || a === '--recurse-paths' || hasShort(a, 'rR'))) return undefined;
    const pos: string[] = [];
    let inExclude = false;
    for (const a of args) {
      if (a === '-x' || a === '--exclude') inExclude = true;
      else if (a.startsWith('-')) inExclude = false;
      else if (inExclude) excludes.push(a.replace(/^\*\//, ''));
      else pos.push(a);
    }
    return { program, dirs: pos.slice(1), excludes, includes: [], skipsHidden: false, respectsGitignore: false, excludeHint: '-x NAME' };
  }
  if (program === '7z' || program === '7za') {
    if (args[0] !== 'a') return undefined;
    return { program, dirs: args.slice(2).filter((a) => !a.startsWith('-')), excludes: args.filter((a) => a.startsWith('-x!')).map((a) => a.slice(3)), includes: [], skipsHidden: false, respectsGitignore: false, excludeHint: '-x!NAME' };
  }
  return undefined;
}

function copyLike(program: string, args: string[]): TreeRead | undefined {
  const excludes: string[] = [];
  const recursive = args.some((a) => a === '--recursive' || a === '--archive' || hasShort(a, program === 'rsync' ? 'ra' : 'rRa'));
  if (!recursive) return undefined;
  const valued = new Set(['--exclude', '-e', '--rsh', '-P', '-i', '-o', '-F', '-l', '--include', '--filter', '-t', '--target-directory']);
  const pos = positionals(args, valued, (name, value) => {
    if (name === '--exclude') excludes.push(value);
  });
  const sources = pos.length > 1 ? pos.slice(0, -1) : pos;
  return {
    program,
    dirs: sources.filter((s) => !/^[^/]*:/.test(s)),
    excludes,
    includes: [],
    skipsHidden: false,
    respectsGitignore: false,
    excludeHint: program === 'rsync' ? '--exclude=NAME' : undefined,
  };
}

/** docker/podman run -v SRC:DST, --mount type=bind,source=SRC: the container can read the whole folder. */
function mountLike(program: string, args: string[]): TreeRead | undefined {
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // -v SRC, -v=SRC, -vSRC, a cluster ending in v (-itv SRC), --volume[=]SRC, --mount[=]SPEC.
    const v = a === '--volume' || a === '--mount' || /^-[A-Za-z]*v$/.test(a) ? args[++i] ?? '' : /^--(?:volume|mount)=/.test(a) ? a.slice(a.indexOf('=') + 1) : /^-v./.test(a) ? a.slice(2).replace(/^=/, '') : undefined;
    if (v === undefined) continue;
    const src = /(?:^|,)(?:source|src)=([^,]+)/.exec(v)?.[1] ?? (v.includes(':') && !v.startsWith('type=') ? v.slice(0, v.indexOf(':')) : undefined);
    if (src && /^[./~]/.test(src)) dirs.push(src);
  }
  return dirs.length ? { program, dirs, excludes: [], includes: [], skipsHidden: false, respectsGitignore: false } : undefined;
}

/**
 * docker/podman build with its Dockerfile on stdin (-f -, a here-document): the build's steps are not known before
 * it runs, and they can COPY the context in and print any file of it (RUN cat, --progress=plain), so the context is
 * read as a whole, less what .dockerignore leaves out.
 */
function buildLike(program: string, args: string[]): TreeRead | undefined {
  const at = args.indexOf('build');
  if (at < 0 || args.slice(0, at).some((a) => !a.startsWith('-') && a !== 'buildx' && a !== 'image')) return undefined;
  const own = args.slice(at + 1);
  const valued = new Set(['-f', '--file', '-t', '--tag', '--build-arg', '--target', '--platform', '--progress', '--secret', '--ssh', '--network', '--label', '--cache-from', '--cache-to', '-o', '--output', '--iidfile', '--build-context', '--add-host', '--ulimit', '--shm-size', '--memory', '-m', '--cpu-shares', '--builder', '--metadata-file', '--allow', '--attest', '--annotation', '--sbom', '--provenance', '--cgroup-parent', '--isolation', '--security-opt', '--squash-all', '--layers', '--format', '--authfile', '--creds', '--cert-dir', '--arch', '--os', '--variant', '--jobs']);
  let stdinDockerfile = false;
  const pos = positionals(own, valued, (name, value) => {
    if ((name === '-f' || name === '--file') && value === '-') stdinDockerfile = true;
  });
  const context = pos[0];
  if (!stdinDockerfile || context === undefined || context === '-' || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context)) return undefined;
  return { program: `${program} build`, dirs: [context], excludes: [], includes: [], skipsHidden: false, respectsGitignore: false, ignoreFiles: ['.dockerignore'], excludeHint: 'a .dockerignore line NAME' };
}

/** find DIR... -exec/-execdir/-ok (or find piped into xargs): every file it selects is handed to a program. */
export function findTree(args: string[]): TreeRead {
  const dirs: string[] = [];
  let i = 0;
  while (i < args.length && !/^[-!(]/.test(args[i])) dirs.push(args[i++]);
  const includes: string[] = [];
  const excludes: string[] = [];
  for (let j = i; j < args.length; j++) {
    if ((args[j] === '-name' || args[j] === '-iname' || args[j] === '-path') && args[j + 1] !== undefined) {
      const negated = args[j - 1] === '!' || args[j - 1] === '-not';
      (negated ? excludes : includes).push(args[j + 1]);
    }
  }
  return { program: 'find', dirs: dirs.length ? dirs : ['.'], excludes, includes, skipsHidden: false, respectsGitignore: false, excludeHint: "! -name 'NAME'" };
}

/** The folders a program reads as a whole, when it is one of the recursive readers. */
export function treeRead(program: string, args: string[]): TreeRead | undefined {
  switch (program) {
    case 'grep':
    case 'egrep':
    case 'fgrep':
    case 'rg':
    case 'ag':
    case 'ack':
    case 'ack-grep':
      return grepLike(program, args);
    case 'tar':
    case 'bsdtar':
    case 'zip':
    case '7z':
    case '7za':
      return archiveLike(program, args);
    case 'cp':
    case 'scp':
    case 'rsync':
      return copyLike(program, args);
    case 'docker':
    case 'podman':
    case 'nerdctl':
      return mountLike(program, args) ?? buildLike(program, args);
    default:
      return undefined;
  }
}
