// The evidence report: built from the aggregate tables only, so it stays fast with millions of events.
import type { Db } from './db';

export interface PolicyInfo {
  organization?: string;
  version?: number;
  training?: { id: string; title: string }[];
}

export interface Report {
  generatedAt: string;
  policy: { organization?: string; version?: number } | null;
  totals: { events: number; duplicates: number; developers: number; machines: number; byType: Record<string, number> };
  toolsByDeveloper: { developer: string; tool: string; name: string | null; version: string | null; status: string; enabled: boolean | null; active: boolean | null; lastSeen: string }[];
  census: {
    byStatus: { status: string; tools: number; developers: number }[];
    tools: { tool: string; name: string | null; status: string; developers: number }[];
  };
  adoption: { day: string; reporting: number; using: number }[];
  acknowledgements: {
    versions: { version: number; developers: number; acknowledged: number; coverage: number }[];
    records: { developer: string; version: number; hash: string | null; time: string }[];
  };
  training: {
    courses: { id: string; title: string | null; completed: number; developers: number; coverage: number }[];
    records: { developer: string; training: string; title: string | null; time: string }[];
  };
  exposures: {
    total: number;
    byClass: { class: string; n: number }[];
    byTool: { tool: string; n: number }[];
    byDay: { day: string; n: number }[];
    byDeveloper: { developer: string; n: number; last: string }[];
  };
}

const ratio = (a: number, b: number): number => (b ? Math.round((a / b) * 1000) / 1000 : 0);
const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);

export function buildReport(db: Db, policy?: PolicyInfo): Report {
  const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];
  const one = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;

  const counters = all<{ name: string; n: number }>(`SELECT name, n FROM counters`);
  const byType: Record<string, number> = {};
  for (const c of counters) if (c.name.startsWith('type:')) byType[c.name.slice(5)] = c.n;
  const counter = (name: string): number => counters.find((c) => c.name === name)?.n ?? 0;
  const developers = one(`SELECT count(*) FROM developers`);

  const tools = all<{ developer: string; tool: string; name: string | null; version: string | null; status: string; enabled: number | null; active: number | null; lastSeen: string }>(
    `SELECT developer, tool, max(name) AS name, max(version) AS version, max(status) AS status,
            max(enabled) AS enabled, max(active) AS active, max(seen) AS lastSeen
       FROM dev_tools GROUP BY developer, tool ORDER BY developer, tool`,
  );

  const ackVersions = all<{ version: number; developers: number; acknowledged: number }>(
    `SELECT v.version AS version,
            (SELECT count(*) FROM (SELECT developer FROM policy_seen WHERE version = v.version UNION SELECT developer FROM acks WHERE version = v.version)) AS developers,
            (SELECT count(*) FROM acks WHERE version = v.version) AS acknowledged
       FROM (SELECT version FROM policy_seen UNION SELECT version FROM acks) v ORDER BY v.version`,
  );

  const courseRows = all<{ id: string; title: string | null; completed: number }>(
    `SELECT training AS id, max(title) AS title, count(*) AS completed FROM trainings GROUP BY training`,
  );
  const courses = new Map(courseRows.map((c) => [c.id, c]));
  for (const t of policy?.training ?? []) {
    const c = courses.get(t.id);
    courses.set(t.id, { id: t.id, title: t.title, completed: c?.completed ?? 0 });
  }

  return {
    generatedAt: new Date().toISOString(),
    policy: policy ? { organization: policy.organization, version: policy.version } : null,
    totals: { events: counter('events'), duplicates: counter('duplicates'), developers, machines: one(`SELECT count(*) FROM machines`), byType },
    toolsByDeveloper: tools.map((t) => ({ ...t, enabled: bool(t.enabled), active: bool(t.active) })),
    census: {
      byStatus: all(
        `SELECT status, count(DISTINCT tool) AS tools, count(DISTINCT developer) AS developers FROM dev_tools GROUP BY status ORDER BY status`,
      ),
      tools: all(
        `SELECT tool, max(name) AS name, max(status) AS status, count(DISTINCT developer) AS developers FROM dev_tools GROUP BY tool ORDER BY developers DESC, tool`,
      ),
    },
    adoption: all(`SELECT day, count(*) AS reporting, sum(ai_tools > 0) AS "using" FROM daily GROUP BY day ORDER BY day`),
    acknowledgements: {
      versions: ackVersions.map((v) => ({ ...v, coverage: ratio(v.acknowledged, v.developers) })),
      records: all(`SELECT developer, version, hash, time FROM acks ORDER BY version DESC, developer`),
    },
    training: {
      courses: [...courses.values()].map((c) => ({ ...c, developers, coverage: ratio(c.completed, developers) })),
      records: all(`SELECT developer, training, title, time FROM trainings ORDER BY training, developer`),
    },
    exposures: {
      total: byType.exposure ?? 0,
      byClass: all(`SELECT class, sum(n) AS n FROM exposures GROUP BY class ORDER BY n DESC`),
      byTool: all(`SELECT tool, sum(n) AS n FROM exposures GROUP BY tool ORDER BY n DESC`),
      byDay: all(`SELECT day, sum(n) AS n FROM exposures GROUP BY day ORDER BY day`),
      byDeveloper: all(`SELECT developer, n, last FROM exposure_devs ORDER BY n DESC, developer`),
    },
  };
}
