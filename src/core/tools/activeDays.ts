// The days each AI tool was active while the developer edited: per tool id, a set of UTC days (YYYY-MM-DD)
// kept for a fixed window. Sets merge by union, so windows, restarts and repeated inventories never add up.

export type ActiveDays = Record<string, string[]>;

/** How many days back the inventory reports (the receiver takes the union, so a repeat costs nothing). */
export const ACTIVE_DAYS_KEPT = 14;

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function oldestKept(now: Date, keep: number): string {
  return utcDay(new Date(now.getTime() - (keep - 1) * 86_400_000));
}

/** The union of both, without days older than the window or later than today, each list sorted. */
export function mergeActiveDays(a: ActiveDays, b: ActiveDays, now = new Date(), keep = ACTIVE_DAYS_KEPT): ActiveDays {
  const from = oldestKept(now, keep);
  const to = utcDay(now);
  const out: ActiveDays = {};
  for (const source of [a, b]) {
    for (const [id, days] of Object.entries(source)) {
      if (!Array.isArray(days)) continue;
      const kept = days.filter((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= from && d <= to);
      if (kept.length) out[id] = [...new Set([...(out[id] ?? []), ...kept])].sort();
    }
  }
  return out;
}

/** Adds `day` for each id; true when anything was new. */
export function addActiveDay(into: ActiveDays, ids: readonly string[], day: string): boolean {
  let added = false;
  for (const id of ids) {
    const days = (into[id] ??= []);
    if (days.includes(day)) continue;
    days.push(day);
    days.sort();
    added = true;
  }
  return added;
}
