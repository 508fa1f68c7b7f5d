// The report's reads on PostgreSQL, in one REPEATABLE READ, READ ONLY transaction: every table and the
// log head describe the same moment even while other instances ingest. Same rows as ../sqlite/queries.ts.
import { GENESIS } from '../chain';
import { dayOf } from '../eventFold';
import type { AckRow, DeveloperRow, IntervalRow, LogHead, PolicyVersionRow, Range, ReportRows, TrainingRow } from '../types';
import type { Client } from './pool';
import { TRAININGS_SQL } from '../trainingRule';
import { usageRows } from './usage';

const MIN = -8.64e15;
const MAX = 8.64e15;

export async function logHead(c: Client): Promise<LogHead> {
  const r = (await c.query(`SELECT h.seq, h.hash, coalesce((SELECT n FROM counters WHERE name = 'events'), 0) AS count FROM chain_head h`)).rows[0] as LogHead | undefined;
  return r ?? { count: 0, seq: 0, hash: GENESIS };
}

export async function reportRows(c: Client, range: Range, developers?: readonly string[]): Promise<ReportRows> {
  const S = range.since ?? MIN;
  const U = range.until ?? MAX;
  const dS = dayOf(S);
  const dU = dayOf(U);
  // $1 is always the developer list (or null): every query gets the same filter on its `developer` column.
  const list = developers ? [...developers] : null;
  const dev = (alias = ''): string => ` AND ($1::text[] IS NULL OR ${alias}developer = ANY($1::text[]))`;
  const all = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await c.query(sql, [list, ...params])).rows as T[];
  const detail = !!developers && developers.length <= 50;
  const days = [dS, dU];
  // Each read is at most a few hundred thousand index entries: starting parallel workers for them cost more
  // than they saved (the month's daily counts: 150-190 ms with two workers, 67-121 ms without, at load ~7).
  await c.query('SET LOCAL max_parallel_workers_per_gather = 0');

  const counters: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const r of await all<{ name: string; n: number }>(`SELECT name, n FROM counters WHERE $1::text[] IS NULL OR true`)) counters[r.name] = r.n;
  const flags = (r: { enabled: number | null; active: number | null; present: boolean }) => ({
    enabled: r.enabled === null ? null : r.enabled === 1,
    active: r.active === null ? null : r.active === 1,
    present: r.present === true,
  });
  const intervals = (
    await all<Omit<IntervalRow, 'enabled' | 'active' | 'present'> & { enabled: number | null; active: number | null; present: boolean }>(
      `SELECT i.developer, i.machine, i.tool, i.name, i.version, i.status, i.first_at AS "firstAt", i.last_at AS "lastAt", i.enabled, i.active,
              coalesce(i.last_at = l.at, false) AS present
              ${detail ? ', (SELECT min(v.at) FROM inventories v WHERE v.developer = i.developer AND v.machine = i.machine AND v.at > i.last_at) AS "goneAt"' : ''}
         FROM tool_intervals i LEFT JOIN inventory_latest l ON l.developer = i.developer AND l.machine = i.machine
        WHERE i.first_at <= $3 AND i.last_at >= $2${dev('i.')}
        ORDER BY i.developer COLLATE "C", i.tool COLLATE "C", i.first_at`,
      [S, U],
    )
  ).map((r) => ({ ...r, ...flags(r) }));
  return {
    head: await logHead(c),
    counters,
    developers: await all<DeveloperRow>(
      `SELECT developer, first_at AS "firstAt", last_at AS "lastAt", policy_version AS "policyVersion", editor, extension_version AS "extensionVersion"
         FROM developers WHERE true${dev()} ORDER BY developer COLLATE "C"`,
    ),
    active: (await all<{ developer: string }>(`SELECT DISTINCT developer FROM activity WHERE day BETWEEN $2 AND $3${dev()}`, days)).map((r) => r.developer),
    machines: list
      ? ((await all<{ n: number }>(`SELECT count(DISTINCT machine) AS n FROM tool_intervals WHERE true${dev()}`))[0]?.n ?? 0)
      : ((await all<{ n: number }>(`SELECT count(*) AS n FROM machines WHERE $1::text[] IS NULL`))[0]?.n ?? 0),
    intervals,
    daily: await all(
      `SELECT day, count(*) AS reporting, count(*) FILTER (WHERE ai_tools > 0) AS "using" FROM daily WHERE day BETWEEN $2 AND $3${dev()} GROUP BY day ORDER BY day`,
      days,
    ),
    policyVersions: await all<PolicyVersionRow>(
      `SELECT p.version, nullif(p.hash, '') AS hash, nullif(p.signature, '') AS signature, p.organization, p.published, p.effective,
              p.reviewed_on AS "reviewedOn", p.next_review AS "nextReview", p.first_at AS "firstAt", p.last_at AS "lastAt",
              (SELECT count(*) FROM policy_seen s WHERE s.version = p.version AND s.first_at <= $2${dev('s.')}) AS developers
         FROM policy_versions p WHERE p.first_at <= $2 ORDER BY p.version, p.first_at`,
      [U],
    ),
    policySeen: await all(`SELECT version, developer, first_at AS "firstAt" FROM policy_seen WHERE first_at <= $2${dev()}`, [U]),
    acks: await all<AckRow>(
      `SELECT developer, version, hash, first_at AS "firstAt", first_auth AS "firstAuth", CASE WHEN verified_at <= $2 THEN verified_at END AS "verifiedAt",
              CASE WHEN verified_at <= $2 THEN verified_hash END AS "verifiedHash", CASE WHEN verified_at <= $2 THEN verified_received END AS "verifiedReceived"
         FROM acks WHERE first_at <= $2${dev()} ORDER BY version DESC, developer COLLATE "C"`,
      [U],
    ),
    trainings: await all<TrainingRow>(TRAININGS_SQL.replace(/\$U/g, '$2').replace('/*dev*/', dev('g.')).replace(/ORDER BY g\.training, g\.developer/, 'ORDER BY g.training COLLATE "C", g.developer COLLATE "C"'), [U]),
    exposures: {
      byDay: await all(`SELECT day, sum(n) AS n FROM exposure_days WHERE day BETWEEN $2 AND $3${dev()} GROUP BY day ORDER BY day`, days),
      byDeveloper: await all(
        `SELECT developer, sum(n) AS n, max(last_at) AS "lastAt" FROM exposure_days WHERE day BETWEEN $2 AND $3${dev()} GROUP BY developer ORDER BY n DESC, developer COLLATE "C"`,
        days,
      ),
      byClass: await all(`SELECT class, sum(n) AS n FROM exposure_classes WHERE day BETWEEN $2 AND $3${dev()} GROUP BY class ORDER BY n DESC, class COLLATE "C"`, days),
      byTool: await all(`SELECT tool, sum(n) AS n FROM exposure_tools WHERE day BETWEEN $2 AND $3${dev()} GROUP BY tool ORDER BY n DESC, tool COLLATE "C"`, days),
    },
    enrolled: (await all<{ developer: string }>(`SELECT DISTINCT developer FROM enrollments WHERE revoked_at IS NULL${dev()}`)).map((r) => r.developer),
    usage: await usageRows(all, dS, dU, range.until !== undefined ? dU : dayOf(Date.now()), dev),
  };
}
