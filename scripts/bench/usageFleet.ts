// The synthetic organization of the usage benchmark: D developers in 10 teams over N days. Each developer
// sends one inventory a day (two tools, with the days each was active while editing); on weekdays a third
// use Claude Code (its per-minute metrics summed per day, as the rollups keep them, plus the hooks'
// activity), a seventh also an unlisted agent (Codex), and each week some pull requests are checked.
import { randomUUID } from 'node:crypto';
import type { UsageBatch, UsageDelta } from '../../src/server/usage/fields';
import type { IncomingEvent } from '../../src/server/validate';

export const DAY_MS = 86_400_000;
export const START = Date.UTC(2026, 0, 5); // a Monday

const iso = (ms: number): string => new Date(ms).toISOString();
const weekday = (day: number): boolean => (new Date(day * DAY_MS).getUTCDay() + 6) % 7 < 5;
const dev = (i: number): string => `dev${i}@example.com`;

/** The events of one day (inventories, hook activity, pull requests) for all developers. */
export function dayEvents(d: number, developers: number): IncomingEvent[] {
  const day = Math.floor(START / DAY_MS) + d;
  const at = day * DAY_MS + 9 * 3600_000;
  const ymd = (x: number): string => iso(x * DAY_MS).slice(0, 10);
  const out: IncomingEvent[] = [];
  for (let i = 0; i < developers; i++) {
    const works = weekday(day) && (i + d) % 10 !== 0;
    const active = works ? [ymd(day - 1), ymd(day)] : [ymd(day - 1)];
    const tools = [
      { id: 'github.copilot-chat', name: 'GitHub Copilot Chat', status: 'approved', enabled: true, active: true, activeDays: i % 2 ? active : [] },
      { id: i % 5 ? 'github.copilot' : 'acme.ai-helper', name: i % 5 ? 'GitHub Copilot' : 'Acme AI Helper', status: i % 5 ? 'approved' : 'unlisted', enabled: true, active: true, activeDays: active },
    ];
    out.push(ev('inventory', i, at + (i % 3600) * 1000, { reason: 'interval', tools }));
    if (works && i % 3 === 0) out.push(ev('agent.activity', i, at + 3600_000, { day: ymd(day), harness: 'claude', sessions: 2, toolCalls: 30 + (i % 20), prompts: 8, denials: i % 4 ? 0 : 1, auditDenials: 0 }));
    if (works && i % 11 === 0) {
      out.push(ev('disclosure.pr', i, at + 7200_000, { repoHash: `sha256:${(i % 40).toString(16).padStart(64, '0')}`, pr: d * 1000 + i, provider: 'github', commits: 4, assistedCommits: i % 2 ? 2 : 0, tools: i % 2 ? ['claude'] : [], prDisclosed: true, result: 'pass', problems: [] }));
    }
  }
  return out;
}

/** One day of OTLP usage (Claude Code metrics and Codex events summed per day) for all developers. */
export function dayUsage(d: number, developers: number): UsageBatch {
  const day = Math.floor(START / DAY_MS) + d;
  const deltas: UsageDelta[] = [];
  for (let i = 0; i < developers; i++) {
    if (!weekday(day) || (i + d) % 10 === 0) continue;
    if (i % 3 === 0) {
      deltas.push({ day, developer: dev(i), tool: 'anthropic.claude-code', source: 'otlp-metric', figures: { sessions: 2, linesAdded: 150 + (i % 50), linesRemoved: 40, commits: 2, pullRequests: i % 5 ? 0 : 1, tokensInput: 90_000, tokensOutput: 20_000, tokensCache: 400_000, costUsd: 3.5, activeSeconds: 3600, editsAccepted: 12, editsRejected: 1 } });
    }
    if (i % 7 === 0) deltas.push({ day, developer: dev(i), tool: 'openai.chatgpt', source: 'otlp-log', figures: { sessions: 1, prompts: 6, toolCalls: 25, denials: 1, apiRequests: 30, tokensInput: 50_000, tokensOutput: 9_000 } });
  }
  return { deltas, cumulative: [], counters: { 'otlp:metrics-requests': deltas.length * 480 } };
}

function ev(type: string, i: number, at: number, data: Record<string, unknown>): IncomingEvent {
  return { id: randomUUID(), type: type as IncomingEvent['type'], time: iso(at), developer: dev(i), machine: `m${i}`, editor: { name: 'Visual Studio Code', version: '1.99.0' }, extensionVersion: '0.1.0', policyVersion: 3, data };
}

/** A roster of 10 teams. */
export function rosterCsv(developers: number): string {
  return 'developer,team\n' + Array.from({ length: developers }, (_, i) => `${dev(i)},team-${i % 10}\n`).join('');
}

/** One developer's Claude Code metrics export of one minute (protobuf-ready OTLP JSON shape). */
export function minuteExport(i: number, minute: number): Record<string, unknown> {
  const t = String(BigInt(START + minute * 60_000) * 1_000_000n);
  const s = String(BigInt(START + (minute - 1) * 60_000) * 1_000_000n);
  const attrs = (extra: Record<string, string>) => [{ key: 'user.email', value: { stringValue: dev(i) } }, { key: 'session.id', value: { stringValue: `s-${i}` } }, ...Object.entries(extra).map(([key, v]) => ({ key, value: { stringValue: v } }))];
  const sum = (name: string, points: [number, Record<string, string>][]) => ({ name, sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: points.map(([v, a]) => ({ startTimeUnixNano: s, timeUnixNano: t, asDouble: v, attributes: attrs(a) })) } });
  return {
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'claude-code' } }] },
        scopeMetrics: [
          {
            scope: { name: 'com.anthropic.claude_code' },
            metrics: [
              sum('claude_code.token.usage', [[1200, { type: 'input', model: 'm' }], [300, { type: 'output', model: 'm' }], [9000, { type: 'cacheRead', model: 'm' }]]),
              sum('claude_code.cost.usage', [[0.05, { model: 'm' }]]),
              sum('claude_code.lines_of_code.count', [[5, { type: 'added' }], [2, { type: 'removed' }]]),
              sum('claude_code.active_time.total', [[40, {}]]),
              sum('claude_code.code_edit_tool.decision', [[1, { tool: 'Edit', decision: 'accept', language: 'TypeScript' }]]),
            ],
          },
        ],
      },
    ],
  };
}
