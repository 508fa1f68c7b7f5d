// MCP servers from mcp.json, compared with the policy's approved servers.
import type { McpServerPolicy, Policy, PolicyException } from '../policy/types';
import { evaluateConditions, type ConditionContext } from './conditions';
import { withExceptions } from './exceptionStatus';
import { parseJsonc } from './jsonc';
import type { InventoryStatus } from './policyStatus';

export interface McpServerConfig {
  name: string;
  type: 'stdio' | 'http' | 'sse' | string;
  command?: string;
  args?: string[];
  url?: string;
}

export interface McpServerStatus extends McpServerConfig {
  status: InventoryStatus;
  owner?: string;
  dataClasses: string[];
  conditions: string[];
  reasons: string[];
  policyName?: string;
  /** Exceptions in force that approve the server or clear data classes for it here. */
  exceptions?: PolicyException[];
}

/** Parses an mcp.json text (`servers`, or `mcpServers` as other tools write it). Throws on invalid JSON. */
export function parseMcpConfig(text: string): McpServerConfig[] {
  const doc = parseJsonc(text) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') throw new Error('mcp.json is not a JSON object');
  const servers = (doc.servers ?? doc.mcpServers) as Record<string, Record<string, unknown>> | undefined;
  if (!servers || typeof servers !== 'object') return [];
  return Object.entries(servers)
    .filter(([, v]) => v && typeof v === 'object')
    .map(([name, v]) => {
      const command = typeof v.command === 'string' ? v.command : undefined;
      const url = typeof v.url === 'string' ? v.url : undefined;
      const args = Array.isArray(v.args) ? v.args.filter((a): a is string => typeof a === 'string') : undefined;
      const type = typeof v.type === 'string' ? v.type : url ? 'http' : 'stdio';
      return { name, type, command, args, url };
    });
}

function commandLine(s: McpServerConfig): string {
  return [s.command ?? '', ...(s.args ?? [])].join(' ').trim();
}
const trimUrl = (u: string) => u.trim().replace(/\/+$/, '').toLowerCase();

/** Whether the configured server is the one the policy entry approves (same command or URL, when the entry gives one). */
function sameServer(p: McpServerPolicy, s: McpServerConfig): string | undefined {
  if (p.command && p.command !== s.command && p.command !== commandLine(s)) {
    return `named like the policy's "${p.name}" but runs "${commandLine(s) || '(no command)'}", not "${p.command}"`;
  }
  if (p.url && (!s.url || trimUrl(p.url) !== trimUrl(s.url))) {
    return `named like the policy's "${p.name}" but points at ${s.url ?? '(no URL)'}, not ${p.url}`;
  }
  return undefined;
}

export function compareMcpServers(servers: McpServerConfig[], policy: Policy | undefined, ctx: ConditionContext): McpServerStatus[] {
  return servers.map((s) => withExceptions(listedStatus(s, policy, ctx), { mcpServer: s, policy, ctx }));
}

function listedStatus(s: McpServerConfig, policy: Policy | undefined, ctx: ConditionContext): McpServerStatus {
  const none = { dataClasses: [] as string[], conditions: [] as string[] };
  if (!policy) return { ...s, ...none, status: 'unlisted' as const, reasons: ['no policy is in force'] };
  const unlistedStatus: InventoryStatus = policy.mcp?.unlisted === 'prohibited' ? 'prohibited' : 'unlisted';
  const unlistedWhy = unlistedStatus === 'prohibited' ? 'the policy prohibits MCP servers it does not list' : 'not listed in the policy';
  const p = policy.mcp?.servers?.find((x) => x.name.toLowerCase() === s.name.toLowerCase());
  if (!p) return { ...s, ...none, status: unlistedStatus, reasons: [unlistedWhy] };
  const base = { ...s, owner: p.owner, dataClasses: p.dataClasses ?? [], policyName: p.name };
  const mismatch = sameServer(p, s);
  if (mismatch) return { ...base, conditions: [], status: unlistedStatus, reasons: [mismatch, unlistedWhy] };
  if (p.status === 'prohibited') return { ...base, conditions: [], status: 'prohibited', reasons: [`prohibited by the policy (server "${p.name}")`] };
  const cond = evaluateConditions(p.conditions, ctx);
  if (!cond.met) return { ...base, conditions: cond.summary, status: 'restricted', reasons: cond.unmet };
  return { ...base, conditions: cond.summary, status: 'approved', reasons: [`approved by the policy (server "${p.name}")`] };
}
