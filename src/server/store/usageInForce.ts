// The usage-in-force read (AuditStore.usageInForce) as the stores run it: each query expanded into one
// (key, developer, tool, first day, last day) tuple per developer and tool, joined with the daily usage rows
// in one statement (SQLite: a JSON array; PostgreSQL: arrays unnested) and folded per key in SQL.
import type { UsageInForce, UsageInForceQuery } from './types';

export type UsageTuple = [key: string, developer: string, tool: string, fromDay: number, untilDay: number];

export function usageTuples(queries: readonly UsageInForceQuery[]): UsageTuple[] {
  const out: UsageTuple[] = [];
  for (const q of queries) for (const developer of new Set(q.developers)) for (const tool of new Set(q.tools)) out.push([q.key, developer, tool, q.fromDay, q.untilDay]);
  return out;
}

/** A row as both stores return it: the sources comma-joined (source names hold no comma). */
export function usageInForceRow(r: { key: string; active_days: number | string; sources: string | null; last_day: number | string }): UsageInForce {
  return { key: r.key, activeDays: Number(r.active_days), sources: r.sources ? r.sources.split(',').sort() : [], lastDay: Number(r.last_day) };
}
