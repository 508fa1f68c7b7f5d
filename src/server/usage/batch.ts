// Folds a batch's usage deltas in memory (one row per day, developer, tool and source), so each store
// writes one upsert per row and not one per data point; and the rules of turning a cumulative OTLP sum
// into a delta, shared by both stores.
import { USAGE_FIELDS, type DisclosureRow, type UsageDelta, type UsageFigures } from './fields';

export class PendingUsage {
  readonly rows = new Map<string, UsageDelta>();
  readonly pullRequests = new Map<string, DisclosureRow>();

  add(d: UsageDelta): void {
    const key = `${d.day}\u0000${d.developer}\u0000${d.tool}\u0000${d.source}`;
    const row = this.rows.get(key);
    if (!row) {
      this.rows.set(key, { ...d, figures: { ...d.figures } });
      return;
    }
    for (const f of USAGE_FIELDS) {
      const v = d.figures[f];
      if (v) row.figures[f] = (row.figures[f] ?? 0) + v;
    }
  }

  /**
   * A later check of the same pull request replaces the earlier one when it is the same developer's; another
   * developer's replaces it only when the first is not enrolled (the store decides that: within one batch the
   * first developer keeps the record).
   */
  addPullRequest(p: DisclosureRow): void {
    const key = `${p.repository}\u0000${p.pr}`;
    const seen = this.pullRequests.get(key);
    if (!seen || (p.developer === seen.developer && p.at >= seen.at)) this.pullRequests.set(key, p);
  }

  clear(): void {
    this.rows.clear();
    this.pullRequests.clear();
  }
}

/** The figures of a row as one value per column, in USAGE_FIELDS order. */
export const figureValues = (f: Partial<UsageFigures>): number[] => USAGE_FIELDS.map((k) => f[k] ?? 0);

/**
 * The increase a cumulative point brings over the series' previous value: all of it when the series is
 * new or restarted (another start time, or a lower value: the process restarted), else the difference.
 */
export function cumulativeDelta(previous: { start: string; value: number } | undefined, start: string, value: number): number {
  if (!previous || previous.start !== start || value < previous.value) return value;
  return value - previous.value;
}
