// The per-user folder the editor and the agent hooks share: the editor mirrors its last verified policy
// there for the hooks, and the hooks spool their audit events there for the editor to send.
import os = require('node:os');
import path = require('node:path');

export function agentStateDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), 'AiToolPolicy');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'AiToolPolicy');
  return path.posix.join(env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.posix.join(home, '.local', 'state'), 'ai-tool-policy');
}

/** The policy the editor last verified, as JSON (no YAML parse or schema compile on the hook's path). */
export const AGENT_POLICY_FILE = 'agent-policy.json';
/** Audit events recorded by hooks, one JSON object per line, drained by the editor or `ai-policy hooks flush`. */
export const AGENT_SPOOL_FILE = 'agent-events.jsonl';
