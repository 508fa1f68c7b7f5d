// The usage rollups on PostgreSQL (the SQLite store's ../sqlite/usage.ts, same rules): folded per batch in
// memory, then one statement per table, rows in key order so that two instances writing the same rows
// lock them in the same order. The running totals (../../usage/totals.ts) need a day's rows before and
// after the batch: the batch first locks its developer-tool pairs, so two instances change a pair in turn.
import { cumulativeDelta, figureValues, PendingUsage } from '../../usage/batch';
import { disclosureOf, eventUsage } from '../../usage/eventUsage';
import { COLUMN, USAGE_FIELDS, type PullRequestSums, type UsageBatch, type UsageRows } from '../../usage/fields';
import { dayKey, groupByDay, totalsChange, type SourceRow, type TotalsChange } from '../../usage/totals';
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

  /** Locks the batch's developer-tool pairs (in key order), then reads the stored rows of its days. */
  private async lockAndRead(keys: readonly { day: number; developer: string; tool: string }[]): Promise<Map<string, SourceRow[]>> {
    const pairs = [...new Set(keys.map((k) => JSON.stringify([k.developer, k.tool])))].sort().map((p) => JSON.parse(p) as [string, string]);
    const devs = pairs.map((p) => p[0]);
    const tools = pairs.map((p) => p[1]);
    await this.c.query(`INSERT INTO usage_pairs (developer, tool) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [devs, tools]);
    await this.c.query(`SELECT 1 FROM usage_pairs WHERE (developer, tool) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY developer COLLATE "C", tool COLLATE "C" FOR UPDATE`, [devs, tools]);
    const stored = await this.c.query({
      text: `SELECT day, developer, tool, source, ${cols.join(', ')} FROM usage_days WHERE (day, developer, tool) IN (SELECT * FROM unnest($1::integer[], $2::text[], $3::text[]))`,
      values: [keys.map((k) => k.day), keys.map((k) => k.developer), keys.map((k) => k.tool)],
    });
    const out = new Map<string, SourceRow[]>();
    for (const r of stored.rows as Record<string, unknown>[]) {
      const k = dayKey(r as { day: number; developer: string; tool: string });
      const row = { source: r.source as string, values: cols.map((c) => Number(r[c])) };
      const list = out.get(k);
      if (list) list.push(row);
      else out.set(k, [row]);
    }
    return out;
  }

  /** Starts each changed day's running row from the last one before it, then adds each change to its day and the later ones. */
  private async addToTotals(changes: readonly TotalsChange[]): Promise<void> {
    const sorted = [...changes].sort((a, b) => (a.developer !== b.developer ? (a.developer < b.developer ? -1 : 1) : a.tool !== b.tool ? (a.tool < b.tool ? -1 : 1) : a.day - b.day));
    const devs = sorted.map((c) => c.developer);
    const tools = sorted.map((c) => c.tool);
    const days = sorted.map((c) => c.day);
    await this.c.query(
      `INSERT INTO usage_totals (developer, tool, day, days, ${cols.join(', ')})
       SELECT k.developer, k.tool, k.day, coalesce(p.days, 0), ${cols.map((c) => `coalesce(p.${c}, 0)`).join(', ')}
         FROM unnest($1::text[], $2::text[], $3::integer[]) AS k(developer, tool, day)
         LEFT JOIN LATERAL (SELECT * FROM usage_totals t WHERE t.developer = k.developer AND t.tool = k.tool AND t.day < k.day ORDER BY t.day DESC LIMIT 1) p ON true
       ON CONFLICT (developer, tool, day) DO NOTHING`,
      [devs, tools, days],
    );
    await this.c.query(
      `UPDATE usage_totals t SET days = t.days + d.days, ${cols.map((c) => `${c} = t.${c} + d.${c}`).join(', ')}
         FROM (SELECT t2.developer, t2.tool, t2.day, sum(k.days) AS days, ${cols.map((c) => `sum(k.${c}) AS ${c}`).join(', ')}
                 FROM unnest($1::text[], $2::text[], $3::integer[], $4::integer[], ${cols.map((_, i) => `$${i + 5}::float8[]`).join(', ')}) AS k(developer, tool, day, days, ${cols.join(', ')})
                 JOIN usage_totals t2 ON t2.developer = k.developer AND t2.tool = k.tool AND t2.day >= k.day
                GROUP BY t2.developer, t2.tool, t2.day) d
        WHERE t.developer = d.developer AND t.tool = d.tool AND t.day = d.day`,
      [devs, tools, days, sorted.map((c) => c.days), ...cols.map((_, i) => sorted.map((c) => c.values[i]))],
    );
  }

  async flush(): Promise<void> {
    const rows = [...this.pending.rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
    if (rows.length) {
      const groups = groupByDay(rows);
      const before = await this.lockAndRead([...groups.values()].map((d) => d[0]));
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
      const changes = [...groups].map(([k, deltas]) => totalsChange(before.get(k) ?? [], deltas)).filter((c): c is TotalsChange => c !== undefined);
      if (changes.length) await this.addToTotals(changes);
    }
    const prs = [...this.pending.pullRequests.values()].sort((a, b) => (a.repository + a.pr < b.repository + b.pr ? -1 : 1));
    if (prs.length) {
      await this.c.query(
        `INSERT INTO pull_requests AS p (repository, pr, at, day, developer, commits, ai_commits, ai_assisted, disclosed, tools)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::integer[], $5::text[], $6::integer[], $7::integer[], $8::integer[], $9::integer[], $10::text[])
         ON CONFLICT (repository, pr) DO UPDATE SET at = excluded.at, day = excluded.day, developer = excluded.developer, commits = excluded.commits,
           ai_commits = excluded.ai_commits, ai_assisted = excluded.ai_assisted, disclosed = excluded.disclosed, tools = excluded.tools
         WHERE excluded.at >= p.at AND (excluded.developer = p.developer
           OR NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.developer = p.developer AND e.revoked_at IS NULL))`,
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

/**
 * Usage for days dS..dU ($2, $3): the running totals on the range's last day minus those before its first;
 * the 12 weeks ending with day `trendEnd` as developers per set of tools; pull requests checked in the range
 * summed per developer and repository. `dev` filters on $1.
 */
export async function usageRows(all: <T>(sql: string, params?: unknown[]) => Promise<T[]>, dS: number, dU: number, trendEnd: number, dev: (alias?: string) => string): Promise<UsageRows> {
  const last = (bound: string) => `(SELECT * FROM usage_totals t WHERE t.developer = k.developer AND t.tool = k.tool AND t.day ${bound} ORDER BY t.day DESC LIMIT 1)`;
  const lastWeek = weekOf(trendEnd);
  return {
    byDeveloper: await all(
      `SELECT k.developer, k.tool, (c.days - coalesce(p.days, 0))::integer AS days,
              ${USAGE_FIELDS.map((f) => `(c.${COLUMN[f]} - coalesce(p.${COLUMN[f]}, 0))::float8 AS "${f}"`).join(', ')}
         FROM usage_pairs k CROSS JOIN LATERAL ${last('<= $3')} c LEFT JOIN LATERAL ${last('< $2')} p ON true
        WHERE c.days > coalesce(p.days, 0)${dev('k.')}
        ORDER BY k.developer COLLATE "C", k.tool COLLATE "C"`,
      [dS, dU],
    ),
    weeks: (
      await all<{ week: number; tools: string; developers: number }>(
        `SELECT week, tools, count(*)::integer AS developers
           FROM (SELECT week, developer, json_agg(tool ORDER BY tool COLLATE "C")::text AS tools FROM usage_weeks WHERE week BETWEEN $2 AND $3${dev()} GROUP BY week, developer) w
          GROUP BY week, tools`,
        [lastWeek - 77, lastWeek],
      )
    ).map((w) => ({ ...w, tools: JSON.parse(w.tools) as string[] })),
    pullRequests: await all<PullRequestSums>(
      `SELECT developer, repository, count(*)::float8 AS "pullRequests", sum(ai_assisted)::float8 AS "aiPullRequests", sum(commits)::float8 AS commits, sum(ai_commits)::float8 AS "aiCommits"
         FROM pull_requests WHERE day BETWEEN $2 AND $3${dev()} GROUP BY developer, repository`,
      [dS, dU],
    ),
  };
}
