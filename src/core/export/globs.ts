// Converting the policy's minimatch globs (workspace-relative) into other tools' pattern syntaxes.
import { minimatch } from 'minimatch';

/** Expands `{a,b}` (which gitignore and fnmatch lack) and drops a leading `./`. */
export function expandGlob(glob: string): string[] {
  return minimatch.braceExpand(glob.trim().replace(/^\.\//, '')).filter((g) => g.length > 0);
}

/**
 * A minimatch glob as a gitignore line. `**\/name` (no further slash) matches at any depth, which is
 * gitignore's plain `name`; a glob with a slash is anchored at the root (`/dir/**`) as in minimatch.
 */
export function toGitignore(glob: string): string[] {
  return expandGlob(glob).map((g) => {
    if (g.startsWith('**/')) {
      const rest = g.slice(3);
      return rest.includes('/') && !rest.startsWith('**') ? `**/${rest}` : rest;
    }
    return g.startsWith('/') ? g : `/${g}`;
  });
}

/**
 * A glob for GitHub Copilot content exclusion (fnmatch, case-insensitive): a bare name matches anywhere in the
 * repository, and a path starting with `/` is relative to the repository root.
 */
export function toCopilotPath(glob: string): string[] {
  return expandGlob(glob).map((g) => {
    if (g.startsWith('**/')) {
      const rest = g.slice(3);
      return rest.includes('/') ? g : rest;
    }
    return g.startsWith('/') ? g : `/${g}`;
  });
}
