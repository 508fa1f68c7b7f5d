// The report's reads, all in one read transaction so that every table and the log head describe the
// same moment. Ranges are instants (ms) or UTC epoch days; a developer list narrows every table.
import { GENESIS } from '../chain';
import type { AckRow, DeveloperRow, IntervalRow, LogHead, PolicyVersionRow, Range, ReportRows, TrainingRow } from '../types';
import { dayOf } from '../eventFold';
import type { Db } from './db';
import { TRAININGS_SQL } from '../trainingRule';
import { usageRows } from './usage';

const MIN = -8.64e15;
const MAX = 8.64e15;

export function logHead(db: Db): LogHead {
  const last = db.prepare(`SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1`).get() as { seq: number; hash: string } | undefined;
  const count = (db.prepare(`SELECT n FROM counters WHERE name = 'events'`).pluck().get() as number | undefined) ?? 0;
  return { count, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
}

export function reportRows(db: Db, range: Range, developers?: readonly string[]): ReportRows {
  const S = range.since ?? MIN;
  const U = range.until ?? MAX;
  const dS = dayOf(S);
  const dU = dayOf(U);
  // With a developer list, every query gets the same filter on its `developer` column.
  const list = developers ? JSON.stringify(developers) : undefined;
  const dev = (alias = ''): string => (list ? ` AND ${alias}developer IN (SELECT value FROM json_each(@list))` : '');
  const all = <T>(sql: string, params: Record<string, unknown> = {}): T[] => db.prepare(sql).all({ ...params, ...(list ? { list } : {}) }) as T[];
  const detail = !!developers && developers.length <= 50;

  return db.transaction((): ReportRows => {
    const counters: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const c of all<{ name: string; n: number }>(`SELECT name, n FROM counters`)) counters[c.name] = c.n;
    const flags = (r: { enabled: number | null; active: number | null; present: number }) => ({
      enabled: r.enabled === null ? null : r.enabled === 1,
      active: r.active === null ? null : r.active === 1,
      present: r.present === 1,
    });
    const intervals = all<Omit<IntervalRow, 'enabled' | 'active' | 'present'> & { enabled: number | null; active: number | null; present: number }>(
      `SELECT i.developer, i.machine, i.tool, i.name, i.version, i.status, i.first_at AS firstAt, i.last_at AS lastAt, i.enabled, i.active,
              i.last_at = (SELECT max(v.at) FROM inventories v WHERE v.developer = i.developer AND v.machine = i.machine) AS present
              ${detail ? ', (SELECT min(v.at) FROM inventories v WHERE v.developer = i.developer AND v.machine = i.machine AND v.at > i.last_at) AS goneAt' : ''}
         FROM tool_intervals i WHERE i.first_at <= @U AND i.last_at >= @S${dev('i.')}
        ORDER BY i.developer, i.tool, i.first_at`,
      { S, U },
    ).map((r) => ({ ...r, ...flags(r) }));
    return {
      head: logHead(db),
      counters,
      developers: all<DeveloperRow>(
        `SELECT developer, first_at AS firstAt, last_at AS lastAt, policy_version AS policyVersion, editor, extension_version AS extensionVersion
           FROM developers WHERE 1 = 1${dev()} ORDER BY developer`,
      ),
      active: all<{ developer: string }>(`SELECT DISTINCT developer FROM activity WHERE day BETWEEN @dS AND @dU${dev()}`, { dS, dU }).map((r) => r.developer),
      machines: list
        ? (all<{ n: number }>(`SELECT count(DISTINCT machine) AS n FROM tool_intervals WHERE 1 = 1${dev()}`)[0]?.n ?? 0)
        : (all<{ n: number }>(`SELECT count(*) AS n FROM machines`)[0]?.n ?? 0),
      intervals,
      daily: all(`SELECT day, count(*) AS reporting, sum(ai_tools > 0) AS "using" FROM daily WHERE day BETWEEN @dS AND @dU${dev()} GROUP BY day ORDER BY day`, { dS, dU }),
      policyVersions: all<PolicyVersionRow>(
        `SELECT p.version, nullif(p.hash, '') AS hash, nullif(p.signature, '') AS signature, p.organization, p.published, p.effective,
                p.reviewed_on AS reviewedOn, p.next_review AS nextReview, p.first_at AS firstAt, p.last_at AS lastAt,
                (SELECT count(*) FROM policy_seen s WHERE s.version = p.version AND s.first_at <= @U${dev('s.')}) AS developers
           FROM policy_versions p WHERE p.first_at <= @U ORDER BY p.version, p.first_at`,
        { U },
      ),
      policySeen: all(`SELECT version, developer, first_at AS firstAt FROM policy_seen WHERE first_at <= @U${dev()}`, { U }),
      acks: all<AckRow>(
        `SELECT developer, version, hash, first_at AS firstAt, first_auth AS firstAuth, CASE WHEN verified_at <= @U THEN verified_at END AS verifiedAt,
                CASE WHEN verified_at <= @U THEN verified_hash END AS verifiedHash, CASE WHEN verified_at <= @U THEN verified_received END AS verifiedReceived
           FROM acks WHERE first_at <= @U${dev()} ORDER BY version DESC, developer`,
        { U },
      ),
      // One rule on both stores (../trainingRule.ts): the latest completion's time, authentication, title and receive time.
      trainings: all<TrainingRow>(TRAININGS_SQL.replace(/\$U/g, '@U').replace('/*dev*/', dev('g.')), { U }),
      exposures: {
        byDay: all(`SELECT day, sum(n) AS n FROM exposure_days WHERE day BETWEEN @dS AND @dU${dev()} GROUP BY day ORDER BY day`, { dS, dU }),
        byDeveloper: all(
          `SELECT developer, sum(n) AS n, max(last_at) AS lastAt FROM exposure_days WHERE day BETWEEN @dS AND @dU${dev()} GROUP BY developer ORDER BY n DESC, developer`,
          { dS, dU },
        ),
        byClass: all(`SELECT class, sum(n) AS n FROM exposure_classes WHERE day BETWEEN @dS AND @dU${dev()} GROUP BY class ORDER BY n DESC, class`, { dS, dU }),
        byTool: all(`SELECT tool, sum(n) AS n FROM exposure_tools WHERE day BETWEEN @dS AND @dU${dev()} GROUP BY tool ORDER BY n DESC, tool`, { dS, dU }),
      },
      enrolled: all<{ developer: string }>(`SELECT DISTINCT developer FROM enrollments WHERE revoked_at IS NULL${dev()}`).map((r) => r.developer),
      usage: usageRows(all, dS, dU, range.until !== undefined ? dU : dayOf(Date.now()), dev),
    };
  })();
}
