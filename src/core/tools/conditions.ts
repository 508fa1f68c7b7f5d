// Whether a tool's approval conditions (workspace globs, repository globs, expiry) hold in a given context.
import { minimatch } from 'minimatch';
import type { ToolConditions } from '../policy/types';

/** What is known about where the editor or the census runs. Unknown parts (undefined) never satisfy a condition. */
export interface ConditionContext {
  /** Absolute paths of the open workspace folders. */
  workspaceFolders?: string[];
  /** Git remote URLs of the open repositories. */
  repositories?: string[];
  /** The developer's id (as the audit identity names them), for exceptions granted to a person. */
  developer?: string;
  /** The developer's teams, for exceptions granted to a team. */
  teams?: string[];
  now?: Date;
}

export interface ConditionResult {
  met: boolean;
  /** Why each unmet condition fails, in words for the developer. */
  unmet: string[];
  /** A short summary of the conditions, for display. */
  summary: string[];
}

/** `git@github.com:acme/x.git`, `https://user@github.com/acme/x.git` → `github.com/acme/x`. */
export function normalizeRemote(url: string): string {
  let u = url.trim().replace(/\/+$/, '').replace(/\.git$/i, '');
  u = u.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]+@/, '');
  // scp-like syntax host:path
  u = u.replace(/^([^/:]+):(?!\d+\/)/, '$1/');
  u = u.replace(/^([^/:]+):\d+\//, '$1/');
  return u.toLowerCase();
}

function folderMatches(folder: string, globs: string[]): boolean {
  const norm = folder.replace(/\\/g, '/').replace(/\/+$/, '');
  const name = norm.split('/').pop() ?? norm;
  return globs.some((g) => minimatch(norm, g, { dot: true, nocase: true }) || minimatch(name, g, { dot: true, nocase: true }));
}

export function remoteMatches(remote: string, globs: string[]): boolean {
  const norm = normalizeRemote(remote);
  return globs.some((g) => {
    const gn = /[:@]|^[a-z]+:\/\//i.test(g) ? normalizeRemote(g) : g.toLowerCase().replace(/\.git$/, '');
    return minimatch(norm, gn, { nocase: true }) || minimatch(remote, g, { nocase: true });
  });
}

export function evaluateConditions(c: ToolConditions | undefined, ctx: ConditionContext): ConditionResult {
  const unmet: string[] = [];
  const summary: string[] = [];
  if (!c) return { met: true, unmet, summary };
  const now = ctx.now ?? new Date();
  if (c.expires) {
    summary.push(`approval expires ${c.expires}`);
    const t = Date.parse(c.expires);
    if (!Number.isNaN(t) && t < now.getTime()) unmet.push(`approval expired on ${c.expires}`);
  }
  if (c.workspaces?.length) {
    summary.push(`only in workspaces ${c.workspaces.join(', ')}`);
    const folders = ctx.workspaceFolders;
    if (!folders?.length) unmet.push(`approved only in workspaces matching ${c.workspaces.join(', ')}; no workspace is known here`);
    else {
      const outside = folders.filter((f) => !folderMatches(f, c.workspaces ?? []));
      if (outside.length) unmet.push(`approved only in workspaces matching ${c.workspaces.join(', ')}; ${outside.length} open folder(s) do not match`);
    }
  }
  if (c.repositories?.length) {
    summary.push(`only in repositories ${c.repositories.join(', ')}`);
    const remotes = ctx.repositories;
    if (!remotes?.length) unmet.push(`approved only in repositories matching ${c.repositories.join(', ')}; no repository remote is known here`);
    else if (!remotes.every((r) => remoteMatches(r, c.repositories ?? []))) {
      unmet.push(`approved only in repositories matching ${c.repositories.join(', ')}; an open repository does not match`);
    }
  }
  if (c.note) summary.push(c.note);
  return { met: unmet.length === 0, unmet, summary };
}
