// The hook's decision: the same policy core and the same detector as the editor, applied to where data flows
// when an agent reads, runs, calls, sends or receives. No second rule set: data classes come from the
// scanner's findings, clearances from the policy's tool and MCP entries, conditions from the same
// evaluation the editor's tool inventory uses (policyStatus, compareMcpServers).
import os = require('node:os');
import path = require('node:path');
import type { Policy } from '../policy/types';
import type { Scanner } from '../scan/scanner';
import type { ConditionContext } from '../tools/conditions';
import { compareMcpServers, type McpServerStatus } from '../tools/mcp';
import { policyStatus } from '../tools/policyStatus';
import { ALLOW, type Decision } from './decisionTypes';
import { decodedViews } from './decodedViews';
import { agentName, dataInstead, fileDenial, HARNESS_IDENTIFIERS, sectionLink } from './denials';
import { judgeCommand, judgeTree, searchTree } from './judgeCommand';
import type { HookRequest } from './request';
import { SensitiveFiles } from './sensitiveFiles';
import { whereAgentRuns } from './workspace';
import { namesOnlyOwnHome, withoutOwnHome } from './ownHome';

/** Where a denied developer asks for an exception (the editor's command; the review queue decides). */
const REQUEST_EXCEPTION = 'or request an exception: run "AI Policy: Request an Exception" in VS Code';

export { HARNESS_IDENTIFIERS, HARNESS_NAMES } from './denials';
export type { Decision, Verdict } from './decisionTypes';

export interface DecideContext {
  policy: Policy;
  scanner: Scanner;
  /** Largest file read for a content scan. */
  maxBytes?: number;
  /** The environment the agent's commands run in (the hook's own). */
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Content verdicts kept between calls. */
  cacheFile?: string;
  /** When folder walks stop (ms since epoch): the hook answers within a second. */
  deadline?: number;
  /** Where the agent runs (workspace folder, Git remotes): computed on demand when not given. */
  where?: ConditionContext;
  /**
   * Who runs the agent: the developer id as audit events carry it and the teams the managed configuration
   * gives. A person's or a team's exception applies to them only; unknown, it applies to nobody.
   */
  who?: { developer?: string; teams?: string[] };
}

const WRITE_TOOL = /^(write|edit|multiedit|notebookedit|editfiles|create_file|write_file|edit_file|apply_patch|replace_string_in_file|insert_edit_into_file)$/i;
/** Bytes of a tool's output, or of file content the harness sends, that are scanned. */
const RESULT_BYTES = 2 * 1024 * 1024;
const NETWORK_TOOL = /^(webfetch|websearch|web_fetch|web_search|fetch|fetch_webpage)$/i;

/** Server names as VS Code writes them in a tool's name (lower case; other than letters, digits, `-` and `_` as `_`). */
const toolNamePart = (name: string): string => name.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

/**
 * VS Code's `mcp_server_tool`: the listed server whose name the tool's name starts with (the longest, so that
 * `legacy-crm` wins over `legacy`); unlisted, the part before the first `_`.
 */
function vscodeServer(m: NonNullable<HookRequest['mcp']>, policy: Policy): NonNullable<HookRequest['mcp']> {
  if (!m.qualified) return m;
  const q = m.qualified.toLowerCase();
  const names = [...(policy.mcp?.servers ?? []).map((s) => s.name), ...(policy.exceptions?.granted ?? []).flatMap((e) => (e.what.mcpServer ? [e.what.mcpServer] : []))];
  const listed = names.filter((n) => q.startsWith(`${toolNamePart(n)}_`)).sort((a, b) => b.length - a.length)[0];
  return listed ? { ...m, server: listed, tool: m.qualified.slice(listed.length + 1) } : m;
}

function mcpStatus(req: HookRequest, policy: Policy, where: () => ConditionContext): McpServerStatus | undefined {
  const m = req.mcp && vscodeServer(req.mcp, policy);
  if (!m || !(m.server || m.url || m.command)) return undefined;
  const trim = (u: string) => u.trim().replace(/\/+$/, '').toLowerCase();
  // A server the policy lists only through an exception is known by the command or URL the exception pins.
  const excepted = (policy.exceptions?.granted ?? []).flatMap((e) => (e.what.mcpServer ? [{ name: e.what.mcpServer, command: e.what.command, url: e.what.url }] : []));
  const servers = [...(policy.mcp?.servers ?? []), ...excepted];
  const entry = servers.find((s) => m.server && s.name.toLowerCase() === m.server.toLowerCase()) ?? servers.find((s) => (m.url && s.url && trim(s.url) === trim(m.url)) || (m.command && s.command && m.command.startsWith(s.command)));
  // The harness names the server; its URL or command is compared when the harness gives one.
  const config = { name: entry?.name ?? m.server ?? m.url ?? m.command ?? '', type: m.url ? 'http' : 'stdio', url: m.url ?? entry?.url, command: m.command ? m.command.split(' ')[0] : entry?.command, args: m.command ? m.command.split(' ').slice(1) : undefined };
  if (m.command && entry?.command && m.command.startsWith(entry.command)) config.command = entry.command;
  if (m.command && entry?.command && m.command === entry.command) config.args = undefined;
  return compareMcpServers([config], policy, where())[0];
}

function judgeMcp(req: HookRequest, policy: Policy, status: McpServerStatus | undefined): Decision | undefined {
  if (!status || status.status === 'approved' || (status.status === 'unlisted' && policy.mcp?.unlisted !== 'prohibited')) return undefined;
  const label = status.policyName ?? status.name ?? 'this MCP server';
  const rule = status.status === 'restricted' ? 'mcp-condition' : status.policyName && status.reasons.some((r) => /^prohibited/.test(r)) ? 'mcp-prohibited' : 'mcp-unlisted';
  return {
    verdict: 'deny',
    subject: 'mcp',
    rules: [rule],
    classes: [],
    reason: `the MCP server "${label}" is ${rule === 'mcp-condition' ? 'approved only under conditions that do not hold here' : rule === 'mcp-prohibited' ? 'prohibited' : 'not approved'} under ${policy.organization}'s AI tool policy (${status.reasons.join('; ')})`,
    instead: `use an approved MCP server${status.owner ? `; ask ${status.owner} if you need this one` : `, or ask ${policy.contact} to review this one`}; ${REQUEST_EXCEPTION}`,
    link: sectionLink(policy, 'mcp'),
  };
}

function confirmation(req: HookRequest, policy: Policy): Decision | undefined {
  const needs = policy.mcp?.agents?.requireConfirmation ?? [];
  const bare = (req.tool ?? '').replace(/^.*[.:/]/, '');
  const what = needs.includes('terminal') && req.commands.length ? 'terminal' : needs.includes('file-write') && WRITE_TOOL.test(bare) ? 'file-write' : needs.includes('network') && (NETWORK_TOOL.test(bare) || req.mcp) ? 'network' : undefined;
  // Claude Code asks a person by itself in its default and plan modes: a second question adds nothing there.
  if (!what || req.permissionMode === 'default' || req.permissionMode === 'plan') return undefined;
  return {
    verdict: 'ask',
    subject: 'confirmation',
    rules: [`require-confirmation-${what}`],
    classes: [],
    reason: `${policy.organization}'s AI tool policy asks a person to confirm ${what === 'terminal' ? 'terminal commands' : what === 'file-write' ? 'file edits' : 'network calls'} run by an agent`,
    link: sectionLink(policy, 'mcp'),
  };
}

/** What a text holds: a scanner finding, or the value of a secret in the agent's environment. */
type Hit = { ruleId: string; ruleName: string; dataClass: string };

/** A value of the environment the agent runs in that the scanner marks as data when read as NAME=value. */
interface EnvValue {
  value: string;
  reversed: string;
  hit: Hit;
}

/**
 * The environment's values that hold data (the agent's commands run with them: an agent can copy one into what
 * it sends), to look for as they are: a key with no prefix of its own (an AWS secret) is found outside its
 * `NAME=` context. Short values are left out: they are not keys, and would be found in ordinary text.
 */
function environmentValues(ctx: DecideContext, home: string): EnvValue[] {
  const out: EnvValue[] = [];
  for (const [name, value] of Object.entries(ctx.env ?? process.env)) {
    if (!value || value.length < 12 || value.length > 4096) continue;
    const f = ctx.scanner.scanText(`${name}=${value}`).findings;
    if (!f.length || namesOnlyOwnHome(f.map((x) => x.ruleId), value, home)) continue;
    out.push({ value, reversed: [...value].reverse().join(''), hit: { ruleId: f[0].ruleId, ruleName: `the value of $${name}`, dataClass: f[0].dataClass } });
  }
  return out;
}

/** Finds data in text an agent sends: in the text and in what it decodes to (decodedViews), and the environment's values. */
class TextJudge {
  private envValues: EnvValue[] | undefined;

  constructor(private readonly ctx: DecideContext, private readonly cwd: string, private readonly home: string) {}

  hits(text: string): Hit[] {
    const views = decodedViews(text);
    const hits: Hit[] = views.flatMap((v) => withoutOwnHome(this.ctx.scanner.scanText(v).findings, v, this.home, this.cwd));
    this.envValues ??= environmentValues(this.ctx, this.home);
    for (const e of this.envValues) if (views.some((v) => v.includes(e.value) || v.includes(e.reversed))) hits.push(e.hit);
    return hits;
  }
}

/** Text leaving the agent (web, MCP server, sub-agent, other tools), against what that destination may receive. */
function judgeOutbound(req: HookRequest, ctx: DecideContext, texts: TextJudge, agentCleared: readonly string[], mcp: McpServerStatus | undefined): Decision | undefined {
  const out = req.outbound;
  if (!out?.texts.length) return undefined;
  const cleared = out.destination === 'web' ? [] : out.destination === 'mcp' ? mcp?.dataClasses ?? [] : agentCleared;
  const findings = out.texts.flatMap((t) => (t.length > 2 ? texts.hits(t) : [])).filter((f) => !cleared.includes(f.dataClass));
  if (!findings.length) return undefined;
  const classes = [...new Set(findings.map((f) => f.dataClass))].sort();
  const rules = [...new Set(findings.map((f) => f.ruleId))].sort();
  const to = out.destination === 'web' ? 'a web request' : out.destination === 'mcp' ? `the MCP server "${mcp?.policyName ?? req.mcp?.server ?? ''}"` : out.destination === 'subagent' ? 'a sub-agent' : `the tool ${req.tool ?? ''}`;
  return {
    verdict: 'deny',
    subject: 'outbound',
    rules,
    classes,
    reason: `the call sends ${classes.join(', ')} data (rule ${rules.join(', ')}) to ${to}, which is not cleared for it under ${ctx.policy.organization}'s AI tool policy`,
    instead: out.destination === 'mcp' ? `${dataInstead(classes)}; or use a server cleared for ${classes.join(', ')}; ${REQUEST_EXCEPTION}` : dataInstead(classes),
    link: sectionLink(ctx.policy, out.destination === 'mcp' ? 'mcp' : 'data-handling'),
  };
}

/** Decides one hook request. Allowed requests get an `allow` with no reason. */
export function decide(req: HookRequest, ctx: DecideContext): Decision {
  const { policy } = ctx;
  if (req.kind === 'other') return ALLOW;
  const now = new Date();
  const who = { developer: ctx.who?.developer ?? ctx.where?.developer, teams: ctx.who?.teams ?? ctx.where?.teams };
  let where: ConditionContext | undefined;
  const whereNow = (): ConditionContext => (where ??= { ...(ctx.where ?? whereAgentRuns(req.cwd)), ...who, now });
  const agent = policyStatus([...HARNESS_IDENTIFIERS[req.harness]], policy, { get workspaceFolders() { return whereNow().workspaceFolders; }, get repositories() { return whereNow().repositories; }, ...who, now });
  if (agent.status === 'prohibited' || (agent.status === 'restricted' && agent.tool)) {
    const prohibited = agent.status === 'prohibited';
    return {
      verdict: 'deny',
      subject: 'tool',
      rules: [prohibited ? 'tool-prohibited' : 'tool-condition'],
      classes: [],
      reason: `${agent.tool?.name ?? agentName(policy, req.harness)} is ${prohibited ? 'prohibited' : 'approved only under conditions that do not hold here'} by ${policy.organization}'s AI tool policy${prohibited ? '' : ` (${agent.reasons.join('; ')})`}`,
      instead: `use an approved AI tool${agent.requestAccess ? `, or request access: ${agent.requestAccess}` : ''}; ${REQUEST_EXCEPTION}`,
      link: sectionLink(policy, 'tools'),
    };
  }
  const cleared = agent.dataClasses;
  const mcp = mcpStatus(req, policy, whereNow);
  const mcpDenial = judgeMcp(req, policy, mcp);
  if (mcpDenial) return mcpDenial;
  const files = new SensitiveFiles({ scanner: () => ctx.scanner, cwd: req.cwd, home: ctx.home ?? os.homedir(), cleared, maxBytes: ctx.maxBytes, cacheFile: ctx.cacheFile, deadline: ctx.deadline });
  const c = { policy, harness: req.harness, cwd: req.cwd, home: ctx.home ?? os.homedir(), env: ctx.env ?? process.env, files, cleared };

  if (req.kind === 'result') return judgeResult(req, ctx, files);
  const subject = req.kind === 'prompt' ? 'prompt' : 'file';
  for (const file of req.files) {
    const s = files.file(file) ?? (subject === 'file' ? undefined : files.name(path.relative(req.cwd, file)));
    if (s) return fileDenial(policy, req.harness, file, s, subject);
  }
  const sent = req.content ? files.text(req.content.slice(0, RESULT_BYTES)) : undefined;
  if (sent) return fileDenial(policy, req.harness, req.files[0] ?? 'the file', sent, 'file');
  for (const search of req.searches ?? []) {
    const d = judgeTree(searchTree(search.include), search.path, c);
    if (d) return d;
  }
  for (const command of req.commands) {
    const d = judgeCommand(command, c);
    if (d) return d;
  }
  const texts = new TextJudge(ctx, req.cwd, ctx.home ?? os.homedir());
  const out = judgeOutbound(req, ctx, texts, cleared, mcp);
  if (out) return out;
  for (const text of req.texts) {
    if (!text) continue;
    const findings = texts.hits(text).filter((f) => !cleared.includes(f.dataClass));
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
  return confirmation(req, policy) ?? ALLOW;
}

/** After a tool ran: does its output hold data the agent is not cleared for? */
function judgeResult(req: HookRequest, ctx: DecideContext, files: SensitiveFiles): Decision {
  const s = req.output ? files.text(req.output.slice(0, RESULT_BYTES)) : undefined;
  if (!s) return ALLOW;
  return {
    verdict: 'deny',
    subject: 'result',
    rules: s.rules,
    classes: s.classes,
    reason: `the output of ${req.tool ?? 'the tool'} holds ${s.classes.join(', ')} data (rule ${s.rules.join(', ')}), and ${agentName(ctx.policy, req.harness)} is not cleared for it under ${ctx.policy.organization}'s AI tool policy: do not repeat, store or send it`,
    instead: dataInstead(s.classes),
    link: sectionLink(ctx.policy, 'data-handling'),
  };
}
