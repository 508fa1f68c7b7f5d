// The AuditStore on one SQLite file (better-sqlite3: synchronous calls, wrapped in promises so the
// server above does not depend on it). Several processes may share the file: writes take SQLite's write
// lock (IMMEDIATE transactions), the chain head is read inside that lock, sessions and enrollments live
// in the file, so a second server on the same file is consistent rather than silently forked.
import * as fs from 'node:fs';
import Database from 'better-sqlite3';
import { enrollmentRecord } from '../enrollmentRecord';
import type { AuditStore, ChainedRecord, Health, IngestBatch, IngestResult, LogHead, Range, ReportRows, StoreOptions, UsageInForce, UsageInForceQuery, VerifyOptions, VerifyResult } from '../types';
import { openSqlite, type Db } from './db';
import { createAppender, createIngest, logRowOf } from './ingest';
import { migrate, schemaVersion } from './migrate';
import { logHead, reportRows } from './queries';
import { SCHEMA_VERSION } from './schema';
import { verifyLog } from './verify';
import { usageInForceRow, usageTuples } from '../usageInForce';
import { createUsageWriter, type UsageWriter } from './usage';
import type { UsageBatch } from '../../usage/fields';
import { USAGE_TABLES } from '../../usage/schema';

const TABLES = ['events', 'counters', 'developers', 'machines', 'activity', 'inventories', 'tool_intervals', 'daily', 'policy_versions', 'policy_seen', 'acks', 'training_completions', 'exposure_days', 'enrollments', 'sessions', ...USAGE_TABLES];

export class SqliteStore implements AuditStore {
  readonly description: string;
  private readonly db: Db;
  private readonly ingestTx?: (batch: IngestBatch) => IngestResult;
  private readonly usageTx?: (batch: UsageBatch) => void;

  constructor(
    private readonly file: string,
    opts: StoreOptions = {},
  ) {
    this.description = `SQLite ${file}`;
    if (opts.readOnly && !fs.existsSync(file)) throw new Error(`${file} does not exist`);
    this.db = openSqlite(file, opts.readOnly);
    try {
      if (opts.readOnly) {
        const v = schemaVersion(this.db);
        if (v !== SCHEMA_VERSION) throw new Error(`${file} has schema ${v}; this version needs ${SCHEMA_VERSION} (start the server once to upgrade it)`);
      } else migrate(this.db, opts.log);
    } catch (e) {
      this.db.close();
      throw e;
    }
    if (!opts.readOnly) {
      this.ingestTx = createIngest(this.db);
      const usage: UsageWriter = createUsageWriter(this.db);
      const tx = this.db.transaction((b: UsageBatch) => {
        usage.batch(b);
        usage.flush();
      });
      this.usageTx = (b) => tx.immediate(b);
    }
  }

  async ingest(batch: IngestBatch): Promise<IngestResult> {
    if (!this.ingestTx) throw new Error('this store was opened read-only');
    return this.ingestTx(batch);
  }

  async ingestUsage(batch: UsageBatch): Promise<void> {
    if (!this.usageTx) throw new Error('this store was opened read-only');
    this.usageTx(batch);
  }

  async reportRows(range: Range, developers?: readonly string[]): Promise<ReportRows> {
    return reportRows(this.db, range, developers);
  }

  async logHead(): Promise<LogHead> {
    return logHead(this.db);
  }

  async usageInForce(queries: readonly UsageInForceQuery[]): Promise<UsageInForce[]> {
    const tuples = usageTuples(queries);
    if (!tuples.length) return [];
    const rows = this.db
      .prepare(
        `WITH q AS MATERIALIZED (SELECT value ->> 0 AS key, value ->> 1 AS developer, value ->> 2 AS tool, value ->> 3 AS from_day, value ->> 4 AS until_day FROM json_each(?))
         SELECT q.key, count(DISTINCT CASE WHEN u.day <= q.until_day THEN u.day END) AS active_days,
                group_concat(DISTINCT CASE WHEN u.day <= q.until_day THEN u.source END) AS sources, max(u.day) AS last_day
           FROM q JOIN usage_days u ON u.developer = q.developer AND u.tool = q.tool AND u.day >= q.from_day
          GROUP BY q.key ORDER BY q.key`,
      )
      .all(JSON.stringify(tuples)) as Parameters<typeof usageInForceRow>[0][];
    return rows.map(usageInForceRow);
  }

  async chainedRecords(types: readonly string[], range: Range = {}): Promise<ChainedRecord[]> {
    return this.db
      .prepare(
        `SELECT seq, type, at, developer, auth, received, body FROM events
          WHERE type IN (SELECT value FROM json_each(?)) AND at BETWEEN ? AND ? ORDER BY seq`,
      )
      .all(JSON.stringify(types), range.since ?? -8.64e15, range.until ?? 8.64e15) as ChainedRecord[];
  }

  async verifyLog(opts?: VerifyOptions): Promise<VerifyResult> {
    return verifyLog(this.file, opts);
  }

  /** Appends the enrollment to the log; the enrollments table follows from it (revoking earlier tokens). */
  async enroll(developer: string, tokenHash: string): Promise<{ revoked: number }> {
    const now = Date.now();
    const append = createAppender(this.db);
    return this.db
      .transaction(() => {
        const revoked = this.db.prepare(`SELECT count(*) FROM enrollments WHERE developer = ? AND revoked_at IS NULL`).pluck().get(developer) as number;
        append([logRowOf(enrollmentRecord(developer, tokenHash, now), new Date(now).toISOString(), 'server')]);
        return { revoked };
      })
      .immediate();
  }

  async enrolledSince(developers: readonly string[]): Promise<Map<string, number>> {
    const rows = this.db
      .prepare(`SELECT developer, min(created_at) AS at FROM enrollments WHERE developer IN (SELECT value FROM json_each(?)) GROUP BY developer`)
      .all(JSON.stringify(developers)) as { developer: string; at: number }[];
    return new Map(rows.map((r) => [r.developer, r.at]));
  }

  async enrolledDeveloper(tokenHash: string): Promise<string | undefined> {
    return this.db.prepare(`SELECT developer FROM enrollments WHERE token_hash = ? AND revoked_at IS NULL`).pluck().get(tokenHash) as string | undefined;
  }

  async createSession(idHash: string, expiresAt: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM sessions WHERE expires_at < ?`).run(Date.now());
      this.db.prepare(`INSERT INTO sessions (id_hash, expires_at) VALUES (?, ?)`).run(idHash, expiresAt);
    })();
  }

  async sessionValid(idHash: string, now: number): Promise<boolean> {
    const expires = this.db.prepare(`SELECT expires_at FROM sessions WHERE id_hash = ?`).pluck().get(idHash) as number | undefined;
    if (expires === undefined) return false;
    if (expires > now) return true;
    this.db.prepare(`DELETE FROM sessions WHERE id_hash = ?`).run(idHash);
    return false;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare(`DELETE FROM sessions WHERE id_hash = ?`).run(idHash);
  }

  /** A fresh read-only connection (nothing cached): the header, the schema, the log head and a row of each table must read. */
  async health(): Promise<Health> {
    let probe: Db | undefined;
    try {
      if (!this.db.open) return { ok: false, problem: 'the database connection is closed' };
      probe = new Database(this.file, { readonly: true, fileMustExist: true });
      const version = schemaVersion(probe);
      if (version !== SCHEMA_VERSION) return { ok: false, problem: `schema version ${version}, expected ${SCHEMA_VERSION}`, schemaVersion: version };
      for (const t of TABLES) probe.prepare(`SELECT * FROM ${t} LIMIT 1`).get();
      const head = logHead(probe);
      probe.prepare(`SELECT body FROM events WHERE seq = (SELECT min(seq) FROM events)`).get();
      return { ok: true, schemaVersion: version, head };
    } catch (e) {
      return { ok: false, problem: e instanceof Error ? e.message : String(e) };
    } finally {
      probe?.close();
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
