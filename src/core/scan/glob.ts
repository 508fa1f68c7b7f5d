// Globs of path rules, matched by the same engine that validates them (minimatch, core/policy/patterns.ts),
// so that a glob means one thing everywhere. Each glob is parsed once per rule.
import { Minimatch } from 'minimatch';

/** A matcher for a workspace-relative path (forward slashes); a glob without `/` matches at any depth. */
export function globMatcher(glob: string, nocase = true): (path: string) => boolean {
  const g = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
  const mm = new Minimatch(g, { dot: true, nocase });
  return (p) => mm.match(p);
}
