// Where each harness keeps its hooks, and the entries that run `ai-policy hook` there. Pure: the files
// are read and written by the caller (src/cli/commands/hooks.ts).
import path = require('node:path');
import type { Harness } from './request';

export type Scope = 'user' | 'project';

/** The configuration file of a harness's hooks in a scope (undefined when the harness has no such scope). */
export function hookConfigPath(harness: Harness, scope: Scope, home: string, project: string): string | undefined {
  switch (harness) {
    case 'claude':
      return scope === 'user' ? path.join(home, '.claude', 'settings.json') : path.join(project, '.claude', 'settings.json');
    case 'codex':
      return scope === 'user' ? path.join(home, '.codex', 'hooks.json') : path.join(project, '.codex', 'hooks.json');
    case 'cursor':
      return scope === 'user' ? path.join(home, '.cursor', 'hooks.json') : path.join(project, '.cursor', 'hooks.json');
    case 'copilot':
      return scope === 'user' ? path.join(home, '.copilot', 'hooks', 'ai-tool-policy.json') : path.join(project, '.github', 'hooks', 'ai-tool-policy.json');
    case 'vscode':
      return scope === 'user' ? path.join(home, '.copilot', 'hooks', 'ai-tool-policy-vscode.json') : path.join(project, '.github', 'hooks', 'ai-tool-policy-vscode.json');
  }
}

/** The events each harness runs the hook on. */
export const HOOK_EVENTS: Readonly<Record<Harness, readonly string[]>> = {
  // After a tool ran (PostToolUse, postToolUse, after*): its output is scanned, withheld where the harness can, and
  // recorded as agent.exposed where it cannot.
  claude: ['PreToolUse', 'UserPromptSubmit', 'PostToolUse'],
  codex: ['PreToolUse', 'UserPromptSubmit', 'PostToolUse'],
  vscode: ['PreToolUse', 'UserPromptSubmit', 'PostToolUse'],
  copilot: ['preToolUse', 'userPromptSubmitted', 'postToolUse'],
  cursor: ['beforeReadFile', 'beforeShellExecution', 'beforeMCPExecution', 'beforeSubmitPrompt', 'afterShellExecution', 'afterMCPExecution'],
};

/** A command is ours when it runs the policy hook (the CLI's `hook` command or the hook bundle). */
export function isPolicyHookCommand(command: unknown): boolean {
  return typeof command === 'string' && /(ai-policy(\.cmd)?["']?\s+hook\b|hook\.js["']?\s+--harness\b)/.test(command);
}

type Json = Record<string, unknown>;

const ELECTRON_PREFIX = 'ELECTRON_RUN_AS_NODE=1 ';

function entryCommands(entry: unknown): unknown[] {
  if (!entry || typeof entry !== 'object') return [];
  const e = entry as Json;
  const nested = Array.isArray(e.hooks) ? (e.hooks as Json[]).flatMap((h) => [h?.command, h?.bash, h?.powershell]) : [];
  return [e.command, e.bash, e.powershell, ...nested];
}

/** The entry that runs `command` for one event, in the harness's format. */
function entryFor(harness: Harness, event: string, command: string): Json {
  switch (harness) {
    case 'claude':
    case 'codex':
      return event === 'PreToolUse' || event === 'PostToolUse'
        ? { matcher: '*', hooks: [{ type: 'command', command, timeout: 30 }] }
        : { hooks: [{ type: 'command', command, timeout: 30 }] };
    case 'vscode':
      return { type: 'command', command, timeout: 30 };
    case 'copilot': {
      // Copilot CLI sets variables through `env`, which works for bash and PowerShell alike.
      const electron = command.startsWith(ELECTRON_PREFIX);
      const bare = electron ? command.slice(ELECTRON_PREFIX.length) : command;
      return { type: 'command', bash: bare, powershell: `& ${bare}`, ...(electron ? { env: { ELECTRON_RUN_AS_NODE: '1' } } : {}), timeoutSec: 30 };
    }
    case 'cursor':
      return { command };
  }
}

/**
 * The configuration with the policy hook installed (`command` given) or removed (undefined): other hooks
 * and other keys are kept as they were; running it twice changes nothing.
 */
export function withPolicyHooks(harness: Harness, config: Json, command: string | undefined): Json {
  const out: Json = { ...config };
  if (harness === 'cursor' || harness === 'copilot' || harness === 'vscode') {
    if (harness !== 'vscode' && out.version === undefined) out.version = 1;
  }
  const hooks: Json = out.hooks && typeof out.hooks === 'object' && !Array.isArray(out.hooks) ? { ...(out.hooks as Json) } : {};
  for (const event of HOOK_EVENTS[harness]) {
    const list = Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : [];
    const kept = list
      .map((entry) => {
        if (!entry || typeof entry !== 'object') return entry;
        const e = entry as Json;
        // Claude-style groups: drop only our command from the group, keep the group's other hooks.
        if (Array.isArray(e.hooks) && e.command === undefined) {
          const inner = (e.hooks as unknown[]).filter((h) => !isPolicyHookCommand((h as Json | undefined)?.command));
          return inner.length ? { ...e, hooks: inner } : undefined;
        }
        return entryCommands(e).some(isPolicyHookCommand) ? undefined : e;
      })
      .filter((e) => e !== undefined);
    if (command) kept.push(entryFor(harness, event, command));
    if (kept.length) hooks[event] = kept;
    else delete hooks[event];
  }
  if (Object.keys(hooks).length) out.hooks = hooks;
  else delete out.hooks;
  return out;
}

/** Whether the configuration already runs the policy hook on every event it should. */
export function hasPolicyHooks(harness: Harness, config: Json): boolean {
  const hooks = config.hooks && typeof config.hooks === 'object' ? (config.hooks as Json) : {};
  return HOOK_EVENTS[harness].every((event) => Array.isArray(hooks[event]) && (hooks[event] as unknown[]).some((e) => entryCommands(e).some(isPolicyHookCommand)));
}

/**
 * Quotes one word for POSIX sh (and PowerShell, which accepts single quotes the same way for paths): bare when
 * nothing in it is special, unless `always`.
 */
export function shellQuote(word: string, always = false): string {
  return !always && /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command a harness runs. `runtime` is Node, or the editor's own runtime (Electron), which runs the
 * bundle as Node with ELECTRON_RUN_AS_NODE=1, so a machine with the editor but no Node can run the hook.
 */
export function hookCommand(harness: Harness, runtime: string, hookScript: string, electron: boolean): string {
  const cmd = `${shellQuote(runtime)} ${shellQuote(hookScript)} --harness ${harness}`;
  return electron ? `${ELECTRON_PREFIX}${cmd}` : cmd;
}
