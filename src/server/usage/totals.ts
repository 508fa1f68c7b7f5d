// Running totals per developer and tool (schema version 4): `usage_totals` holds, for each day a pair was
// used, the sums up to and including that day (active days, and per figure the day's largest source,
// summed). A range's figures are then the difference of two rows per pair (the last row on or before its
// end, the last before its start), whatever its length. Kept at ingest: when a batch changes a day's
// rows, the day's fold is taken before and after, and the difference is added to that day's running row
// and every later one (usually none: data arrives for today or yesterday).
import { USAGE_FIELDS, type UsageDelta } from './fields';
import { figureValues } from './batch';

/** One source's row of a day (figures in USAGE_FIELDS order). */
export interface SourceRow {
  source: string;
  values: number[];
}

/** What a batch adds to one day's fold of one developer and tool. */
export interface TotalsChange {
  day: number;
  developer: string;
  tool: string;
  /** 1 when the day had no row before (a new active day), else 0. */
  days: number;
  /** Per figure (USAGE_FIELDS order): the day's new largest source minus the old. */
  values: number[];
}

/** Per figure, the largest of the sources (0 without any). */
export function foldDay(rows: readonly SourceRow[]): number[] {
  return USAGE_FIELDS.map((_, i) => rows.reduce((m, r) => Math.max(m, r.values[i]), 0));
}

/** The key of a day's fold: day, developer and tool. */
export const dayKey = (d: { day: number; developer: string; tool: string }): string => JSON.stringify([d.day, d.developer, d.tool]);

/** Groups a batch's rows by day, developer and tool. */
export function groupByDay(rows: Iterable<UsageDelta>): Map<string, UsageDelta[]> {
  const out = new Map<string, UsageDelta[]>();
  for (const r of rows) {
    const k = dayKey(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * The change a day's deltas (one per source at most, as PendingUsage folds them) make to its fold, given
 * the day's stored rows before them; undefined when nothing changes.
 */
export function totalsChange(before: readonly SourceRow[], deltas: readonly UsageDelta[]): TotalsChange | undefined {
  const after = new Map(before.map((r) => [r.source, r.values]));
  for (const d of deltas) {
    const add = figureValues(d.figures);
    const old = after.get(d.source);
    after.set(d.source, old ? old.map((v, i) => v + add[i]) : add);
  }
  const oldFold = foldDay(before);
  const newFold = foldDay([...after].map(([source, values]) => ({ source, values })));
  const values = newFold.map((v, i) => v - oldFold[i]);
  const days = before.length === 0 ? 1 : 0;
  if (!days && values.every((v) => v === 0)) return undefined;
  const { day, developer, tool } = deltas[0];
  return { day, developer, tool, days, values };
}
