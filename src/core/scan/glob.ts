// Globs of path rules, matched by the same engine that validates them (minimatch, core/policy/patterns.ts),
// so that a glob means one thing everywhere. Each glob is parsed once per rule, and only when a path could
// match it: compiling the ~100 globs of the built-in and policy path rules was the largest part of building a
// scanner in the agent hook, which starts once per tool call and tests a handful of paths.
import { Minimatch } from 'minimatch';

/** Characters of a last portion the pre-check understands; any other character leaves the glob to minimatch alone. */
const PLAIN_PORTION = /^(?:[\w.-]|\*|\{[\w.-]*(?:,[\w.-]*)+\})+$/;
const ASCII = /^[\x20-\x7e]*$/;
const SEPARATORS = process.platform === 'win32' ? /[\\/]+/ : /\/+/;

/**
 * A necessary condition for minimatch to match `glob` (already in its final form): the path's last non-empty
 * portion must match the glob's last portion. Minimatch splits a path on runs of `/` (and `\` on Windows) and
 * matches the last portion of a pattern row against the last non-empty portion of the path (one trailing
 * empty portion allowed), whatever comes before. So when the glob's last portion is made only of literal
 * ASCII word characters, dots and dashes, `*` (any text without `/`) and `{a,b}` lists of such literals,
 * a path whose last portion fails the equivalent regular expression cannot match. Undefined when the glob has
 * anything else (escapes, classes, `?`, extglobs, negation, comments, `**` or `.`/`..` as last portion, braces
 * outside the last portion), and for paths whose last portion is not printable ASCII (where case folding and
 * Unicode forms are minimatch's to decide): minimatch is asked then.
 */
export function lastPortionCheck(glob: string, nocase: boolean): ((path: string) => boolean) | undefined {
  const re = lastPortionRegex(glob, nocase);
  return re && ((p) => {
    const name = lastName(p);
    return !ASCII.test(name) || re.test(name);
  });
}

/** The glob's last portion as a regular expression, when it is plain (see lastPortionCheck). */
function lastPortionRegex(glob: string, nocase: boolean): RegExp | undefined {
  if (glob.length > 1024 || /^[!#]/.test(glob) || /[\\()[\]?+@!]/.test(glob)) return undefined;
  const slash = glob.lastIndexOf('/');
  const last = glob.slice(slash + 1);
  // `{a}` (no comma) is literal text to minimatch, and `{1..3}` a range: both left to it.
  if (/[{}]/.test(glob.slice(0, slash + 1)) || !PLAIN_PORTION.test(last) || /\{[^}]*\.\./.test(last)) return undefined;
  // Every portion the braces expand to must be an ordinary one: not empty (`{,x}` is also `**\/`), not a globstar
  // (`{*,x}*`), not `.` or `..`.
  if (expand(last).some((e) => e === '' || /^\*\*+$/.test(e) || /^\.+$/.test(e)) || expand(last).length > 64) return undefined;
  const source = last.replace(/\{([^}]*)\}|\*|[^{*]+/g, (m: string, alts: string | undefined) =>
    alts !== undefined ? `(?:${alts.split(',').map(escape).join('|')})` : m === '*' ? '[^/]*' : escape(m),
  );
  return new RegExp(`^${source}$`, nocase ? 'i' : '');
}

/** The texts a portion's `{a,b}` lists expand to (lists are not nested here). */
function expand(portion: string): string[] {
  let out = [''];
  for (const [, alts, text] of portion.matchAll(/\{([^}]*)\}|([^{]+)/g)) {
    const options = alts !== undefined ? alts.split(',') : [text];
    out = out.flatMap((o) => options.map((x) => o + x));
    if (out.length > 64) break;
  }
  return out;
}

/** The last non-empty portion of a path, as minimatch splits it. */
function lastName(p: string): string {
  const portions = p.split(SEPARATORS);
  let name = portions[portions.length - 1];
  for (let i = portions.length - 2; !name && i >= 0; i--) name = portions[i];
  return name;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/**
 * A relative path of printable ASCII portions, none empty, `.` or `..`, no `\`: for such a path, `**\/NAME`
 * with a plain NAME matches exactly when the last portion matches NAME (the globstar takes every portion
 * before it, dot files included with `dot`). Any other path goes to minimatch.
 */
const ORDINARY_PATH = /^(?!\.\.?(?:\/|$))(?!.*\/\.\.?(?:\/|$))(?!.*\/\/)[\x20-\x5b\x5d-\x7e]*[\x20-\x2e\x30-\x5b\x5d-\x7e]$/;

/** A matcher for a workspace-relative path (forward slashes); a glob without `/` matches at any depth. */
export function globMatcher(glob: string, nocase = true): (path: string) => boolean {
  const g = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
  let mm: Minimatch | undefined;
  const full = (p: string) => (mm ??= new Minimatch(g, { dot: true, nocase })).match(p);
  const re = lastPortionRegex(g, nocase);
  if (!re) return full;
  if (/^\*\*\/[^/]+$/.test(g)) {
    return (p) => (ORDINARY_PATH.test(p) && !p.startsWith('/') ? re.test(p.slice(p.lastIndexOf('/') + 1)) : couldThenFull(re, p, full));
  }
  return (p) => couldThenFull(re, p, full);
}

function couldThenFull(re: RegExp, p: string, full: (p: string) => boolean): boolean {
  const name = lastName(p);
  return (!ASCII.test(name) || re.test(name)) && full(p);
}
