// Reads one hook payload in a harness's documented format into a HookRequest.
// Formats: Claude Code hooks reference (PreToolUse, UserPromptSubmit: tool_name/tool_input/prompt);
// Codex hooks (same field names as Claude Code); VS Code agent hooks (hookEventName, tool_name, tool_input);
// GitHub Copilot CLI hooks (.github/hooks/*.json version 1: preToolUse {toolName, toolArgs}, userPromptSubmitted
// {prompt}); Cursor hooks (beforeReadFile, beforeShellExecution, beforeMCPExecution, beforeSubmitPrompt, preToolUse).
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');
import { shellQuote } from './harnesses';
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

/** Shells whose `-c LINE` (PowerShell's `-Command`, cmd's `/c`) runs a line: the argv arrays Codex sends. */
const SHELL_PROGRAMS = /^(?:sh|bash|dash|zsh|ksh|mksh|ash|fish|pwsh|powershell|cmd)(?:\.exe)?$/i;
const LINE_OPTION = /^(?:-[a-z]*c|-command|\/c|\/k)$/i;

/** One argv word as the shell reads it back; a first word holding `=` is quoted, or it would be read as an assignment. */
const shellWord = (w: string, first: boolean): string => shellQuote(w, first && w.includes('='));

/**
 * An argv array as the shell line that runs it. `["bash", "-lc", LINE]` is LINE; any other array runs as given,
 * without a shell: its words are quoted one by one, so that `#`, `;` or `|` in a word stay arguments, the code
 * after `python3 -c` stays Python, and the words after a shell's `-c LINE` stay its `$0`, `$1`...
 */
export function argvLine(argv: string[]): string {
  const program = argv[0].replace(/^.*[\\/]/, '');
  let i = 1;
  while (SHELL_PROGRAMS.test(program) && i < argv.length - 1 && /^[-+]|^\/[a-z]$/i.test(argv[i]) && !LINE_OPTION.test(argv[i])) i++;
  if (SHELL_PROGRAMS.test(program) && i === argv.length - 2 && LINE_OPTION.test(argv[i])) return argv[i + 1];
  return argv.map((w, k) => shellWord(w, k === 0)).join(' ');
}

/** The folder a terminal tool runs its command in when it says (Codex's `workdir`), as a `cd` before the line. */
const WORKDIR_KEYS = ['workdir', 'working_directory', 'workingDirectory', 'cwd'];

function inFolder(line: string, input: Json): string {
  const dir = WORKDIR_KEYS.map((k) => str(input[k])).find((d) => d !== undefined);
  return dir ? `cd ${shellWord(fromUri(dir), false)} && ${line}` : line;
}

/** A command given as a string, or as an argv array (`["bash", "-lc", "cat .env"]`). */
function commandsOf(input: Json): string[] {
  const out: string[] = [];
  for (const k of COMMAND_KEYS) {
    const v = input[k];
    if (v !== undefined && v !== null && typeof v !== 'string' && !Array.isArray(v)) throw new Error(`the tool input's ${k} is a ${typeof v}, not a command: not a payload this hook knows`);
    if (typeof v === 'string' && v.trim()) out.push(inFolder(v, input));
    else if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) out.push(inFolder(argvLine(v as string[]), input));
    else if (Array.isArray(v) && v.length) throw new Error(`the tool input's ${k} is an array of other than strings: not a payload this hook knows`);
  }
  return out;
}

/**
 * `mcp__server__tool` (Claude Code, Codex) → server and tool. VS Code names an MCP tool `mcp_server_tool`, where
 * the server's name may hold `_` itself: the name is kept whole, and the judge finds the server among the policy's.
 */
function mcpOf(tool: string | undefined): HookRequest['mcp'] {
  const m = tool ? /^mcp__(.+?)__(.+)$/.exec(tool) : null;
  if (m) return { server: m[1], tool: m[2] };
  const v = tool ? /^mcp_([^_].*?)_(.+)$/.exec(tool) : null;
  return v ? { server: v[1], tool: v[2], qualified: `${v[1]}_${v[2]}` } : undefined;
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
/** Strings past which a tool's input is not judged but refused (the payload itself is at most 8 MiB). */
const MAX_STRINGS = 200_000;

/**
 * Every string in a tool's input, object keys among them (a value can be sent as a key), at any depth; `complete`
 * is false when there were more than MAX_STRINGS.
 */
function strings(v: unknown): { texts: string[]; complete: boolean } {
  const texts: string[] = [];
  const stack: unknown[] = [v];
  while (stack.length) {
    if (texts.length >= MAX_STRINGS) return { texts, complete: false };
    const x = stack.pop();
    if (typeof x === 'string') texts.push(x);
    else if (Array.isArray(x)) for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
    else if (x && typeof x === 'object') {
      const entries = Object.entries(x as Json);
      for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i][1], entries[i][0]);
    }
  }
  return { texts, complete: true };
}

/** The strings a tool sends on; an input with more than can be judged is refused rather than judged in part. */
function sentStrings(v: unknown): string[] {
  const { texts, complete } = strings(v);
  if (!complete) throw new Error(`the tool input holds more than ${MAX_STRINGS} strings: too large to judge`);
  return texts;
}

function destinationOf(tool: string | undefined, mcp: HookRequest['mcp']): Destination {
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

/** Tools that type into a shell session started earlier (Copilot CLI's async bash): their input is a command line. */
const TERMINAL_INPUT_TOOLS = /^(write_bash|write_powershell|write_shell|send_to_terminal|send_terminal_input)$/i;

/** What a terminal-input tool types, as lines (`{enter}` and the other key names as the shell would see them). */
function typedLines(input: Json): string[] {
  const text = str(input.input) ?? str(input.text) ?? str(input.keys) ?? str(input.command);
  return text ? [text.replace(/\{enter\}/gi, '\n').replace(/\{[a-z-]+\}/gi, ' ')] : [];
}

/**
 * A VS Code task the tool creates and runs (create_and_run_task): its command with its arguments, in its folder.
 * A shell task's command is a line; a process task's command and arguments are an argv array.
 */
function taskLines(input: Json, cwd: string): string[] {
  const task = obj(input.task);
  const command = str(task.command);
  if (!command) return [];
  const args = (Array.isArray(task.args) ? (task.args as unknown[]) : []).map((a) => str(a) ?? str(obj(a).value) ?? '');
  const line = task.type === 'process' ? argvLine([command, ...args]) : [command, ...args.map((a) => shellWord(a, false))].join(' ');
  const folder = path.resolve(cwd, fromUri(str(input.workspaceFolder) ?? cwd), str(obj(task.options).cwd)?.replace(/\$\{workspaceFolder\}/g, '.') ?? '.');
  return [inFolder(line, { cwd: folder })];
}

/** Tools that return the repository's uncommitted changes (VS Code's get_changed_files): the `git diff` they amount to. */
const CHANGED_FILES_TOOLS = /^(get_changed_files|getchangedfiles|copilot_getchangedfiles)$/i;

function changedFilesLines(input: Json, cwd: string): string[] {
  const repo = path.resolve(cwd, fromUri(str(input.repositoryPath) ?? str(input.repository) ?? cwd));
  const states = Array.isArray(input.sourceControlState) ? (input.sourceControlState as unknown[]).map(String) : ['staged', 'unstaged', 'merge-conflicts'];
  const diffs = [...new Set(states.map((st) => (/^staged$/i.test(st) ? 'git diff --cached' : 'git diff')))];
  return diffs.map((d) => inFolder(d, { cwd: repo }));
}

/** Strings an MCP server or tool is handed that are checked as local paths, and how many. */
const PATH_LIKE = /^(?:[~.]|[^\s]*[/\\]|[^\s]*\.[A-Za-z0-9]{1,10}$)[^\n]*$/;
const MAX_PATH_STRINGS = 64;

/** Keys whose value is a search or a message, not a place: `.env` there is a word searched for or written about. */
const TEXT_KEYS = /^(q|query|queries|pattern|patterns|regex|search|text|title|body|message|description|content|comment|prompt)$/i;

/**
 * Strings in an MCP tool's input that name a file on this machine, whatever their key (`attachment`, `source`,
 * `location`): a local server handed one reads it and sends what it holds. Only strings shaped like a path are
 * looked up, and at most MAX_PATH_STRINGS of them.
 */
function namedFiles(input: unknown, cwd: string): string[] {
  const out: string[] = [];
  let looked = 0;
  const stack: [unknown, string][] = [[input, '']];
  while (stack.length && looked < MAX_PATH_STRINGS && out.length < MAX_PATH_STRINGS) {
    const [v, key] = stack.pop()!;
    if (Array.isArray(v)) for (const x of v.slice(0, 1000)) stack.push([x, key]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v as Json).slice(0, 1000)) stack.push([x, k]);
    else if (typeof v === 'string' && !TEXT_KEYS.test(key)) {
      const t = v.trim();
      if (t.length > 1024 || /\s/.test(t) || !PATH_LIKE.test(t) || (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) && !/^file:/i.test(t))) continue;
      looked++;
      const p = path.resolve(cwd, expandTilde(procPath(fromUri(t), cwd), home()));
      try {
        if (fs.statSync(p).isFile()) out.push(p);
      } catch {
        // not a file here: judged as text only
      }
    }
  }
  return out;
}

function toolRequest(r: HookRequest, tool: string | undefined, rawInput: unknown): HookRequest {
  const input = toolInput(tool, rawInput);
  const mcp = mcpOf(tool);
  const bare = (tool ?? '').replace(/^.*[.:/]/, '');
  const commands = /^(powershell|pwsh)$/i.test(tool ?? '') ? commandsOf(input).map(fromPowerShell) : commandsOf(input);
  if (TERMINAL_INPUT_TOOLS.test(bare)) commands.push(...typedLines(input).map((l) => (/powershell/i.test(bare) ? fromPowerShell(l) : l)));
  if (input.task && typeof input.task === 'object') commands.push(...taskLines(input, r.cwd));
  if (CHANGED_FILES_TOOLS.test(bare)) commands.push(...changedFilesLines(input, r.cwd));
  const req: HookRequest = { ...r, kind: 'tool', tool, files: filesOf(input, r.cwd), commands, mcp };
  if (!WRITE_TOOLS.test(bare) && !COMMAND_TOOLS.test(bare) && !TERMINAL_INPUT_TOOLS.test(bare)) {
    req.outbound = { destination: destinationOf(bare, mcp), texts: sentStrings(input) };
    if (mcp) req.files = [...new Set([...req.files, ...namedFiles(input, r.cwd)])];
  }
  if (SEARCH_TOOLS.test(bare)) {
    const where = str(input.path) ?? str(input.directory) ?? str(input.dir_path) ?? (typeof input.includePattern === 'string' ? undefined : r.cwd);
    const dir = path.resolve(r.cwd, fromUri(where ?? r.cwd));
    req.searches = [{ path: dir, include: str(input.glob) ?? str(input.include) ?? str(input.includePattern) }];
  }
  return req;
}

/** After a tool ran: its output (Claude Code and Codex `tool_response`, VS Code `tool_response`, Copilot `toolResult`). */
function resultRequest(r: HookRequest, tool: string | undefined, output: unknown): HookRequest {
  const text = typeof output === 'string' ? output : strings(output).texts.join('\n');
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
            files: [...new Set([...filesOf(mcpInput(p.tool_input), cwd), ...namedFiles(mcpInput(p.tool_input), cwd)])],
            // The JSON text as sent and the strings it holds (JSON escapes such as \u0073 read as what they stand for).
            outbound: { destination: 'mcp', texts: typeof p.tool_input === 'string' ? [p.tool_input, ...sentStrings(mcpInput(p.tool_input))] : sentStrings(p.tool_input) },
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
