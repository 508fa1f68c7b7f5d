// The corpus's case type and the payload of each harness, in the shapes test/unit/hooks/payloads.ts cites from
// each vendor's hook reference (no public-docs search was available while writing these: the shapes follow the
// documented formats as known, and the repository's own fixtures):
// - Claude Code: PreToolUse {session_id, transcript_path, cwd, permission_mode, hook_event_name, tool_name,
//   tool_input, tool_use_id}; UserPromptSubmit {.., prompt}. Tools Read, Bash, Grep, WebFetch, WebSearch, Task, mcp__S__T.
// - Codex: the same field names; shell commands as tool_input.command, a string or an argv array.
// - VS Code agent hooks: {timestamp, cwd, sessionId, hookEventName, tool_name, tool_input, tool_use_id}; prompt.
// - GitHub Copilot CLI: preToolUse {timestamp, cwd, toolName, toolArgs (a JSON string)}; userPromptSubmitted.
// - Cursor: {conversation_id, generation_id, workspace_roots, hook_event_name}; beforeShellExecution {command,
//   cwd}; beforeReadFile {file_path, content}; beforeMCPExecution {tool_name, tool_input, url|command};
//   beforeSubmitPrompt {prompt, attachments}.
// Strings hold {{NAME}} placeholders (World.vars): the workspace path, generated secrets, revisions.
import type { Harness } from '../../src/core/hooks/request';

export type Expect = 'deny' | 'allow' | 'ask';

export type PolicyChoice = 'default' | 'confirm-terminal' | 'missing' | 'broken';

export interface CorpusCase {
  /** Stable id: category and number, e.g. `interpreters-03`. */
  id: string;
  harness: Harness;
  category: string;
  /** attack: must be stopped; everyday: must go through. */
  kind: 'attack' | 'everyday';
  expect: Expect;
  /** The payload as the harness sends it; a string is sent as is (not JSON-encoded). */
  payload: unknown;
  /** The policy the hook is given (default: the corpus policy through --policy). */
  policy?: PolicyChoice;
  note?: string;
  /** An attack the hook does not stop yet, and why: the corpus test tolerates it, and fails once it is stopped. */
  knownGap?: string;
}

type Json = Record<string, unknown>;

const claudeCommon = (mode = 'default') => ({ session_id: 'sess-7f3a', transcript_path: '/tmp/transcript.jsonl', cwd: '{{WS}}', permission_mode: mode });
const vscodeCommon = { timestamp: '2026-12-06T21:00:00.000Z', cwd: '{{WS}}', sessionId: 'vs-41', transcript_path: '/tmp/vs.json' };
const cursorCommon = { conversation_id: 'cv-9', generation_id: 'gen-2', workspace_roots: ['{{WS}}'] };

/** A tool call in the harness's dialect (Cursor: its preToolUse event). */
export function toolCall(h: Harness, tool: string, input: Json, mode?: string): Json {
  switch (h) {
    case 'claude':
    case 'codex':
      return { ...claudeCommon(mode), hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: 'toolu_01' };
    case 'vscode':
      return { ...vscodeCommon, hookEventName: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: 'call-1' };
    case 'copilot':
      return { timestamp: 1765054800000, cwd: '{{WS}}', toolName: tool, toolArgs: JSON.stringify(input) };
    case 'cursor':
      return { ...cursorCommon, hook_event_name: 'preToolUse', tool_name: tool, tool_input: input };
  }
}

/** A shell command as each harness's terminal tool sends it. */
export function shell(h: Harness, command: string, mode?: string): Json {
  switch (h) {
    case 'claude':
      return toolCall(h, 'Bash', { command, description: 'Run a command' }, mode);
    case 'codex':
      return toolCall(h, 'Bash', { command });
    case 'vscode':
      return toolCall(h, 'runInTerminal', { command, explanation: 'Run a command', isBackground: false });
    case 'copilot':
      return toolCall(h, 'bash', { command, description: 'Run a command' });
    case 'cursor':
      return { ...cursorCommon, hook_event_name: 'beforeShellExecution', command, cwd: '{{WS}}' };
  }
}

/** Codex's argv form of a shell call (`["bash", "-lc", "..."]`). */
export function codexArgv(command: string): Json {
  return toolCall('codex', 'Bash', { command: ['bash', '-lc', command] });
}

/** A file read by the harness's own file tool (Codex has none: it reads through the shell). */
export function readFile(h: Exclude<Harness, 'codex'>, file: string, content = ''): Json {
  switch (h) {
    case 'claude':
      return toolCall(h, 'Read', { file_path: file });
    case 'vscode':
      return toolCall(h, 'readFile', { filePath: file, startLine: 1, endLine: 200 });
    case 'copilot':
      return toolCall(h, 'view', { path: file });
    case 'cursor':
      return { ...cursorCommon, hook_event_name: 'beforeReadFile', file_path: file, content, attachments: [] };
  }
}

/** A prompt as the harness submits it (Copilot CLI's prompt hook cannot block: not used for attacks). */
export function prompt(h: Harness, text: string, attachments: string[] = []): Json {
  switch (h) {
    case 'claude':
    case 'codex':
      return { ...claudeCommon(), hook_event_name: 'UserPromptSubmit', prompt: text };
    case 'vscode':
      return { ...vscodeCommon, hookEventName: 'UserPromptSubmit', prompt: text };
    case 'copilot':
      return { timestamp: 1765054800000, cwd: '{{WS}}', prompt: text };
    case 'cursor':
      return { ...cursorCommon, hook_event_name: 'beforeSubmitPrompt', prompt: text, attachments: attachments.map((f) => ({ type: 'file', file_path: f })) };
  }
}

/** An MCP tool call: `mcp__server__tool` for Claude Code and Codex; Cursor's beforeMCPExecution with url or command. */
export function mcp(h: 'claude' | 'codex' | 'cursor', server: string, tool: string, input: Json, where?: { url?: string; command?: string }): Json {
  if (h === 'cursor') return { ...cursorCommon, hook_event_name: 'beforeMCPExecution', tool_name: tool, tool_input: JSON.stringify(input), ...(where ?? {}) };
  return toolCall(h, `mcp__${server}__${tool}`, input);
}
