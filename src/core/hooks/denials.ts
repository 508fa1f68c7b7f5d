// The denials the hook gives, in words for the agent and the person watching it: what was blocked, why (the
// rule and the data class), what to do instead, and where the policy says so.
import path = require('node:path');
import type { Policy, PolicyTool } from '../policy/types';
import { findPolicyTool } from '../tools/policyStatus';
import type { Decision } from './decisionTypes';
import type { Harness } from './request';
import type { Sensitive } from './sensitiveFiles';

/** Identifiers under which a policy lists each harness's agent (the first match wins). */
export const HARNESS_IDENTIFIERS: Readonly<Record<Harness, readonly string[]>> = {
  claude: ['anthropic.claude-code', 'cli:claude', 'cli:claude-code'],
  codex: ['openai.chatgpt', 'cli:codex'],
  copilot: ['cli:copilot', 'github.copilot-chat', 'github.copilot'],
  vscode: ['vscode.chat.agent', 'vscode.chat', 'github.copilot-chat'],
  cursor: ['app:cursor', 'cli:cursor', 'cursor'],
};

export const HARNESS_NAMES: Readonly<Record<Harness, string>> = {
  claude: 'Claude Code',
  codex: 'Codex',
  copilot: 'GitHub Copilot CLI',
  vscode: 'VS Code agent',
  cursor: 'Cursor',
};

export function agentEntry(policy: Policy, harness: Harness): PolicyTool | undefined {
  for (const id of HARNESS_IDENTIFIERS[harness]) {
    const t = findPolicyTool(policy, [id]);
    if (t) return t;
  }
  return undefined;
}

export function agentName(policy: Policy, harness: Harness): string {
  return agentEntry(policy, harness)?.name ?? HARNESS_NAMES[harness];
}

export function sectionLink(policy: Policy, section: string): string | undefined {
  const url = policy.document?.url;
  return url ? `${url.replace(/#.*$/, '')}#${section}` : undefined;
}

const SECRET_INSTEAD = 'refer to the variable by its name (e.g. process.env.API_KEY or $API_KEY), not its value; ask a person to run commands that need the value';
const DATA_INSTEAD = 'work on a redacted or synthetic copy of the data, or ask a person to do this step';

export function dataInstead(classes: readonly string[]): string {
  return classes.includes('secret') ? SECRET_INSTEAD : DATA_INSTEAD;
}

export function fileDenial(policy: Policy, harness: Harness, file: string, s: Sensitive, subject: 'file' | 'shell' | 'prompt', how?: string): Decision {
  const name = path.basename(file);
  const classes = s.classes.join(', ');
  const doing = how ?? (subject === 'shell' ? `a command that reads ${name}` : subject === 'prompt' ? `attaching ${name}` : `reading ${name}`);
  return {
    verdict: 'deny',
    subject,
    rules: s.rules,
    classes: s.classes,
    file,
    reason: `${doing} is blocked: it holds ${classes} data (rule ${s.rules.join(', ')}), and ${agentName(policy, harness)} is not cleared for ${classes} under ${policy.organization}'s AI tool policy`,
    instead: dataInstead(s.classes),
    link: sectionLink(policy, 'data-handling'),
  };
}
