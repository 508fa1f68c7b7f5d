// Schema migrations on PostgreSQL, in one transaction holding an advisory lock: when several instances
// start together, one creates or upgrades the schema and the others wait, then find it done.
import type pg from 'pg';
import { inTransaction, type Client } from './pool';
import { enrollmentRecord } from '../enrollmentRecord';
import { ingestBatch } from './ingest';
import { replayLog } from './replay';
import { usageTotalsFill } from '../../usage/schema';
import { FOLDED_TABLES, SCHEMA_TOTALS, SCHEMA_TYPE_INDEX, SCHEMA_USAGE, SCHEMA_V1, SCHEMA_V2_COLUMNS, SCHEMA_VERSION } from './schema';

/** An arbitrary constant naming this application's migration lock. */
const MIGRATION_LOCK = 0x41495030;

export async function schemaVersion(c: Client | pg.Pool): Promise<number> {
  const exists = await c.query(`SELECT to_regclass('schema_meta') IS NOT NULL AS e`);
  if (!exists.rows[0].e) return 0;
  const r = await c.query(`SELECT version FROM schema_meta`);
  return (r.rows[0]?.version as number | undefined) ?? 0;
}

export async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, 'BEGIN', async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK]);
    const version = await schemaVersion(c);
    if (version === SCHEMA_VERSION) return;
    if (version > SCHEMA_VERSION) throw new Error(`the database was written by a newer version (schema ${version}; this version reads up to ${SCHEMA_VERSION})`);
    if (version === 0) {
      await c.query(SCHEMA_V1 + SCHEMA_V2_COLUMNS);
      await c.query(`CREATE TABLE schema_meta (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)`);
      await c.query(`INSERT INTO schema_meta (version) VALUES (2)`);
    }
    // Version 3's usage rollups start empty (no earlier event carries usage); they exist before the
    // version 2 step, whose ingest writes them.
    if ((await c.query(`SELECT to_regclass('usage_days') IS NULL AS missing`)).rows[0].missing) await c.query(SCHEMA_USAGE);
    // Version 4's running totals are summed from the daily rows there are (none below version 3).
    if ((await c.query(`SELECT to_regclass('usage_totals') IS NULL AS missing`)).rows[0].missing) await c.query(SCHEMA_TOTALS + usageTotalsFill());
    // Version 5's index of the log by event type.
    if ((await c.query(`SELECT to_regclass('events_type') IS NULL AS missing`)).rows[0].missing) await c.query(SCHEMA_TYPE_INDEX);
    if (version === 1) await toV2(c);
    await c.query(`UPDATE schema_meta SET version = $1`, [SCHEMA_VERSION]);
  });
}

/**
 * Schema 1 → 2 (the SQLite step's twin, ../sqlite/migrate.ts): the new columns, the existing enrollments
 * appended to the log as chained records, and every aggregate folded again from the log.
 */
async function toV2(c: Client): Promise<void> {
  await c.query(SCHEMA_V2_COLUMNS);
  const enrolled = (await c.query(`SELECT token_hash AS "tokenHash", developer, created_at AS at FROM enrollments ORDER BY created_at, token_hash`)).rows as { tokenHash: string; developer: string; at: number }[];
  const duplicates = (await c.query(`SELECT n FROM counters WHERE name = 'duplicates'`)).rows[0]?.n as number | undefined;
  for (const t of [...FOLDED_TABLES, 'counters']) await c.query(`DELETE FROM ${t}`);
  const counters = [...(await replayLog(c))];
  if (duplicates) counters.push(['duplicates', duplicates]);
  await c.query(`INSERT INTO counters (name, n) SELECT * FROM unnest($1::text[], $2::bigint[])`, [counters.map(([k]) => k), counters.map(([, n]) => n)]);
  if (enrolled.length) await ingestBatch(c, { events: enrolled.map((e) => enrollmentRecord(e.developer, e.tokenHash, e.at)), received: new Date().toISOString(), auth: 'server' });
  await c.query(`UPDATE schema_meta SET version = 2`);
}
