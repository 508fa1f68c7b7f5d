// The AuditStore on PostgreSQL (node-postgres pool). Several server instances may share the database:
// ingest serializes on the chain head row, dedup rests on the unique event id, migrations on an advisory
// lock, reports read one REPEATABLE READ snapshot. A lost connection fails the call in progress (ingest
// answers 503, clients retry); the pool reconnects on the next call.
import type pg from 'pg';
import { enrollmentRecord } from '../enrollmentRecord';
import type { AuditStore, ChainedRecord, Health, IngestBatch, IngestResult, LogHead, Range, ReportRows, StoreOptions, UsageInForce, UsageInForceQuery, VerifyOptions, VerifyResult } from '../types';
import { ingestBatch } from './ingest';
import { migrate, schemaVersion } from './migrate';
import { connectProblem, createPool, inTransaction, redactUrl } from './pool';
import { logHead, reportRows } from './queries';
import { SCHEMA_VERSION, TABLES } from './schema';
import { verifyLog } from './verify';
import { usageInForceRow, usageTuples } from '../usageInForce';
import { PgUsage } from './usage';
import type { UsageBatch } from '../../usage/fields';

const SNAPSHOT = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

export class PostgresStore implements AuditStore {
  readonly description: string;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly readOnly: boolean,
  ) {
    this.description = `PostgreSQL ${redactUrl(url)}`;
  }

  /** Connects (one clear error line when it cannot), then migrates or, read-only, checks the schema. */
  static async open(url: string, opts: StoreOptions = {}): Promise<PostgresStore> {
    const log = opts.log ?? (() => undefined);
    const pool = createPool(url, log, opts.readOnly ? 4 : 8);
    try {
      const c = await pool.connect().catch((e: unknown) => {
        throw new Error(connectProblem(e, url));
      });
      c.release();
      if (opts.readOnly) {
        const v = await schemaVersion(pool);
        if (v !== SCHEMA_VERSION) throw new Error(`${redactUrl(url)} has schema ${v}; this version needs ${SCHEMA_VERSION} (start the server once to create it)`);
      } else await migrate(pool);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
    return new PostgresStore(pool, url, !!opts.readOnly);
  }

  async ingest(batch: IngestBatch): Promise<IngestResult> {
    if (this.readOnly) throw new Error('this store was opened read-only');
    return inTransaction(this.pool, 'BEGIN', (c) => ingestBatch(c, batch));
  }

  async ingestUsage(batch: UsageBatch): Promise<void> {
    if (this.readOnly) throw new Error('this store was opened read-only');
    await inTransaction(this.pool, 'BEGIN', async (c) => {
      const usage = new PgUsage(c);
      await usage.batch(batch);
      await usage.flush();
    });
  }

  reportRows(range: Range, developers?: readonly string[]): Promise<ReportRows> {
    return inTransaction(this.pool, SNAPSHOT, (c) => reportRows(c, range, developers));
  }

  logHead(): Promise<LogHead> {
    return inTransaction(this.pool, SNAPSHOT, logHead);
  }

  async usageInForce(queries: readonly UsageInForceQuery[]): Promise<UsageInForce[]> {
    const tuples = usageTuples(queries);
    if (!tuples.length) return [];
    const r = await this.pool.query(
      `SELECT q.key, count(DISTINCT u.day) FILTER (WHERE u.day <= q.until_day) AS active_days,
              string_agg(DISTINCT u.source, ',') FILTER (WHERE u.day <= q.until_day) AS sources, max(u.day) AS last_day
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[]) AS q(key, developer, tool, from_day, until_day)
         JOIN usage_days u ON u.developer = q.developer AND u.tool = q.tool AND u.day >= q.from_day
        GROUP BY q.key ORDER BY q.key`,
      [0, 1, 2, 3, 4].map((i) => tuples.map((t) => t[i])),
    );
    return r.rows.map(usageInForceRow);
  }

  async chainedRecords(types: readonly string[], range: Range = {}): Promise<ChainedRecord[]> {
    const r = await this.pool.query(
      `SELECT seq, type, at, developer, auth, received, body FROM events WHERE type = ANY($1::text[]) AND at BETWEEN $2 AND $3 ORDER BY seq`,
      [[...types], range.since ?? -8.64e15, range.until ?? 8.64e15],
    );
    return r.rows.map((x: ChainedRecord) => ({ ...x, seq: Number(x.seq), at: Number(x.at) }));
  }

  verifyLog(opts: VerifyOptions = {}): Promise<VerifyResult> {
    return verifyLog(this.url, opts);
  }

  /** Appends the enrollment to the log under the chain head lock; the enrollments table follows from it. */
  enroll(developer: string, tokenHash: string): Promise<{ revoked: number }> {
    const now = Date.now();
    return inTransaction(this.pool, 'BEGIN', async (c) => {
      await c.query(`SELECT 1 FROM chain_head FOR UPDATE`);
      const revoked = Number((await c.query(`SELECT count(*) AS n FROM enrollments WHERE developer = $1 AND revoked_at IS NULL`, [developer])).rows[0].n);
      await ingestBatch(c, { events: [enrollmentRecord(developer, tokenHash, now)], received: new Date(now).toISOString(), auth: 'server' });
      return { revoked };
    });
  }

  async enrolledSince(developers: readonly string[]): Promise<Map<string, number>> {
    const r = await this.pool.query(`SELECT developer, min(created_at) AS at FROM enrollments WHERE developer = ANY($1::text[]) GROUP BY developer`, [[...developers]]);
    return new Map(r.rows.map((x: { developer: string; at: number }) => [x.developer, Number(x.at)]));
  }

  async enrolledDeveloper(tokenHash: string): Promise<string | undefined> {
    const r = await this.pool.query(`SELECT developer FROM enrollments WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
    return r.rows[0]?.developer as string | undefined;
  }

  async createSession(idHash: string, expiresAt: number): Promise<void> {
    await inTransaction(this.pool, 'BEGIN', async (c) => {
      await c.query(`DELETE FROM sessions WHERE expires_at < $1`, [Date.now()]);
      await c.query(`INSERT INTO sessions (id_hash, expires_at) VALUES ($1, $2)`, [idHash, expiresAt]);
    });
  }

  async sessionValid(idHash: string, now: number): Promise<boolean> {
    const r = await this.pool.query(`SELECT expires_at FROM sessions WHERE id_hash = $1`, [idHash]);
    const expires = r.rows[0]?.expires_at as number | undefined;
    if (expires === undefined) return false;
    if (expires > now) return true;
    await this.pool.query(`DELETE FROM sessions WHERE id_hash = $1`, [idHash]);
    return false;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query(`DELETE FROM sessions WHERE id_hash = $1`, [idHash]);
  }

  /** A fresh query of the schema version, the log head and a row of each table. */
  async health(): Promise<Health> {
    try {
      return await inTransaction(this.pool, SNAPSHOT, async (c): Promise<Health> => {
        const version = await schemaVersion(c);
        if (version !== SCHEMA_VERSION) return { ok: false, problem: `schema version ${version}, expected ${SCHEMA_VERSION}`, schemaVersion: version };
        for (const t of TABLES) await c.query(`SELECT * FROM ${t} LIMIT 1`);
        return { ok: true, schemaVersion: version, head: await logHead(c) };
      });
    } catch (e) {
      return { ok: false, problem: e instanceof Error ? e.message : String(e) };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
