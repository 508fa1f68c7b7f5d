// What each agent's OpenTelemetry export means, as its vendor documents it (written from the documented
// formats: no docs were fetched while writing this; the fixtures in test/unit/server/fixtures/otlp/ cite
// the pages):
//   Claude Code: "Monitoring" (code.claude.com/docs/en/monitoring-usage): metrics claude_code.*, log events
//     with event.name user_prompt, tool_result, tool_decision, api_request, api_error; service.name claude-code.
//   Codex: docs/config.md, section "otel": log events codex.conversation_starts, codex.user_prompt,
//     codex.tool_decision, codex.tool_result, codex.api_request, codex.sse_event; service.name codex_cli_rs.
//   Gemini CLI: docs/telemetry.md: metrics gemini_cli.*, log events gemini_cli.user_prompt, gemini_cli.tool_call,
//     gemini_cli.api_request, gemini_cli.api_response; service.name gemini-cli.
//   OpenTelemetry GenAI semantic conventions: gen_ai.client.token.usage, gen_ai.client.operation.duration,
//     gen_ai.* events; used for any other sender (GitHub Copilot CLI included) under its service.name.
import type { UsageField } from '../usage/fields';
import { otelTool } from '../usage/tools';
import type { Attrs } from './attributes';
import { label } from './attributes';

export const CLAUDE = 'anthropic.claude-code';
export const CODEX = 'openai.chatgpt';
export const GEMINI = 'cli:gemini';
export const COPILOT = 'cli:copilot';

const PREFIXES: [string, string][] = [
  ['claude_code.', CLAUDE],
  ['codex.', CODEX],
  ['gemini_cli.', GEMINI],
  ['github.copilot.', COPILOT],
  ['copilot.', COPILOT],
];

/** The tool a resource's service.name names, or undefined. */
export function serviceTool(resource: Attrs): string | undefined {
  const service = label(resource, 'service.name');
  if (!service) return undefined;
  if (service.startsWith('claude-code') || service === 'claude_code') return CLAUDE;
  if (service.includes('codex')) return CODEX;
  if (service.startsWith('gemini-cli') || service.startsWith('gemini_cli')) return GEMINI;
  if (service.includes('copilot')) return COPILOT;
  return undefined;
}

/** The tool and the bare name of a metric or event (its vendor prefix removed). */
export function splitName(name: string, resource: Attrs): { tool: string | undefined; name: string } {
  for (const [prefix, tool] of PREFIXES) if (name.startsWith(prefix)) return { tool, name: name.slice(prefix.length) };
  if (name.startsWith('gen_ai.')) return { tool: serviceTool(resource) ?? otelTool(label(resource, 'service.name') ?? 'unknown'), name };
  return { tool: serviceTool(resource), name };
}

/** What a metric data point adds: the figure (by the point's attributes), and whether a histogram counts its `count` or its `sum`. */
export function metricField(name: string, a: Attrs): { field: UsageField; histogram?: 'count' | 'sum' } | undefined {
  const type = label(a, 'type', 'gen_ai.token.type');
  switch (name) {
    case 'session.count':
      return { field: 'sessions' };
    case 'lines_of_code.count':
    case 'lines.changed':
      return type === 'removed' ? { field: 'linesRemoved' } : type === 'added' || type === undefined ? { field: 'linesAdded' } : undefined;
    case 'commit.count':
      return { field: 'commits' };
    case 'pull_request.count':
      return { field: 'pullRequests' };
    case 'token.usage':
    case 'gen_ai.client.token.usage':
      return { field: tokenField(type), histogram: 'sum' };
    case 'cost.usage':
      return { field: 'costUsd' };
    case 'active_time.total':
      return { field: 'activeSeconds' };
    case 'code_edit_tool.decision':
      return { field: label(a, 'decision') === 'reject' ? 'editsRejected' : 'editsAccepted' };
    case 'tool.call.count':
      return { field: 'toolCalls' };
    case 'api.request.count':
      return { field: 'apiRequests' };
    case 'gen_ai.client.operation.duration':
      return { field: 'apiRequests', histogram: 'count' };
    default:
      return undefined;
  }
}

function tokenField(type: string | undefined): UsageField {
  if (type === 'output' || type === 'thought') return 'tokensOutput';
  if (type && type.startsWith('cache')) return 'tokensCache';
  return 'tokensInput';
}

const DENIED = new Set(['reject', 'rejected', 'deny', 'denied', 'abort', 'block', 'blocked']);

/** What a log event adds (counts, and the token and cost figures some events carry), or undefined when it counts nothing. */
/**
 * The largest figure one log record or data point may carry (tokens, cost, counts): far beyond any real request,
 * and small enough that sums over years stay finite (two values near the float maximum would sum to Infinity).
 */
export const MAX_FIGURE = 1e12;

export function eventFigures(name: string, a: Attrs): Partial<Record<UsageField, number>> | undefined {
  const n = (k: string): number => {
    const v = a.get(k);
    const x = typeof v === 'string' ? Number(v) : v;
    return typeof x === 'number' && Number.isFinite(x) && x > 0 && x <= MAX_FIGURE ? x : 0;
  };
  switch (name) {
    case 'user_prompt':
    case 'gen_ai.user.message':
      return { prompts: 1 };
    case 'tool_result':
      // Its decision is also logged as tool_decision, which counts the denial.
      return { toolCalls: 1 };
    case 'tool_call':
      // Gemini CLI logs the decision on the call itself.
      return { toolCalls: 1, ...(DENIED.has(label(a, 'decision') ?? '') ? { denials: 1 } : {}) };
    case 'tool_decision':
      return DENIED.has(label(a, 'decision') ?? '') ? { denials: 1 } : {};
    case 'api_request':
      return { apiRequests: 1, tokensInput: n('input_tokens'), tokensOutput: n('output_tokens'), tokensCache: n('cache_read_tokens') + n('cache_creation_tokens'), costUsd: n('cost_usd') };
    case 'api_response':
      return { tokensInput: n('input_token_count'), tokensOutput: n('output_token_count') + n('thoughts_token_count'), tokensCache: n('cached_content_token_count') };
    case 'sse_event':
      return label(a, 'event.kind') === 'response.completed' ? { tokensInput: n('input_token_count'), tokensOutput: n('output_token_count'), tokensCache: n('cached_token_count') } : {};
    case 'conversation_starts':
      return { sessions: 1 };
    case 'gen_ai.choice':
      return { apiRequests: 1 };
    default:
      return undefined;
  }
}
