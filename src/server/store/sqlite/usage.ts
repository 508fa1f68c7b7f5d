// The usage rollups on SQLite: written in the transaction of the events or the OTLP request that carry
// them, read by the report for a range (see ../../usage/). The running totals (../../usage/totals.ts) are
// kept here too, so a range's per-developer figures are two rows per pair, not a fold of every day.
import { cumulativeDelta, figureValues, PendingUsage } from '../../usage/batch';
import { eventUsage, disclosureOf } from '../../usage/eventUsage';
import { COLUMN, USAGE_FIELDS, type PullRequestSums, type UsageBatch, type UsageRows } from '../../usage/fields';
import { groupByDay, totalsChange, type SourceRow, type TotalsChange } from '../../usage/totals';
import { SERIES_KEEP_DAYS, weekOf } from '../../usage/schema';
import { dayOf, type StoredEvent } from '../eventFold';
import type { Db } from './db';

const cols = USAGE_FIELDS.map((f) => COLUMN[f]);

export interface UsageWriter {
  /** Adds what a newly stored event brings (agent activity, active days, a pull request). */
  event(e: StoredEvent, id: string): void;
  /** Adds an OTLP request's rows (cumulative sums against their series) and counters. */
  batch(b: UsageBatch): void;
  flush(): void;
}

export function createUsageWriter(db: Db): UsageWriter {
  const q = {
    row: db.prepare(
      `INSERT INTO usage_days (day, developer, tool, source, ${cols.join(', ')}) VALUES (?, ?, ?, ?, ${cols.map(() => '?').join(', ')})
       ON CONFLICT(day, developer, tool, source) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    ),
    week: db.prepare(`INSERT OR IGNORE INTO usage_weeks (week, tool, developer) VALUES (?, ?, ?)`),
    series: db.prepare(`SELECT start, value FROM usage_series WHERE key = ?`),
    setSeries: db.prepare(`INSERT INTO usage_series (key, start, value, day) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET start = excluded.start, value = excluded.value, day = excluded.day`),
    forget: db.prepare(`DELETE FROM usage_series WHERE day < ?`),
    pr: db.prepare(
      `INSERT INTO pull_requests (repository, pr, at, day, developer, commits, ai_commits, ai_assisted, disclosed, tools) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(repository, pr) DO UPDATE SET at = excluded.at, day = excluded.day, developer = excluded.developer, commits = excluded.commits,
         ai_commits = excluded.ai_commits, ai_assisted = excluded.ai_assisted, disclosed = excluded.disclosed, tools = excluded.tools
       WHERE excluded.at >= pull_requests.at AND (excluded.developer = pull_requests.developer
         OR NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.developer = pull_requests.developer AND e.revoked_at IS NULL))`,
    ),
    bump: db.prepare(`INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n`),
    sources: db.prepare(`SELECT source, ${cols.join(', ')} FROM usage_days WHERE day = ? AND developer = ? AND tool = ?`).raw(),
    pair: db.prepare(`INSERT OR IGNORE INTO usage_pairs (developer, tool) VALUES (?, ?)`),
    lastTotal: db.prepare(`SELECT day, days, ${cols.join(', ')} FROM usage_totals WHERE developer = ? AND tool = ? AND day <= ? ORDER BY day DESC LIMIT 1`).raw(),
    insertTotal: db.prepare(`INSERT INTO usage_totals (developer, tool, day, days, ${cols.join(', ')}) VALUES (?, ?, ?, ?, ${cols.map(() => '?').join(', ')})`),
    addTotal: db.prepare(`UPDATE usage_totals SET days = days + ?, ${cols.map((c) => `${c} = ${c} + ?`).join(', ')} WHERE developer = ? AND tool = ? AND day >= ?`),
  };
  const addToTotals = (c: TotalsChange): void => {
    q.pair.run(c.developer, c.tool);
    // The day's running row starts from the last one before it (or nothing), then the change is added to it and every later day.
    const last = q.lastTotal.get(c.developer, c.tool, c.day) as number[] | undefined;
    if (!last || last[0] !== c.day) q.insertTotal.run(c.developer, c.tool, c.day, ...(last ? last.slice(1) : [0, ...cols.map(() => 0)]));
    q.addTotal.run(c.days, ...c.values, c.developer, c.tool, c.day);
  };
  const pending = new PendingUsage();
  let lastForget = 0;
  return {
    event(e, id) {
      for (const d of eventUsage(e)) pending.add(d);
      const pr = disclosureOf(e, id);
      if (pr) pending.addPullRequest(pr);
    },
    batch(b) {
      for (const d of b.deltas) pending.add(d);
      for (const p of b.cumulative) {
        const previous = q.series.get(p.key) as { start: string; value: number } | undefined;
        const delta = cumulativeDelta(previous, p.start, p.value);
        q.setSeries.run(p.key, p.start, p.value, p.row.day);
        if (delta > 0) pending.add({ ...p.row, figures: { [p.row.field]: delta } });
      }
      for (const [name, n] of Object.entries(b.counters)) if (n) q.bump.run(name, n);
      const today = dayOf(Date.now());
      if (today !== lastForget) {
        q.forget.run(today - SERIES_KEEP_DAYS);
        lastForget = today;
      }
    },
    flush() {
      for (const deltas of groupByDay(pending.rows.values()).values()) {
        const { day, developer, tool } = deltas[0];
        const before: SourceRow[] = (q.sources.all(day, developer, tool) as [string, ...number[]][]).map(([source, ...values]) => ({ source, values }));
        for (const r of deltas) q.row.run(r.day, r.developer, r.tool, r.source, ...figureValues(r.figures));
        q.week.run(weekOf(day), tool, developer);
        const change = totalsChange(before, deltas);
        if (change) addToTotals(change);
      }
      for (const p of pending.pullRequests.values()) {
        q.pr.run(p.repository, p.pr, p.at, dayOf(p.at), p.developer, p.commits, p.aiCommits, p.aiAssisted ? 1 : 0, p.disclosed === null ? null : p.disclosed ? 1 : 0, JSON.stringify(p.tools));
      }
      pending.clear();
    },
  };
}

/**
 * Usage for days dS..dU (the running totals on the range's last day minus those before its first), the
 * 12 weeks ending with day `trendEnd` as developers per set of tools, pull requests checked in the range
 * summed per developer and repository; `dev` filters on developer.
 */
export function usageRows(all: <T>(sql: string, params?: Record<string, unknown>) => T[], dS: number, dU: number, trendEnd: number, dev: (alias?: string) => string): UsageRows {
  const lastDay = (bound: string) => `(SELECT max(day) FROM usage_totals WHERE developer = k.developer AND tool = k.tool AND day ${bound})`;
  const lastWeek = weekOf(trendEnd);
  return {
    byDeveloper: all(
      `SELECT k.developer, k.tool, c.days - coalesce(p.days, 0) AS days, ${USAGE_FIELDS.map((f) => `c.${COLUMN[f]} - coalesce(p.${COLUMN[f]}, 0) AS "${f}"`).join(', ')}
         FROM usage_pairs k
         JOIN usage_totals c ON c.developer = k.developer AND c.tool = k.tool AND c.day = ${lastDay('<= @dU')}
         LEFT JOIN usage_totals p ON p.developer = k.developer AND p.tool = k.tool AND p.day = ${lastDay('< @dS')}
        WHERE c.days > coalesce(p.days, 0)${dev('k.')}
        ORDER BY k.developer, k.tool`,
      { dS, dU },
    ),
    weeks: all<{ week: number; tools: string; developers: number }>(
      `SELECT week, tools, count(*) AS developers
         FROM (SELECT week, developer, json_group_array(tool ORDER BY tool) AS tools FROM usage_weeks WHERE week BETWEEN @w0 AND @w1${dev()} GROUP BY week, developer)
        GROUP BY week, tools`,
      { w0: lastWeek - 77, w1: lastWeek },
    ).map((w) => ({ ...w, tools: JSON.parse(w.tools) as string[] })),
    pullRequests: all<PullRequestSums>(
      `SELECT developer, repository, count(*) AS pullRequests, sum(ai_assisted) AS aiPullRequests, sum(commits) AS commits, sum(ai_commits) AS aiCommits
         FROM pull_requests WHERE day BETWEEN @dS AND @dU${dev()} GROUP BY developer, repository`,
      { dS, dU },
    ),
  };
}
