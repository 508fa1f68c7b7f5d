// The usage rollups on PostgreSQL (the SQLite store's ../sqlite/usage.ts, same rules): folded per batch in
// memory, then one statement per table, rows in key order so that two instances writing the same rows
// lock them in the same order.
import { cumulativeDelta, figureValues, PendingUsage } from '../../usage/batch';
import { disclosureOf, eventUsage } from '../../usage/eventUsage';
import { COLUMN, USAGE_FIELDS, type UsageBatch, type UsageRows } from '../../usage/fields';
import { SERIES_KEEP_DAYS, weekOf } from '../../usage/schema';
import { dayOf, type StoredEvent } from '../eventFold';
import type { Client } from './pool';

const cols = USAGE_FIELDS.map((f) => COLUMN[f]);

export class PgUsage {
  private readonly pending = new PendingUsage();

  constructor(private readonly c: Client) {}

  event(e: StoredEvent, id: string): void {
    for (const d of eventUsage(e)) this.pending.add(d);
    const pr = disclosureOf(e, id);
    if (pr) this.pending.addPullRequest(pr);
  }

  async batch(b: UsageBatch): Promise<void> {
    for (const d of b.deltas) this.pending.add(d);
    if (b.cumulative.length) {
      const keys = [...new Set(b.cumulative.map((p) => p.key))].sort();
      const rows = (await this.c.query(`SELECT key, start, value FROM usage_series WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`, [keys])).rows as { key: string; start: string; value: number }[];
      const last = new Map(rows.map((r) => [r.key, { start: r.start, value: Number(r.value) }]));
      for (const p of b.cumulative) {
        const delta = cumulativeDelta(last.get(p.key), p.start, p.value);
        last.set(p.key, { start: p.start, value: p.value });
        if (delta > 0) this.pending.add({ ...p.row, figures: { [p.row.field]: delta } });
      }
      const day = new Map(b.cumulative.map((p) => [p.key, p.row.day]));
      await this.c.query(
        `INSERT INTO usage_series AS s (key, start, value, day) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::integer[])
         ON CONFLICT (key) DO UPDATE SET start = excluded.start, value = excluded.value, day = excluded.day`,
        [keys, keys.map((k) => last.get(k)?.start), keys.map((k) => last.get(k)?.value), keys.map((k) => day.get(k))],
      );
      await this.c.query(`DELETE FROM usage_series WHERE day < $1`, [dayOf(Date.now()) - SERIES_KEEP_DAYS]);
    }
    const counters = Object.entries(b.counters).filter(([, n]) => n > 0).sort(([a], [b2]) => (a < b2 ? -1 : 1));
    if (counters.length) {
      await this.c.query(`INSERT INTO counters AS k (name, n) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT (name) DO UPDATE SET n = k.n + excluded.n`, [
        counters.map(([k]) => k),
        counters.map(([, n]) => n),
      ]);
    }
  }

  async flush(): Promise<void> {
    const rows = [...this.pending.rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
    if (rows.length) {
      const figures = rows.map((r) => figureValues(r.figures));
      const params: unknown[] = [rows.map((r) => r.day), rows.map((r) => r.developer), rows.map((r) => r.tool), rows.map((r) => r.source), ...cols.map((_, i) => figures.map((f) => f[i]))];
      await this.c.query(
        `INSERT INTO usage_days AS u (day, developer, tool, source, ${cols.join(', ')})
         SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], ${cols.map((_, i) => `$${i + 5}::float8[]`).join(', ')})
         ON CONFLICT (day, developer, tool, source) DO UPDATE SET ${cols.map((c) => `${c} = u.${c} + excluded.${c}`).join(', ')}`,
        params,
      );
      const weeks = [...new Set(rows.map((r) => JSON.stringify([weekOf(r.day), r.tool, r.developer])))].sort().map((k) => JSON.parse(k) as [number, string, string]);
      await this.c.query(`INSERT INTO usage_weeks (week, tool, developer) SELECT * FROM unnest($1::integer[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`, [
        weeks.map((w) => w[0]),
        weeks.map((w) => w[1]),
        weeks.map((w) => w[2]),
      ]);
    }
    const prs = [...this.pending.pullRequests.values()].sort((a, b) => (a.repository + a.pr < b.repository + b.pr ? -1 : 1));
    if (prs.length) {
      await this.c.query(
        `INSERT INTO pull_requests AS p (repository, pr, at, day, developer, commits, ai_commits, ai_assisted, disclosed, tools)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::integer[], $5::text[], $6::integer[], $7::integer[], $8::integer[], $9::integer[], $10::text[])
         ON CONFLICT (repository, pr) DO UPDATE SET at = excluded.at, day = excluded.day, developer = excluded.developer, commits = excluded.commits,
           ai_commits = excluded.ai_commits, ai_assisted = excluded.ai_assisted, disclosed = excluded.disclosed, tools = excluded.tools
         WHERE excluded.at >= p.at`,
        [
          prs.map((p) => p.repository),
          prs.map((p) => p.pr),
          prs.map((p) => p.at),
          prs.map((p) => dayOf(p.at)),
          prs.map((p) => p.developer),
          prs.map((p) => p.commits),
          prs.map((p) => p.aiCommits),
          prs.map((p) => (p.aiAssisted ? 1 : 0)),
          prs.map((p) => (p.disclosed === null ? null : p.disclosed ? 1 : 0)),
          prs.map((p) => JSON.stringify(p.tools)),
        ],
      );
    }
    this.pending.clear();
  }
}

/** Usage for days dS..dU ($2, $3), the 12 weeks ending with day `trendEnd`, pull requests checked in the range; `dev` filters on $1. */
export async function usageRows(all: <T>(sql: string, params?: unknown[]) => Promise<T[]>, dS: number, dU: number, trendEnd: number, dev: (alias?: string) => string): Promise<UsageRows> {
  const perDay = cols.map((c) => `max(${c}) AS ${c}`).join(', ');
  const summed = USAGE_FIELDS.map((f) => `sum(${COLUMN[f]})::float8 AS "${f}"`).join(', ');
  const lastWeek = weekOf(trendEnd);
  const prs = await all<{ repository: string; pr: string; at: number; developer: string; commits: number; aiCommits: number; aiAssisted: number; disclosed: number | null; tools: string }>(
    `SELECT repository, pr, at, developer, commits, ai_commits AS "aiCommits", ai_assisted AS "aiAssisted", disclosed, tools FROM pull_requests WHERE day BETWEEN $2 AND $3${dev()}`,
    [dS, dU],
  );
  return {
    byDeveloper: await all(
      `SELECT developer, tool, count(*)::integer AS days, ${summed}
         FROM (SELECT day, developer, tool, ${perDay} FROM usage_days WHERE day BETWEEN $2 AND $3${dev()} GROUP BY day, developer, tool) d
        GROUP BY developer, tool ORDER BY developer COLLATE "C", tool COLLATE "C"`,
      [dS, dU],
    ),
    weeks: await all(`SELECT week, tool, developer FROM usage_weeks WHERE week BETWEEN $2 AND $3${dev()}`, [lastWeek - 77, lastWeek]),
    pullRequests: prs.map((p) => ({ ...p, aiAssisted: p.aiAssisted === 1, disclosed: p.disclosed === null ? null : p.disclosed === 1, tools: JSON.parse(p.tools) as string[] })),
  };
}
