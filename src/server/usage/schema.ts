// The usage rollups' tables (schema version 3), the same on SQLite and PostgreSQL but for the types:
// `usage_days` one row per day, developer, tool and source with the day's figures; `usage_weeks` who used
// which tool in which week (Monday epoch day), so the 12-week trend reads a few thousand rows, not a year
// of days; `usage_series` the last value of each cumulative OTLP sum (to turn it into deltas);
// `pull_requests` the latest disclosure check of each pull request.
import { COLUMN, USAGE_FIELDS } from './fields';

export function usageSchema(sql: { int: string; bigint: string; real: string; text: string; withoutRowid: string }): string {
  const figures = USAGE_FIELDS.map((f) => `${COLUMN[f]} ${sql.real} NOT NULL DEFAULT 0`).join(', ');
  return `
CREATE TABLE usage_days (
  day ${sql.int} NOT NULL, developer ${sql.text} NOT NULL, tool ${sql.text} NOT NULL, source ${sql.text} NOT NULL, ${figures},
  PRIMARY KEY (day, developer, tool, source)
)${sql.withoutRowid};
CREATE INDEX usage_days_developer ON usage_days (developer, day);
CREATE TABLE usage_weeks (
  week ${sql.int} NOT NULL, tool ${sql.text} NOT NULL, developer ${sql.text} NOT NULL, PRIMARY KEY (week, tool, developer)
)${sql.withoutRowid};
CREATE TABLE usage_series (key ${sql.text} PRIMARY KEY, start ${sql.text} NOT NULL, value ${sql.real} NOT NULL, day ${sql.int} NOT NULL)${sql.withoutRowid};
CREATE INDEX usage_series_day ON usage_series (day);
CREATE TABLE pull_requests (
  repository ${sql.text} NOT NULL, pr ${sql.text} NOT NULL, at ${sql.bigint} NOT NULL, day ${sql.int} NOT NULL, developer ${sql.text} NOT NULL,
  commits ${sql.int} NOT NULL, ai_commits ${sql.int} NOT NULL, ai_assisted ${sql.int} NOT NULL, disclosed ${sql.int}, tools ${sql.text} NOT NULL,
  PRIMARY KEY (repository, pr)
)${sql.withoutRowid};
CREATE INDEX pull_requests_day ON pull_requests (day);
`;
}

/**
 * Version 4: running totals per developer and tool (./totals.ts), `usage_pairs` listing the pairs so a
 * range reads two rows of each instead of every day.
 */
export function usageTotalsSchema(sql: { int: string; real: string; text: string; withoutRowid: string }): string {
  const figures = USAGE_FIELDS.map((f) => `${COLUMN[f]} ${sql.real} NOT NULL DEFAULT 0`).join(', ');
  return `
CREATE TABLE usage_pairs (developer ${sql.text} NOT NULL, tool ${sql.text} NOT NULL, PRIMARY KEY (developer, tool))${sql.withoutRowid};
CREATE TABLE usage_totals (
  developer ${sql.text} NOT NULL, tool ${sql.text} NOT NULL, day ${sql.int} NOT NULL, days ${sql.int} NOT NULL, ${figures},
  PRIMARY KEY (developer, tool, day)
)${sql.withoutRowid};
`;
}

/**
 * Fills the version 4 tables from the daily rows (a database upgraded from version 3): each day's fold per
 * pair, summed in day order with a window.
 */
export function usageTotalsFill(): string {
  const cols = USAGE_FIELDS.map((f) => COLUMN[f]);
  return `
INSERT INTO usage_pairs (developer, tool) SELECT DISTINCT developer, tool FROM usage_days;
INSERT INTO usage_totals (developer, tool, day, days, ${cols.join(', ')})
SELECT developer, tool, day, count(*) OVER w, ${cols.map((c) => `sum(${c}) OVER w`).join(', ')}
  FROM (SELECT day, developer, tool, ${cols.map((c) => `max(${c}) AS ${c}`).join(', ')} FROM usage_days GROUP BY day, developer, tool) d
WINDOW w AS (PARTITION BY developer, tool ORDER BY day ROWS UNBOUNDED PRECEDING);
`;
}

export const USAGE_TABLES = ['usage_days', 'usage_weeks', 'usage_series', 'pull_requests', 'usage_pairs', 'usage_totals'];

/** Monday (epoch day) of the week holding an epoch day (1970-01-01 was a Thursday). */
export const weekOf = (day: number): number => day - ((day + 3) % 7);

/** How long an idle cumulative series is remembered (days). */
export const SERIES_KEEP_DAYS = 3;
