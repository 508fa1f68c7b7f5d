// The usage rollups on SQLite: written in the transaction of the events or the OTLP request that carry
// them, read by the report for a range (see ../../usage/).
import { cumulativeDelta, figureValues, PendingUsage } from '../../usage/batch';
import { eventUsage, disclosureOf } from '../../usage/eventUsage';
import { COLUMN, USAGE_FIELDS, type UsageBatch, type UsageRows } from '../../usage/fields';
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
       WHERE excluded.at >= pull_requests.at`,
    ),
    bump: db.prepare(`INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n`),
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
      for (const r of pending.rows.values()) {
        q.row.run(r.day, r.developer, r.tool, r.source, ...figureValues(r.figures));
        q.week.run(weekOf(r.day), r.tool, r.developer);
      }
      for (const p of pending.pullRequests.values()) {
        q.pr.run(p.repository, p.pr, p.at, dayOf(p.at), p.developer, p.commits, p.aiCommits, p.aiAssisted ? 1 : 0, p.disclosed === null ? null : p.disclosed ? 1 : 0, JSON.stringify(p.tools));
      }
      pending.clear();
    },
  };
}

/** Usage for days dS..dU, the 12 weeks ending with day `trendEnd`, pull requests checked in the range; `dev` filters on developer. */
export function usageRows(all: <T>(sql: string, params?: Record<string, unknown>) => T[], dS: number, dU: number, trendEnd: number, dev: (alias?: string) => string): UsageRows {
  const perDay = USAGE_FIELDS.map((f) => `max(${COLUMN[f]}) AS ${COLUMN[f]}`).join(', ');
  const summed = USAGE_FIELDS.map((f) => `sum(${COLUMN[f]}) AS "${f}"`).join(', ');
  const lastWeek = weekOf(trendEnd);
  return {
    byDeveloper: all(
      `SELECT developer, tool, count(*) AS days, ${summed}
         FROM (SELECT day, developer, tool, ${perDay} FROM usage_days WHERE day BETWEEN @dS AND @dU${dev()} GROUP BY day, developer, tool)
        GROUP BY developer, tool ORDER BY developer, tool`,
      { dS, dU },
    ),
    weeks: all(`SELECT week, tool, developer FROM usage_weeks WHERE week BETWEEN @w0 AND @w1${dev()}`, { w0: lastWeek - 77, w1: lastWeek }),
    pullRequests: all<{ repository: string; pr: string; at: number; developer: string; commits: number; aiCommits: number; aiAssisted: number; disclosed: number | null; tools: string }>(
      `SELECT repository, pr, at, developer, commits, ai_commits AS aiCommits, ai_assisted AS aiAssisted, disclosed, tools FROM pull_requests WHERE day BETWEEN @dS AND @dU${dev()}`,
      { dS, dU },
    ).map((p) => ({ ...p, aiAssisted: p.aiAssisted === 1, disclosed: p.disclosed === null ? null : p.disclosed === 1, tools: JSON.parse(p.tools) as string[] })),
  };
}
