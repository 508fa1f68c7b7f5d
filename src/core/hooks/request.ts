// What one agent hook call asks, whatever the harness that sent it.

export const HARNESSES = ['claude', 'copilot', 'vscode', 'cursor', 'codex'] as const;
export type Harness = (typeof HARNESSES)[number];

export function isHarness(h: string): h is Harness {
  return (HARNESSES as readonly string[]).includes(h);
}

/** Where a tool's input goes: the web, an MCP server, a sub-agent, or another tool of the agent. */
export type Destination = 'web' | 'mcp' | 'subagent' | 'tool';

export interface HookRequest {
  harness: Harness;
  /** The harness's own event name (PreToolUse, beforeReadFile, userPromptSubmitted...), echoed in the answer. */
  event: string;
  /**
   * `tool`: before a tool runs; `prompt`: before a prompt is sent; `result`: after a tool ran (its output is
   * about to reach the model); `other`: an event the hook does not judge.
   */
  kind: 'tool' | 'prompt' | 'result' | 'other';
  /** The agent's tool name as the harness reports it (Read, Bash, mcp__github__create_issue...). */
  tool?: string;
  /** Working directory of the agent (relative paths are resolved against it). */
  cwd: string;
  /** Files the tool reads, edits, searches or attaches. */
  files: string[];
  /** Shell commands the tool runs. */
  commands: string[];
  /** Text the tool sends somewhere (a prompt, a web request body). */
  texts: string[];
  /** What the tool sends out of the agent, and to whom: checked against that destination's data classes. */
  outbound?: { destination: Destination; texts: string[] };
  /** Searches of a folder by the agent's own search tool (Grep): a recursive read. */
  searches?: { path: string; include?: string }[];
  /** After a tool ran: what it returned. */
  output?: string;
  /** What the harness sends along of the file it is about to read (Cursor's beforeReadFile): judged as that file's content. */
  content?: string;
  /** The harness's permission mode when it says (Claude Code: default, plan, acceptEdits, bypassPermissions). */
  permissionMode?: string;
  /**
   * The MCP server and tool, when the tool is an MCP tool. `qualified`: VS Code's `server_tool` as one name, where
   * the server's own name may hold `_` (`server` is then only the part before the first `_`).
   */
  mcp?: { server: string; tool?: string; url?: string; command?: string; qualified?: string };
}
