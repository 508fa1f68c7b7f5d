// The hook's decision: the same policy core and the same detector as the editor, applied to what an agent
// is about to read, run, call or send. No second rule set: data classes come from the scanner's findings,
// clearances from the policy's tool entries, MCP verdicts from the policy's `mcp` section.
import { statSync } from 'node:fs';
import path = require('node:path');
import type { McpServerPolicy, Policy, PolicyTool } from '../policy/types';
import type { Scanner } from '../scan/scanner';
import { findPolicyTool } from '../tools/policyStatus';
import type { Harness, HookRequest } from './request';
import { shellReads } from './shell';

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

export type Verdict = 'allow' | 'deny';

export interface Decision {
  verdict: Verdict;
  /** What was judged: a file read, a shell command, an MCP tool, a prompt, or the agent itself. */
  subject?: 'file' | 'shell' | 'environment' | 'mcp' | 'prompt' | 'tool';
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

export interface DecideContext {
  policy: Policy;
  scanner: Scanner;
  /** Largest file read for a content scan. */
  maxBytes?: number;
}

const ALLOW: Decision = { verdict: 'allow', rules: [], classes: [] };

function agentEntry(policy: Policy, harness: Harness): PolicyTool | undefined {
  for (const id of HARNESS_IDENTIFIERS[harness]) {
    const t = findPolicyTool(policy, [id]);
    if (t) return t;
  }
  return undefined;
}

function sectionLink(policy: Policy, section: string): string | undefined {
  const url = policy.document?.url;
  return url ? `${url.replace(/#.*$/, '')}#${section}` : undefined;
}

function agentName(policy: Policy, harness: Harness): string {
  return agentEntry(policy, harness)?.name ?? HARNESS_NAMES[harness];
}

interface Sensitive {
  rules: string[];
  classes: string[];
}

/** Findings of classes the agent is not cleared for in one file, by path rules and by content. */
function sensitiveFile(file: string, cwd: string, cleared: readonly string[], ctx: DecideContext): Sensitive | undefined {
  let isFile = false;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return undefined;
    isFile = st.isFile();
  } catch {
    // A file that does not exist yet can still be sensitive by its name (writing a new .env).
  }
  const rel = path.relative(cwd, file);
  const relPath = (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
  let findings: { ruleId: string; dataClass: string }[];
  try {
    findings = isFile ? ctx.scanner.scanFileSync(file, relPath, ctx.maxBytes).findings : ctx.scanner.paths.match(relPath);
  } catch {
    findings = ctx.scanner.paths.match(relPath);
  }
  const bad = findings.filter((f) => !cleared.includes(f.dataClass));
  if (!bad.length) return undefined;
  return { rules: [...new Set(bad.map((f) => f.ruleId))].sort(), classes: [...new Set(bad.map((f) => f.dataClass))].sort() };
}

function mcpServer(policy: Policy, mcp: NonNullable<HookRequest['mcp']>): McpServerPolicy | undefined {
  const servers = policy.mcp?.servers ?? [];
  const byName = mcp.server ? servers.find((s) => s.name.toLowerCase() === mcp.server.toLowerCase()) : undefined;
  if (byName) return byName;
  return servers.find((s) => (mcp.url && s.url && s.url === mcp.url) || (mcp.command && s.command && mcp.command.startsWith(s.command)));
}

function judgeMcp(req: HookRequest, policy: Policy): Decision | undefined {
  if (!req.mcp) return undefined;
  const server = mcpServer(policy, req.mcp);
  const label = req.mcp.server || req.mcp.url || req.mcp.command || 'this MCP server';
  const link = sectionLink(policy, 'mcp');
  if (server?.status === 'prohibited') {
    return {
      verdict: 'deny',
      subject: 'mcp',
      rules: ['mcp-prohibited'],
      classes: [],
      reason: `the MCP server "${server.name}" is prohibited by ${policy.organization}'s AI tool policy${server.notes ? ` (${server.notes})` : ''}`,
      instead: `use an approved MCP server; ask ${server.owner} if you need this one`,
      link,
    };
  }
  if (!server && policy.mcp?.unlisted === 'prohibited' && (req.mcp.server || req.mcp.url || req.mcp.command)) {
    return {
      verdict: 'deny',
      subject: 'mcp',
      rules: ['mcp-unlisted'],
      classes: [],
      reason: `the MCP server "${label}" is not listed in ${policy.organization}'s AI tool policy, which prohibits unlisted servers`,
      instead: `use a listed MCP server, or ask ${policy.contact} to review this one`,
      link,
    };
  }
  return undefined;
}

function fileDenial(policy: Policy, harness: Harness, file: string, s: Sensitive, subject: 'file' | 'shell' | 'prompt'): Decision {
  const name = path.basename(file);
  const classes = s.classes.join(', ');
  const doing = subject === 'shell' ? `a command that reads ${name}` : subject === 'prompt' ? `attaching ${name}` : `reading ${name}`;
  return {
    verdict: 'deny',
    subject,
    rules: s.rules,
    classes: s.classes,
    file,
    reason: `${doing} is blocked: it holds ${classes} data (rule ${s.rules.join(', ')}), and ${agentName(policy, harness)} is not cleared for ${classes} under ${policy.organization}'s AI tool policy`,
    instead: s.classes.includes('secret')
      ? 'refer to the variable by its name (e.g. process.env.API_KEY or $API_KEY), not its value; ask a person to run commands that need the value'
      : 'work on a redacted or synthetic copy of the data, or ask a person to do this step',
    link: sectionLink(policy, 'data-handling'),
  };
}

/** Decides one hook request. Allowed requests get an `allow` with no reason. */
export function decide(req: HookRequest, ctx: DecideContext): Decision {
  const { policy } = ctx;
  if (req.kind === 'other') return ALLOW;
  const entry = agentEntry(policy, req.harness);
  if (entry?.status === 'prohibited') {
    return {
      verdict: 'deny',
      subject: 'tool',
      rules: ['tool-prohibited'],
      classes: [],
      reason: `${entry.name} is prohibited by ${policy.organization}'s AI tool policy`,
      instead: `use an approved AI tool${entry.requestAccess ? `, or request access: ${entry.requestAccess}` : ''}`,
      link: sectionLink(policy, 'tools'),
    };
  }
  const cleared = entry?.dataClasses ?? [];
  const mcp = judgeMcp(req, policy);
  if (mcp) return mcp;

  const subject = req.kind === 'prompt' ? 'prompt' : 'file';
  for (const file of req.files) {
    const s = sensitiveFile(file, req.cwd, cleared, ctx);
    if (s) return fileDenial(policy, req.harness, file, s, subject);
  }
  for (const command of req.commands) {
    const reads = shellReads(command);
    for (const f of reads.files) {
      const s = sensitiveFile(path.resolve(req.cwd, f), req.cwd, cleared, ctx);
      if (s) return fileDenial(policy, req.harness, path.resolve(req.cwd, f), s, 'shell');
    }
    if (reads.dumpsEnvironment && !cleared.includes('secret')) {
      return {
        verdict: 'deny',
        subject: 'environment',
        rules: ['shell-environment-dump'],
        classes: ['secret'],
        reason: `the command prints the environment, which holds secrets, and ${agentName(policy, req.harness)} is not cleared for secret data under ${policy.organization}'s AI tool policy`,
        instead: 'print only the variables you need by name without their values (e.g. `printenv | cut -d= -f1`), or ask a person to run it',
        link: sectionLink(policy, 'data-handling'),
      };
    }
  }
  for (const text of req.texts) {
    if (!text) continue;
    const findings = ctx.scanner.scanText(text).findings.filter((f) => !cleared.includes(f.dataClass));
    if (findings.length) {
      const classes = [...new Set(findings.map((f) => f.dataClass))].sort();
      return {
        verdict: 'deny',
        subject: 'prompt',
        rules: [...new Set(findings.map((f) => f.ruleId))].sort(),
        classes,
        reason: `the prompt holds ${classes.join(', ')} data (${[...new Set(findings.map((f) => f.ruleName))].join(', ')}), and ${agentName(policy, req.harness)} is not cleared for it under ${policy.organization}'s AI tool policy`,
        instead: classes.includes('secret') ? 'remove the value and refer to it by its variable name' : 'remove or redact the personal data before sending',
        link: sectionLink(policy, 'data-handling'),
      };
    }
  }
  return ALLOW;
}
