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
 * A necessary condition for minimatch to match `glob` (already in its final form), or undefined when the glob is
 * beyond what it understands. Minimatch splits a path on runs of `/` (and `\` on Windows) and matches pattern
 * portions to path portions in order, a globstar taking any number of them, the last pattern portion taking the
 * last non-empty path portion (one trailing empty portion allowed). Hence:
 * - when the glob's last portion is plain (literal ASCII word characters, dots and dashes, `*` for any text
 *   without `/`, `{a,b}` lists of such literals), the path's last non-empty portion must match it as the
 *   equivalent regular expression;
 * - every other literal portion of the glob (`test` and `fixtures` in `**\/test/fixtures/**`) must be one of the
 *   path's portions.
 * A path portion that is not printable ASCII makes the answer "maybe" (case folding and Unicode forms are
 * minimatch's to decide). Globs with escapes, classes, `?`, extglobs, negation, comments, `.` or `..` portions, or
 * braces outside the last portion have no pre-check.
 */
export function globPrecheck(glob: string, nocase: boolean): ((path: string) => boolean) | undefined {
  return precheck(glob, nocase)?.could;
}

interface Precheck {
  could: (path: string) => boolean;
  /** The last portion's expression (a plain last portion). */
  last?: RegExp;
}

function precheck(glob: string, nocase: boolean): Precheck | undefined {
  if (glob.length > 1024 || /^[!#]/.test(glob) || /[\\()[\]?+@!]/.test(glob)) return undefined;
  const portions = glob.split('/');
  const lastText = portions.pop() as string;
  if (portions.some((q) => /[{}]/.test(q) || /^\.\.?$/.test(q))) return undefined;
  const last = lastPortionRegex(lastText, nocase);
  const fold = (t: string) => (nocase ? t.toLowerCase() : t);
  const literals = [...new Set(portions.filter((q) => /^[\w.-]+$/.test(q)).map(fold))];
  if (!last && !literals.length) return undefined;
  return {
    last,
    could: (p) => {
      const seen = portionsOf(p);
      if (!seen.printable) return true;
      if (last && !last.test(seen.name)) return false;
      if (!literals.length) return true;
      const have = nocase ? (seen.folded ??= new Set(seen.parts.map((q) => q.toLowerCase()))) : (seen.exact ??= new Set(seen.parts));
      return literals.every((l) => have.has(l));
    },
  };
}

/** A path split as minimatch splits it, with what the pre-checks ask of it. */
interface Portions {
  path: string;
  parts: string[];
  /** Every portion is printable ASCII. */
  printable: boolean;
  /** The last non-empty portion. */
  name: string;
  /** The portions, lower-cased (built on first use). */
  folded?: Set<string>;
  exact?: Set<string>;
  /** ORDINARY_PATH holds (computed on first use). */
  ordinary?: boolean;
}

/** The last path checked: a scan checks each path against every glob in turn, so it is split once, not once per glob. */
let recent: Portions | undefined;

function portionsOf(path: string): Portions {
  if (recent?.path === path) return recent;
  const parts = path.split(SEPARATORS);
  recent = { path, parts, printable: parts.every((q) => ASCII.test(q)), name: lastName(parts) };
  return recent;
}

/** A plain last portion as a regular expression (see globPrecheck); undefined for any other. */
function lastPortionRegex(last: string, nocase: boolean): RegExp | undefined {
  // `{a}` (no comma) is literal text to minimatch, and `{1..3}` a range: both left to it.
  if (!PLAIN_PORTION.test(last) || /\{[^}]*\.\./.test(last)) return undefined;
  // Every portion the braces expand to must be an ordinary one: not empty (`{,x}` is also `**\/`), not a globstar
  // (`{*,x}*`), not `.` or `..`.
  const all = expand(last);
  if (all.length > 64 || all.some((e) => e === '' || /^\*\*+$/.test(e) || /^\.+$/.test(e))) return undefined;
  const source = last.replace(/\{([^}]*)\}|\*|[^{*]+/g, (m: string, alts: string | undefined) =>
    alts !== undefined ? `(?:${alts.split(',').map(escape).join('|')})` : m === '*' ? '[^/]*' : escape(m),
  );
  return new RegExp(`^${source}$`, nocase ? 'i' : '');
}

/**
 * The texts a portion's `{a,b}` lists expand to (lists are not nested here), empty ones kept. Not minimatch's
 * braceExpand on the portion alone: that drops an empty result (`{,x}` gives only `x`), while within the whole
 * pattern minimatch keeps it (`**\/{,x}` is also `**\/`), and the check must see every form.
 */
function expand(portion: string): string[] {
  let out = [''];
  for (const [, alts, text] of portion.matchAll(/\{([^}]*)\}|([^{]+)/g)) {
    const options = alts !== undefined ? alts.split(',') : [text];
    out = out.flatMap((o) => options.map((x) => o + x));
    if (out.length > 64) break;
  }
  return out;
}

/** The last non-empty portion of a path split as minimatch splits it. */
function lastName(portions: string[]): string {
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

function ordinary(path: string): boolean {
  const seen = portionsOf(path);
  return (seen.ordinary ??= ORDINARY_PATH.test(path) && !path.startsWith('/'));
}

/** A matcher for a workspace-relative path (forward slashes); a glob without `/` matches at any depth. */
export function globMatcher(glob: string, nocase = true): (path: string) => boolean {
  const g = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
  let mm: Minimatch | undefined;
  const full = (p: string) => (mm ??= new Minimatch(g, { dot: true, nocase })).match(p);
  const pre = precheck(g, nocase);
  if (!pre) return full;
  const { could, last } = pre;
  if (last && /^\*\*\/[^/]+$/.test(g)) {
    return (p) => (ordinary(p) ? last.test(p.slice(p.lastIndexOf('/') + 1)) : could(p) && full(p));
  }
  return (p) => could(p) && full(p);
}
