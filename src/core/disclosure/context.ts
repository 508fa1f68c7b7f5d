// Where a disclosure check runs: the repository's id (as a hash) and, in CI, the pull request. GitHub
// Actions: the event payload at $GITHUB_EVENT_PATH (`pull_request.number`, `.body`, `.base.sha`,
// `.head.sha`, as GitHub documents the pull_request event); GitLab CI: the predefined merge request
// variables (CI_MERGE_REQUEST_IID, CI_MERGE_REQUEST_DESCRIPTION, CI_MERGE_REQUEST_DIFF_BASE_SHA).
import { readFileSync } from 'node:fs';
import { nodeCrypto } from '../nodeBuiltins';
import { git } from './commits';

export interface PullRequestContext {
  provider: 'github' | 'gitlab' | 'local';
  number?: number;
  body?: string;
  base?: string;
  head?: string;
}

/**
 * The repository's canonical id `host/owner/name`, lower-case, from a remote URL in any form Git accepts
 * (https with or without credentials, ssh://, scp-like `git@host:owner/name.git`), so every clone agrees.
 */
export function canonicalRepoId(remote: string): string | undefined {
  const r = remote.trim();
  let host: string;
  let p: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(r);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) {
    try {
      const u = new URL(r);
      host = u.hostname;
      p = u.pathname;
    } catch {
      return undefined;
    }
  } else if (scp) {
    host = scp[1];
    p = scp[2];
  } else {
    return undefined;
  }
  const pathPart = p.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '');
  return host && pathPart ? `${host}/${pathPart}`.toLowerCase() : undefined;
}

/** The id's hash: HMAC-SHA256 with the policy's pseudonymization key when it has one (names are guessable). */
export function repoHash(id: string, hmacKey?: string): string {
  const h = hmacKey ? nodeCrypto().createHmac('sha256', hmacKey) : nodeCrypto().createHash('sha256');
  return h.update(`ai-policy-repo:${id}`).digest('hex');
}

/** The repository id: the origin remote, else the CI's project id, else the root commit (a local repository). */
export async function repositoryId(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const remote = await git(cwd, ['remote', 'get-url', 'origin']).catch(() => '');
  const id = remote && canonicalRepoId(remote);
  if (id) return id;
  if (env.GITHUB_REPOSITORY_ID) return `github:${env.GITHUB_REPOSITORY_ID}`;
  if (env.CI_PROJECT_ID) return `gitlab:${env.CI_PROJECT_ID}`;
  const roots = (await git(cwd, ['rev-list', '--max-parents=0', 'HEAD'])).trim().split('\n').sort();
  return `root:${roots[0]}`;
}

/** The pull request this CI job runs for, as far as the environment says. */
export function pullRequestContext(env: NodeJS.ProcessEnv = process.env): PullRequestContext {
  if (env.GITHUB_EVENT_PATH) {
    let event: { pull_request?: { number?: unknown; body?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } };
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof event;
    } catch (e) {
      throw new Error(`cannot read the GitHub event payload ${env.GITHUB_EVENT_PATH}: ${(e as Error).message}`);
    }
    const pr = event.pull_request;
    if (!pr) return { provider: 'github' };
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      provider: 'github',
      number: typeof pr.number === 'number' ? pr.number : undefined,
      // A pull request opened without a description has a null body: an empty body, not a missing one.
      body: str(pr.body) ?? '',
      base: str(pr.base?.sha),
      head: str(pr.head?.sha),
    };
  }
  if (env.GITLAB_CI) {
    const iid = Number(env.CI_MERGE_REQUEST_IID);
    if (!Number.isInteger(iid) || iid <= 0) return { provider: 'gitlab' };
    return { provider: 'gitlab', number: iid, body: env.CI_MERGE_REQUEST_DESCRIPTION ?? '', base: env.CI_MERGE_REQUEST_DIFF_BASE_SHA || undefined, head: env.CI_COMMIT_SHA || undefined };
  }
  return { provider: 'local' };
}
