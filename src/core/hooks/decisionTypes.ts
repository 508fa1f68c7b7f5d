// The hook's verdict on one call, shared by the judges and the answer (a leaf: no imports).

export type Verdict = 'allow' | 'deny' | 'ask';

export interface Decision {
  verdict: Verdict;
  /** What was judged: a file read, a shell command, an MCP tool, a prompt, or the agent itself. */
  subject?: 'file' | 'shell' | 'environment' | 'mcp' | 'prompt' | 'tool' | 'outbound' | 'result' | 'confirmation';
  /** Rule ids that matched (scanner rules, `mcp-prohibited`, `tool-prohibited`...). */
  rules: string[];
  /** Data classes the agent is not cleared for. */
  classes: string[];
  /** The file concerned, when one is (never sent: only its hash is recorded). */
  file?: string;
  /** Why, for the agent and the person watching it. */
  reason?: string;
  /** What to do instead. */
  instead?: string;
  /** A link to the policy section that says so. */
  link?: string;
}

export const ALLOW: Decision = { verdict: 'allow', rules: [], classes: [] };
