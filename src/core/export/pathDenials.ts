// The paths a static rule (a Claude Code `Read(...)` denial, a sandbox's denyRead) may refuse by name alone.
// A static rule cannot look inside a file, so it names only files that are secrets by what they are (`.env`,
// private keys, credential files): a broad data glob (`**/*.db`, `*.sqlite`, `*.bak`, `*.vcf`) catches test
// fixtures and is left to the policy hook, which judges those files by their content. A glob that would also
// catch a template (`.env.*` catches `.env.example`) is narrowed to the concrete names, so copying a template
// (`cp .env.example .env.local`) is not refused.
import { minimatch } from 'minimatch';
import type { Policy } from '../policy/types';
import { toGitignore } from './globs';
import { sensitivePathsInForce } from './sensitivePaths';

/** The data class whose files are secrets by their name; every other class is judged by content. */
export const SECRET_CLASS = 'secret';

/** The usual environment files, named instead of `.env.*` (which also names `.env.example`). */
export const DOTENV_NAMES: readonly string[] = [
  '.env', '.env.local', '.env.development', '.env.development.local', '.env.production', '.env.production.local',
  '.env.test', '.env.test.local', '.env.staging', '.env.prod', '.env.dev',
];

/** Private keys in `~/.ssh` (by name: `~/.ssh/id_*` would also name the `.pub` halves). */
const SSH_KEYS = ['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519'];

/**
 * Sample file names made from the exception globs, to test a glob against: each exception's wildcards filled with
 * a plain word and with the glob's own stem (`**\/*.pub` and `id_ed25519*` give `id_ed25519.pub`).
 */
function exceptionSamples(exceptions: readonly string[], glob: string): string[] {
  const stem = glob.slice(glob.lastIndexOf('/') + 1).replace(/[*?[\]{}]/g, '');
  const out = new Set<string>();
  for (const e of exceptions) {
    const base = e.replace(/^(\*\*\/)+/, '');
    for (const filler of ['app', stem]) out.add(base.replace(/\*+/g, filler));
  }
  return [...out];
}

const hasWildcard = (s: string) => /[*?[\]{}]/.test(s);

/**
 * A gitignore-style glob (`.env`, `**\/.aws/credentials`, `/secrets/**`) narrowed so that it names no template:
 * unchanged when it catches none; `.env.*`-style globs become the usual environment files; `id_rsa*` becomes
 * `id_rsa`; any other glob that catches a template is dropped (the hook judges those files).
 */
function narrow(glob: string, exceptions: readonly string[]): string[] {
  const samples = exceptionSamples(exceptions, glob);
  const catches = (g: string) => samples.some((s) => minimatch(s, g.replace(/^\//, ''), { dot: true, matchBase: !g.includes('/') }));
  if (!catches(glob)) return [glob];
  const slash = glob.lastIndexOf('/');
  const dir = glob.slice(0, slash + 1);
  const name = glob.slice(slash + 1);
  if (/^\.env[.*]/.test(name)) return DOTENV_NAMES.map((n) => dir + n);
  const stem = name.replace(/\*+$/, '');
  if (stem !== name && stem && !hasWildcard(stem) && !catches(dir + stem)) return [dir + stem];
  return [];
}

export interface PathDenials {
  /** Workspace-relative, gitignore syntax as in ignore files (`.env` at any depth, `/dir/x` anchored, `**\/a/b`). */
  workspace: string[];
  /** Files in the home folder, as `~/…` (credential files and SSH keys named by the rules). */
  home: string[];
}

/** The sensitive paths in force that are secrets by their name alone, narrowed to miss the templates. */
export function pathDenials(policy?: Policy): PathDenials {
  const { paths, exceptions } = sensitivePathsInForce(policy);
  const workspace = new Set<string>();
  const home = new Set<string>();
  for (const p of paths.filter((x) => x.class === SECRET_CLASS)) {
    for (const g of toGitignore(p.glob).flatMap((x) => narrow(x, exceptions))) {
      workspace.add(g);
      // A name with a folder part (`**/.aws/credentials`) or a dot file (`.netrc`) is also a credential file at home.
      const rest = g.replace(/^\*\*\//, '');
      if (!rest.startsWith('/') && !rest.startsWith('.env') && !hasWildcard(rest) && (rest.includes('/') || rest.startsWith('.'))) home.add(`~/${rest}`);
    }
  }
  // SSH keys: the private-key rule names `id_rsa*`; at home they live in ~/.ssh.
  for (const k of SSH_KEYS) if (workspace.has(k)) home.add(`~/.ssh/${k}`);
  return { workspace: [...workspace], home: [...home] };
}
