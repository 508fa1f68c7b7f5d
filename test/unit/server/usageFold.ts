// A generated usage set (several sources per day, days arriving out of order, repeated rows) and the
// report's rule computed directly over its raw rows: per developer and tool, the days with any row and,
// per figure, each day's largest source summed over the range. The running totals must give the same.
import { USAGE_FIELDS, type UsageBatch, type UsageDelta, type UsageFigures, type UsageSource } from '../../../src/server/usage/fields';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST_DAY = 20_500;
const SOURCES: UsageSource[] = ['otlp-metric', 'otlp-log', 'hook', 'editor'];
const VALUES = [0, 0, 1, 2, 2.5, 7, 40, 1000];

/** Batches of deltas over `days` days for `developers` developers and 3 tools, in a shuffled day order. */
export function generatedBatches(seed: number, developers: number, days: number): UsageBatch[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const batches: UsageBatch[] = [];
  const order = Array.from({ length: days }, (_, d) => d).sort(() => rnd() - 0.5);
  for (const d of order) {
    for (let part = 0; part < 2; part++) {
      const deltas: UsageDelta[] = [];
      for (let i = 0; i < developers; i++) {
        for (const tool of ['anthropic.claude-code', 'openai.codex', 'github.copilot']) {
          if (rnd() < 0.45) continue;
          const figures: Partial<UsageFigures> = {};
          for (const f of USAGE_FIELDS) if (rnd() < 0.5) figures[f] = pick(VALUES);
          deltas.push({ day: FIRST_DAY + d, developer: `dev${i}@example.com`, tool, source: pick(SOURCES), figures });
        }
      }
      batches.push({ deltas, cumulative: [], counters: {} });
    }
  }
  return batches;
}

export type FoldRow = { developer: string; tool: string; days: number } & UsageFigures;

/** The report's per-developer figures for days dS..dU, folded over the raw deltas. */
export function foldRaw(batches: readonly UsageBatch[], dS: number, dU: number): FoldRow[] {
  const rows = new Map<string, { day: number; developer: string; tool: string; source: string; figures: Record<string, number> }>();
  for (const b of batches) {
    for (const d of b.deltas) {
      if (d.day < dS || d.day > dU) continue;
      const k = JSON.stringify([d.day, d.developer, d.tool, d.source]);
      const r = rows.get(k) ?? rows.set(k, { day: d.day, developer: d.developer, tool: d.tool, source: d.source, figures: {} }).get(k)!;
      for (const f of USAGE_FIELDS) r.figures[f] = (r.figures[f] ?? 0) + (d.figures[f] ?? 0);
    }
  }
  const perDay = new Map<string, { developer: string; tool: string; figures: Record<string, number> }>();
  for (const r of rows.values()) {
    const k = JSON.stringify([r.day, r.developer, r.tool]);
    const p = perDay.get(k) ?? perDay.set(k, { developer: r.developer, tool: r.tool, figures: {} }).get(k)!;
    for (const f of USAGE_FIELDS) p.figures[f] = Math.max(p.figures[f] ?? 0, r.figures[f]);
  }
  const out = new Map<string, FoldRow>();
  for (const p of perDay.values()) {
    const k = JSON.stringify([p.developer, p.tool]);
    const o = out.get(k) ?? out.set(k, { developer: p.developer, tool: p.tool, days: 0, ...(Object.fromEntries(USAGE_FIELDS.map((f) => [f, 0])) as UsageFigures) }).get(k)!;
    o.days++;
    for (const f of USAGE_FIELDS) o[f] += p.figures[f];
  }
  return [...out.values()].sort((a, b) => (a.developer !== b.developer ? (a.developer < b.developer ? -1 : 1) : a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0));
}

/** The batches' rows as a version 3 database holds them: one per day, developer, tool and source, figures summed. */
export function dailyRows(batches: readonly UsageBatch[]): { day: number; developer: string; tool: string; source: string; values: number[] }[] {
  const rows = new Map<string, { day: number; developer: string; tool: string; source: string; values: number[] }>();
  for (const b of batches) {
    for (const d of b.deltas) {
      const k = JSON.stringify([d.day, d.developer, d.tool, d.source]);
      const r = rows.get(k) ?? rows.set(k, { day: d.day, developer: d.developer, tool: d.tool, source: d.source, values: USAGE_FIELDS.map(() => 0) }).get(k)!;
      USAGE_FIELDS.forEach((f, i) => (r.values[i] += d.figures[f] ?? 0));
    }
  }
  return [...rows.values()];
}

/** What a later batch adds after the upgrade: a day before the others (late) and one after. */
export function laterBatch(): UsageBatch {
  return {
    deltas: [
      { day: FIRST_DAY - 1, developer: 'dev0@example.com', tool: 'openai.codex', source: 'otlp-log', figures: { prompts: 3, sessions: 1 } },
      { day: FIRST_DAY + 2, developer: 'dev1@example.com', tool: 'anthropic.claude-code', source: 'hook', figures: { toolCalls: 5000 } },
      { day: FIRST_DAY + 90, developer: 'dev2@example.com', tool: 'github.copilot', source: 'editor', figures: {} },
    ],
    cumulative: [],
    counters: {},
  };
}
