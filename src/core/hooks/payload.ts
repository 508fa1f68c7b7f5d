// Reads one hook payload in a harness's documented format into a HookRequest.
// Formats: Claude Code hooks reference (PreToolUse, UserPromptSubmit: tool_name/tool_input/prompt);
// Codex hooks (same field names as Claude Code); VS Code agent hooks (hookEventName, tool_name, tool_input);
// GitHub Copilot CLI hooks (.github/hooks/*.json version 1: preToolUse {toolName, toolArgs}, userPromptSubmitted
// {prompt}); Cursor hooks (beforeReadFile, beforeShellExecution, beforeMCPExecution, beforeSubmitPrompt, preToolUse).
import os = require('node:os');
import path = require('node:path');
import { fromPowerShell } from './powershell';
import { expandTilde, procPath } from './shellExpand';
import type { Destination, Harness, HookRequest } from './request';

type Json = Record<string, unknown>;

const FILE_KEYS = ['file_path', 'filePath', 'notebook_path', 'path', 'target_file', 'filename', 'uri', 'file'];
const FILE_LIST_KEYS = ['files', 'paths', 'filePaths', 'file_paths', 'attachments', 'uploads', 'documents'];
const COMMAND_KEYS = ['command', 'cmd', 'script'];

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length ? v : undefined;
}

function obj(v: unknown): Json {
  if (typeof v === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch (e) {
      // Copilot CLI's toolArgs is a JSON string: one that does not parse is a payload the hook cannot judge.
      throw new Error(`the tool arguments are not JSON (${(e as Error).message})`);
    }
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : {};
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

/** Cursor's MCP tool input: a JSON string (or an object); one that does not parse names no file. */
function mcpInput(v: unknown): Json {
  try {
    return obj(v);
  } catch {
    return {};
  }
}

function fromUri(p: string): string {
  if (!/^file:/i.test(p)) return p;
  // file:/x and file:x name a local file as file:///x does.
  if (!/^file:\/\//i.test(p)) return decodeURIComponent(p.replace(/^file:/i, ''));
  try {
    return decodeURIComponent(new URL(p).pathname);
  } catch {
    return p;
  }
}

const home = (): string => process.env.HOME || os.homedir();

/** File paths named by a tool's input, resolved against cwd. */
function filesOf(input: Json, cwd: string): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^file:/i.test(v)) {
        const p = procPath(fromUri(v), cwd);
        out.push(path.resolve(cwd, p));
        // ~/.aws/credentials: the agent's file tool may expand ~ (judged as the home folder's as well).
        if (/^~(?:\/|$)/.test(p)) out.push(expandTilde(p, home()));
      }
    }
    else if (Array.isArray(v)) v.slice(0, 200).forEach(add); // a list where one path was expected: each is judged
    else if (v && typeof v === 'object') add((v as Json).path ?? (v as Json).file_path ?? (v as Json).filePath);
  };
  for (const k of FILE_KEYS) add(input[k]);
  // A file: URL handed to a fetch tool names a local file.
  if (typeof input.url === 'string' && /^file:/i.test(input.url)) add(input.url);
  // Other keys that name a local file by their name (content_path, local_file, attachmentPath): an MCP server
  // handed one reads it and sends what it holds.
  for (const k of Object.keys(input)) if (!FILE_KEYS.includes(k) && /(?:^|[_-]|[a-z])(?:path|file|filename)$/i.test(k) && k.length <= 40) add(input[k]);
  for (const k of FILE_LIST_KEYS) if (Array.isArray(input[k])) for (const v of input[k] as unknown[]) add(v);
  return [...new Set(out)];
}

/** A command given as a string, or as an argv array (`["bash", "-lc", "cat .env"]`). */
function commandsOf(input: Json): string[] {
  const out: string[] = [];
  for (const k of COMMAND_KEYS) {
    const v = input[k];
    if (v !== undefined && v !== null && typeof v !== 'string' && !Array.isArray(v)) throw new Error(`the tool input's ${k} is a ${typeof v}, not a command: not a payload this hook knows`);
    if (typeof v === 'string' && v.trim()) out.push(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      const argv = v as string[];
      const i = argv.findIndex((a) => a === '-c' || a === '-lc' || a === '/c' || a === '-Command');
      out.push(i >= 0 && argv[i + 1] ? argv[i + 1] : argv.join(' '));
    }
  }
  return out;
}

/** `mcp__server__tool` (Claude Code, Codex, VS Code) → server and tool. */
function mcpOf(tool: string | undefined): HookRequest['mcp'] {
  const m = tool ? /^mcp__(.+?)__(.+)$/.exec(tool) : null;
  return m ? { server: m[1], tool: m[2] } : undefined;
}

function attachments(p: Json, cwd: string): string[] {
  const list = Array.isArray(p.attachments) ? (p.attachments as unknown[]) : [];
  return list.flatMap((a) => filesOf(obj(a), cwd));
}

function base(harness: Harness, event: string, cwd: string): HookRequest {
  return { harness, event, kind: 'other', cwd, files: [], commands: [], texts: [] };
}

/** Tools that write files: their content is the agent's own output, not data leaving it. */
const WRITE_TOOLS = /^(write|edit|multiedit|notebookedit|editfiles|create_file|createfile|write_file|edit_file|str_replace.*|apply_patch|replace_string_in_file|insert_edit_into_file|todowrite)$/i;
const WEB_TOOLS = /^(webfetch|websearch|web_fetch|web_search|fetch|fetch_webpage|vscode_fetchwebpage|browse|search_web)$/i;
const SUBAGENT_TOOLS = /^(task|agent|runsubagent|run_subagent|subagent|delegate)$/i;
const SEARCH_TOOLS = /^(grep|search|rg|ripgrep|grep_search|search_files|find_in_files|text_search|findtextinfiles)$/i;
const COMMAND_TOOLS = /^(bash|shell|run_shell_command|runinterminal|run_in_terminal|run_terminal_cmd|terminal|exec|local_shell|powershell)$/i;
const MAX_STRINGS = 2000;

/** Every string in a tool's input (values, not keys), bounded. */
function strings(v: unknown, out: string[] = [], depth = 0): string[] {
  if (out.length >= MAX_STRINGS || depth > 20) return out;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out, depth + 1);
  else if (v && typeof v === 'object') for (const x of Object.values(v as Json)) strings(x, out, depth + 1);
  return out;
}

function destination(tool: string | undefined, mcp: HookRequest['mcp']): Destination {
  if (mcp) return 'mcp';
  if (tool && WEB_TOOLS.test(tool)) return 'web';
  if (tool && SUBAGENT_TOOLS.test(tool)) return 'subagent';
  return 'tool';
}

/**
 * A tool's input as an object. A terminal tool's argv array (`["cat", ".env"]`) is its command; any other input
 * that is not an object (an array, a number), or a terminal tool's input with no command, is a shape this hook
 * does not know, and is refused rather than let through unjudged.
 */
function toolInput(tool: string | undefined, v: unknown): Json {
  const bare = (tool ?? '').replace(/^.*[.:/]/, '');
  const parsed = typeof v === 'string' ? parseArgs(v) : v;
  if (COMMAND_TOOLS.test(bare)) {
    if (Array.isArray(parsed) && parsed.length && parsed.every((x) => typeof x === 'string')) return { command: parsed };
    if (typeof parsed === 'string' && parsed.trim()) return { command: parsed };
  }
  if (parsed === undefined || parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`the input of tool ${bare || '(unnamed)'} is ${Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`}, not an object: not a payload this hook knows`);
  const input = parsed as Json;
  if (COMMAND_TOOLS.test(bare) && COMMAND_KEYS.every((k) => input[k] === undefined)) throw new Error(`the input of terminal tool ${bare} holds no command: not a payload this hook knows`);
  return input;
}

function parseArgs(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch (e) {
    // Copilot CLI's toolArgs is a JSON string: one that does not parse is a payload the hook cannot judge.
    throw new Error(`the tool arguments are not JSON (${(e as Error).message})`);
  }
}

function toolRequest(r: HookRequest, tool: string | undefined, rawInput: unknown): HookRequest {
  const input = toolInput(tool, rawInput);
  const mcp = mcpOf(tool);
  const commands = /^(powershell|pwsh)$/i.test(tool ?? '') ? commandsOf(input).map(fromPowerShell) : commandsOf(input);
  const req: HookRequest = { ...r, kind: 'tool', tool, files: filesOf(input, r.cwd), commands, mcp };
  const bare = (tool ?? '').replace(/^.*[.:/]/, '');
  if (!WRITE_TOOLS.test(bare) && !COMMAND_TOOLS.test(bare)) req.outbound = { destination: destination(bare, mcp), texts: strings(input) };
  if (SEARCH_TOOLS.test(bare)) {
    const where = str(input.path) ?? str(input.directory) ?? str(input.dir_path) ?? (typeof input.includePattern === 'string' ? undefined : r.cwd);
    const dir = path.resolve(r.cwd, fromUri(where ?? r.cwd));
    req.searches = [{ path: dir, include: str(input.glob) ?? str(input.include) ?? str(input.includePattern) }];
  }
  return req;
}

/** After a tool ran: its output (Claude Code and Codex `tool_response`, VS Code `tool_response`, Copilot `toolResult`). */
function resultRequest(r: HookRequest, tool: string | undefined, output: unknown): HookRequest {
  const text = typeof output === 'string' ? output : strings(output).join('\n');
  return { ...r, kind: 'result', tool, mcp: mcpOf(tool), output: text };
}

function cwdOf(p: Json): string {
  const roots = Array.isArray(p.workspace_roots) ? (p.workspace_roots as unknown[]) : [];
  return str(p.cwd) ?? str(roots[0]) ?? process.cwd();
}

/** Parses a payload; throws with a clear message when it is not JSON or not an object. */
export function parsePayload(harness: Harness, text: string): HookRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`the hook payload is not JSON (${(e as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the hook payload is not a JSON object');
  const p = parsed as Json;
  const cwd = cwdOf(p);
  switch (harness) {
    case 'claude':
    case 'codex':
    case 'vscode': {
      const event = str(p.hook_event_name) ?? str(p.hookEventName) ?? (p.prompt !== undefined ? 'UserPromptSubmit' : 'PreToolUse');
      const r: HookRequest = { ...base(harness, event, cwd), permissionMode: str(p.permission_mode) };
      if (/^pretooluse$/i.test(event) && !str(p.tool_name) && !str(p.toolName)) throw new Error('the PreToolUse payload names no tool: not a payload this hook knows');
      if (/^pretooluse$/i.test(event)) return toolRequest(r, str(p.tool_name) ?? str(p.toolName), p.tool_input ?? p.toolInput);
      if (/^userpromptsubmit$/i.test(event)) return { ...r, kind: 'prompt', texts: [str(p.prompt) ?? ''] };
      if (/^posttooluse$/i.test(event)) return resultRequest(r, str(p.tool_name) ?? str(p.toolName), p.tool_response ?? p.toolResponse ?? p.tool_output);
      return r;
    }
    case 'copilot': {
      if (typeof p.toolName === 'string' && p.toolResult !== undefined) return resultRequest(base(harness, 'postToolUse', cwd), p.toolName, p.toolResult);
      if (typeof p.toolName === 'string') return toolRequest(base(harness, 'preToolUse', cwd), p.toolName, p.toolArgs);
      if (typeof p.prompt === 'string') return { ...base(harness, 'userPromptSubmitted', cwd), kind: 'prompt', texts: [p.prompt] };
      if (p.reason !== undefined || p.source !== undefined || p.error !== undefined) return base(harness, 'session', cwd);
      throw new Error('the hook payload has no toolName or prompt: not a payload this hook knows');
    }
    case 'cursor': {
      if (!str(p.hook_event_name) && p.prompt === undefined && p.command === undefined && p.file_path === undefined) {
        throw new Error('the Cursor payload has no hook_event_name: not a payload this hook knows');
      }
      const event = str(p.hook_event_name) ?? (p.prompt !== undefined ? 'beforeSubmitPrompt' : p.command !== undefined ? 'beforeShellExecution' : 'beforeReadFile');
      const r = base(harness, event, cwd);
      switch (event) {
        case 'beforeReadFile':
          // Cursor sends the file's content too (an unsaved buffer, a file the hook cannot open): that is what reaches the model.
          return { ...r, kind: 'tool', tool: 'read_file', files: filesOf(p, cwd), content: str(p.content) };
        case 'beforeShellExecution':
          return { ...r, kind: 'tool', tool: 'shell', commands: commandsOf(p) };
        case 'beforeMCPExecution':
          return {
            ...r,
            kind: 'tool',
            tool: str(p.tool_name),
            mcp: { server: str(p.server) ?? str(p.server_name) ?? '', tool: str(p.tool_name), url: str(p.url), command: str(p.command) },
            // Cursor sends tool_input as a JSON string; every string in it (or the string itself) leaves, and a
            // local file it names is read by the server and sent.
            files: filesOf(mcpInput(p.tool_input), cwd),
            outbound: { destination: 'mcp', texts: typeof p.tool_input === 'string' ? [p.tool_input] : strings(p.tool_input) },
          };
        case 'beforeSubmitPrompt':
          return { ...r, kind: 'prompt', texts: [str(p.prompt) ?? ''], files: attachments(p, cwd) };
        case 'preToolUse':
          return toolRequest(r, str(p.tool_name), p.tool_input);
        case 'postToolUse':
        case 'afterMCPExecution':
        case 'afterShellExecution':
          return resultRequest(r, str(p.tool_name), p.tool_output ?? p.result_json ?? p.output);
        default:
          return r;
      }
    }
  }
}
