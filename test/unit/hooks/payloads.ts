// Hook payloads as each harness sends them (WS is replaced by the test workspace). Sources:
// - Claude Code: hooks reference, "PreToolUse input" and "UserPromptSubmit input" (session_id, transcript_path,
//   cwd, permission_mode, hook_event_name, tool_name, tool_input, tool_use_id; prompt).
// - Codex: developers.openai.com/codex/hooks (the same PreToolUse/UserPromptSubmit fields as Claude Code;
//   shell commands as `tool_input.command`).
// - VS Code: code.visualstudio.com/docs/agents/reference/hooks-reference (common fields hookEventName, cwd,
//   sessionId, timestamp; PreToolUse tool_name, tool_input, tool_use_id; UserPromptSubmit prompt).
// - GitHub Copilot CLI: docs.github.com copilot-cli-reference/cli-hooks-reference (preToolUse: timestamp, cwd,
//   toolName, toolArgs as a JSON string; userPromptSubmitted: timestamp, cwd, prompt).
// - Cursor: cursor.com/docs/agent/hooks (hook_event_name, conversation_id, generation_id, workspace_roots;
//   beforeReadFile file_path, content; beforeShellExecution command, cwd; beforeMCPExecution tool_name,
//   tool_input, url|command; beforeSubmitPrompt prompt, attachments).
// After a tool ran (the formats as known when this was written; the vendors' pages could not be fetched from
// here, so check them when a harness changes):
// - Claude Code PostToolUse: input tool_name, tool_input, tool_response; output `decision: "block"` with `reason`
//   (shown to the model), `hookSpecificOutput.additionalContext`, and for MCP tools `updatedMCPToolOutput`,
//   which replaces the output. Codex and VS Code read the same PostToolUse fields.
// - Copilot CLI postToolUse: toolName, toolArgs, toolResult { resultType, textResultForLlm }; its output is ignored.
// - Cursor afterShellExecution (command, output) and afterMCPExecution (tool_name, tool_input, result_json):
//   observe only.
import type { Harness } from '../../../src/core/hooks/request';

export interface Case {
  name: string;
  harness: Harness;
  payload: Record<string, unknown>;
  expect: 'allow' | 'deny';
}

const claudeCommon = { session_id: 'abc123', transcript_path: '/tmp/t.jsonl', cwd: 'WS', permission_mode: 'default' };
const vscodeCommon = { timestamp: '2026-12-04T10:00:00.000Z', cwd: 'WS', sessionId: 's-1', transcript_path: '/tmp/t.json' };
const cursorCommon = { conversation_id: 'c-1', generation_id: 'g-1', workspace_roots: ['WS'] };

export function cases(secret: string): Case[] {
  const pre = (tool_name: string, tool_input: Record<string, unknown>) => ({ ...claudeCommon, hook_event_name: 'PreToolUse', tool_name, tool_input, tool_use_id: 'toolu_01' });
  const vpre = (tool_name: string, tool_input: Record<string, unknown>) => ({ ...vscodeCommon, hookEventName: 'PreToolUse', tool_name, tool_input, tool_use_id: 'tool-123' });
  const cp = (toolName: string, args: Record<string, unknown>) => ({ timestamp: 1764842400000, cwd: 'WS', toolName, toolArgs: JSON.stringify(args) });
  return [
    { name: 'claude Read .env', harness: 'claude', payload: pre('Read', { file_path: 'WS/.env' }), expect: 'deny' },
    { name: 'claude Read source', harness: 'claude', payload: pre('Read', { file_path: 'WS/src/app.ts' }), expect: 'allow' },
    { name: 'claude Read a file holding a token (by content)', harness: 'claude', payload: pre('Read', { file_path: 'WS/config/settings.json' }), expect: 'deny' },
    { name: 'claude Grep in .env', harness: 'claude', payload: pre('Grep', { pattern: 'KEY', path: 'WS/.env' }), expect: 'deny' },
    { name: 'claude Bash cat .env', harness: 'claude', payload: pre('Bash', { command: 'cat .env', description: 'show env' }), expect: 'deny' },
    { name: 'claude Bash source .env && env', harness: 'claude', payload: pre('Bash', { command: 'source .env && env' }), expect: 'deny' },
    { name: 'claude Bash printenv', harness: 'claude', payload: pre('Bash', { command: 'printenv' }), expect: 'deny' },
    { name: 'claude Bash base64 secrets', harness: 'claude', payload: pre('Bash', { command: 'base64 config/settings.json | head' }), expect: 'deny' },
    { name: 'claude Bash npm test', harness: 'claude', payload: pre('Bash', { command: 'npm test -- --grep env' }), expect: 'allow' },
    { name: 'claude prohibited MCP server', harness: 'claude', payload: pre('mcp__pastebin__create_paste', { text: 'x' }), expect: 'deny' },
    { name: 'claude unlisted MCP server', harness: 'claude', payload: pre('mcp__random-server__do', {}), expect: 'deny' },
    { name: 'claude approved MCP server', harness: 'claude', payload: pre('mcp__github__create_issue', { title: 'x' }), expect: 'allow' },
    { name: 'claude prompt with a token', harness: 'claude', payload: { ...claudeCommon, hook_event_name: 'UserPromptSubmit', prompt: `why does ${secret} not work?` }, expect: 'deny' },
    { name: 'claude prompt without data', harness: 'claude', payload: { ...claudeCommon, hook_event_name: 'UserPromptSubmit', prompt: 'refactor the parser' }, expect: 'allow' },
    { name: 'codex shell argv cat .env', harness: 'codex', payload: { ...claudeCommon, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: ['bash', '-lc', 'cat .env'] } }, expect: 'deny' },
    { name: 'codex shell ls', harness: 'codex', payload: { ...claudeCommon, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls -la' } }, expect: 'allow' },
    { name: 'vscode readFile .env', harness: 'vscode', payload: vpre('readFile', { filePath: 'WS/.env' }), expect: 'deny' },
    { name: 'vscode editFiles source', harness: 'vscode', payload: vpre('editFiles', { files: ['src/app.ts'] }), expect: 'allow' },
    { name: 'vscode runInTerminal printenv', harness: 'vscode', payload: vpre('runInTerminal', { command: 'printenv | sort' }), expect: 'deny' },
    { name: 'vscode prompt with a token', harness: 'vscode', payload: { ...vscodeCommon, hookEventName: 'UserPromptSubmit', prompt: `token ${secret}` }, expect: 'deny' },
    { name: 'copilot view .env', harness: 'copilot', payload: cp('view', { path: '.env' }), expect: 'deny' },
    { name: 'copilot bash cat .env', harness: 'copilot', payload: cp('bash', { command: 'cat ./.env', description: 'x' }), expect: 'deny' },
    { name: 'copilot bash git status', harness: 'copilot', payload: cp('bash', { command: 'git status' }), expect: 'allow' },
    { name: 'cursor beforeReadFile .env', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeReadFile', file_path: 'WS/.env', content: '' }, expect: 'deny' },
    { name: 'cursor beforeReadFile content holding a token (an ordinary name, no such file on disk)', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeReadFile', file_path: 'WS/src/unsaved-notes.ts', content: `export const token = '${secret}';\n` }, expect: 'deny' },
    { name: 'cursor beforeReadFile ordinary content', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeReadFile', file_path: 'WS/src/unsaved-notes.ts', content: 'export const retries = 3;\n' }, expect: 'allow' },
    { name: 'cursor beforeShellExecution env', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeShellExecution', command: 'env', cwd: 'WS' }, expect: 'deny' },
    { name: 'cursor beforeShellExecution make', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeShellExecution', command: 'make build', cwd: 'WS' }, expect: 'allow' },
    { name: 'cursor beforeMCPExecution prohibited (by url)', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeMCPExecution', tool_name: 'create_paste', tool_input: '{}', url: 'https://paste.example.invalid/mcp' }, expect: 'deny' },
    { name: 'cursor beforeSubmitPrompt with a token', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeSubmitPrompt', prompt: `use ${secret}`, attachments: [] }, expect: 'deny' },
    { name: 'cursor beforeSubmitPrompt attaching .env', harness: 'cursor', payload: { ...cursorCommon, hook_event_name: 'beforeSubmitPrompt', prompt: 'explain', attachments: [{ type: 'file', file_path: 'WS/.env' }] }, expect: 'deny' },
  ];
}
