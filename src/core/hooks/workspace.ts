// Where an agent runs, for the policy's conditions (workspace globs, repository globs): the repository root
// holding its working folder (else the folder itself) and that repository's remote URLs, asked of Git.
import type { ConditionContext } from '../tools/conditions';
import { childProcess } from '../nodeBuiltins';

function git(cwd: string, args: string[]): string {
  const r = childProcess().spawnSync('git', ['-c', 'core.fsmonitor=false', ...args], { cwd, encoding: 'utf8', timeout: 400, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  return r.status === 0 ? r.stdout : '';
}

export function whereAgentRuns(cwd: string): ConditionContext {
  const root = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const repositories = git(cwd, ['config', '--get-regexp', '^remote\\..*\\.url$'])
    .split('\n')
    .map((l) => l.slice(l.indexOf(' ') + 1).trim())
    .filter(Boolean);
  return { workspaceFolders: [root || cwd], repositories, now: new Date() };
}
