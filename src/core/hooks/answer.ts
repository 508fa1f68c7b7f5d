// The hook's answer in the dialect of the harness that asked. An allowed call answers nothing (exit 0,
// no output), so the agent's own permission flow goes on unchanged.
import type { Decision } from './decisionTypes';
import type { HookRequest } from './request';

export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const SILENT: HookAnswer = { stdout: '', stderr: '', exitCode: 0 };

/** One message: what was blocked and why, what to do instead, where the policy says so. */
export function denialMessage(d: Decision): string {
  const parts = [`AI Tool Policy: ${d.reason ?? 'blocked by the policy'}.`];
  if (d.instead) parts.push(`Instead: ${d.instead}.`);
  if (d.link) parts.push(`Policy: ${d.link}`);
  return parts.join(' ');
}

function json(v: unknown): HookAnswer {
  return { stdout: JSON.stringify(v) + '\n', stderr: '', exitCode: 0 };
}

/** A post-tool answer (Claude Code, Codex, VS Code PostToolUse): the reason reaches the model; for MCP tools Claude Code replaces the output. */
function resultAnswer(req: HookRequest, message: string): HookAnswer {
  switch (req.harness) {
    case 'claude':
    case 'codex':
    case 'vscode':
      return json({
        decision: 'block',
        reason: message,
        hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: message, ...(req.harness === 'claude' && req.mcp ? { updatedMCPToolOutput: `[withheld by AI Tool Policy] ${message}` } : {}) },
      });
    default:
      // Copilot CLI's postToolUse and Cursor's after* hooks only observe: the exposure is recorded, nothing is answered.
      return SILENT;
  }
}

/** Asking a person: where the harness has no "ask", the call is denied with the same message (fail closed). */
function askAnswer(req: HookRequest, message: string): HookAnswer {
  switch (req.harness) {
    case 'claude':
    case 'vscode':
      return json({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'ask', permissionDecisionReason: message } });
    case 'cursor':
      return json({ permission: 'ask', user_message: message, agent_message: message });
    case 'codex':
      return json({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: `${message} (this agent cannot ask: run it yourself, or confirm in a harness that asks)` } });
    case 'copilot':
      return json({ permissionDecision: 'deny', permissionDecisionReason: `${message} (this agent cannot ask: run it yourself)` });
  }
}

export function answer(req: HookRequest, d: Decision): HookAnswer {
  if (d.verdict === 'allow') return SILENT;
  const message = denialMessage(d);
  if (req.kind === 'result') return resultAnswer(req, message);
  if (d.verdict === 'ask') return askAnswer(req, message);
  switch (req.harness) {
    case 'claude':
    case 'codex':
      // Claude Code and Codex: PreToolUse → hookSpecificOutput.permissionDecision; UserPromptSubmit → decision: block.
      if (req.kind === 'prompt') return json({ decision: 'block', reason: message });
      return json({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: message } });
    case 'vscode':
      // VS Code agent hooks: the same PreToolUse output; a prompt is stopped with the common `continue: false`.
      if (req.kind === 'prompt') return json({ continue: false, stopReason: message, systemMessage: message });
      return json({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: message } });
    case 'copilot':
      // Copilot CLI: preToolUse reads permissionDecision; the output of userPromptSubmitted is ignored, so a prompt
      // cannot be blocked there: the message goes to stderr and the denial is recorded.
      if (req.kind === 'prompt') return { stdout: '', stderr: message + '\n', exitCode: 0 };
      return json({ permissionDecision: 'deny', permissionDecisionReason: message });
    case 'cursor':
      if (req.kind === 'prompt') return json({ continue: false, user_message: message });
      return json({ permission: 'deny', user_message: message, agent_message: message });
  }
}
