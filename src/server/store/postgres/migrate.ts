// Schema migrations on PostgreSQL, in one transaction holding an advisory lock: when several instances
// start together, one creates or upgrades the schema and the others wait, then find it done.
import type pg from 'pg';
import { inTransaction, type Client } from './pool';
import { SCHEMA_USAGE, SCHEMA_V1, SCHEMA_VERSION } from './schema';

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
      await c.query(SCHEMA_V1);
      await c.query(`CREATE TABLE schema_meta (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)`);
      await c.query(`INSERT INTO schema_meta (version) VALUES (0)`);
    }
    // Version 3 (from 1, or 2): the usage rollups start empty; no earlier event carries usage.
    if ((await c.query(`SELECT to_regclass('usage_days') IS NULL AS missing`)).rows[0].missing) await c.query(SCHEMA_USAGE);
    await c.query(`UPDATE schema_meta SET version = $1`, [SCHEMA_VERSION]);
  });
}
