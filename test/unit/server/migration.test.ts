// A database written by the first release (unversioned schema) opens with this version: its events are
// kept, chained and re-aggregated, and the server reports from them.
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../audit/serverProcess';
import canonicalize from 'canonicalize';
import { sha256 } from '../../../src/core/sha256';
import { chainHash, GENESIS } from '../../../src/server/store/chain';
import { SCHEMA_USAGE, SCHEMA_V1, SCHEMA_V2_COLUMNS, SCHEMA_VERSION } from '../../../src/server/store/sqlite/schema';
import { openStore } from '../../../src/server/store';
import { DAY_MS } from '../../../src/server/store/eventFold';
import { COLUMN, USAGE_FIELDS } from '../../../src/server/usage/fields';
import { checkedEvent, ev, inventoriesAndHookActivity, post, report, startServer } from './helpers';
import { dailyRows, FIRST_DAY, foldRaw, generatedBatches, laterBatch } from './usageFold';

// The schema exactly as the first release created it (src/server/db.ts before versioning).
const OLD_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, time TEXT NOT NULL, developer TEXT NOT NULL,
  machine TEXT, policy_version INTEGER, received TEXT NOT NULL, body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS developers (
  developer TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
  policy_version INTEGER, editor TEXT, extension_version TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS machines (machine TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  developer TEXT NOT NULL, machine TEXT NOT NULL, time TEXT NOT NULL, PRIMARY KEY (developer, machine)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dev_tools (
  developer TEXT NOT NULL, machine TEXT NOT NULL, tool TEXT NOT NULL, name TEXT, version TEXT,
  status TEXT NOT NULL, enabled INTEGER, active INTEGER, seen TEXT NOT NULL,
  PRIMARY KEY (developer, machine, tool)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dev_tools_tool ON dev_tools (tool);
CREATE TABLE IF NOT EXISTS daily (
  day TEXT NOT NULL, developer TEXT NOT NULL, ai_tools INTEGER NOT NULL, PRIMARY KEY (day, developer)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS policy_seen (
  version INTEGER NOT NULL, developer TEXT NOT NULL, PRIMARY KEY (version, developer)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS acks (
  developer TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT, time TEXT NOT NULL, PRIMARY KEY (developer, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS trainings (
  developer TEXT NOT NULL, training TEXT NOT NULL, title TEXT, time TEXT NOT NULL, PRIMARY KEY (developer, training)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS exposures (
  day TEXT NOT NULL, class TEXT NOT NULL, tool TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, class, tool)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS exposure_devs (
  developer TEXT PRIMARY KEY, n INTEGER NOT NULL, last TEXT NOT NULL
) WITHOUT ROWID;
`;

describe('server: a database from the first release', () => {
  it('opens, keeps every event, builds tool history and a verifiable chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-old-'));
    const file = path.join(dir, 'audit.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(OLD_SCHEMA);
    const events = [
      ev('inventory', 'ann@example.com', { tools: [{ id: 'shady.ai', name: 'Shady', status: 'prohibited' }] }, { time: '2026-10-01T09:00:00.000Z' }),
      ev('inventory', 'ann@example.com', { tools: [] }, { time: '2026-10-20T09:00:00.000Z' }),
      ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'c'.repeat(64) }, { time: '2026-10-02T09:00:00.000Z' }),
      // The first release stored whatever passed its looser checks, e.g. key order as sent and unknown fields.
      { data: { training: 'ai-basics', note: 'free text' }, type: 'training.completed', id: 'legacy-1', time: '2026-10-03T09:00:00+02:00', developer: 'bob@example.com' },
    ];
    const insert = old.prepare('INSERT INTO events (id, type, time, developer, machine, policy_version, received, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const e of events) insert.run(e.id, e.type, e.time, e.developer, (e as { machine?: string }).machine ?? null, (e as { policyVersion?: number }).policyVersion ?? null, '2026-10-21T00:00:00.000Z', JSON.stringify(e));
    old.prepare(`INSERT INTO counters (name, n) VALUES ('events', 4), ('duplicates', 7), ('type:inventory', 2)`).run();
    old.prepare(`INSERT INTO dev_tools VALUES ('ann@example.com', 'm', 'stale.tool', NULL, NULL, 'approved', 1, 1, '2026-10-20')`).run();
    old.close();

    const s = await startServer({ dbFile: file });
    try {
      const oct = await report(s.base, '?since=2026-10-01&until=2026-10-31');
      assert.equal(oct.totals.events, 4);
      assert.equal(oct.totals.duplicates, 7, 'the old duplicate count is kept');
      assert.deepEqual(oct.usage.map((u: { tool: string; present: boolean; status: string }) => `${u.tool}:${u.status}:${u.present}`), ['shady.ai:prohibited:false']);
      assert.equal(oct.acknowledgements.records[0].developer, 'ann@example.com');
      assert.equal(oct.training.records[0].developer, 'bob@example.com');
      assert.equal(oct.training.records[0].time, '2026-10-03T07:00:00.000Z');
      // New events append to the chain started by the upgrade.
      assert.equal((await post(s.base, { events: [ev('inventory', 'cy@example.com')] })).status, 200);
    } finally {
      await s.app.close();
    }
    const d = new Database(file, { readonly: true });
    assert.equal(d.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(d.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('dev_tools', 'snapshots', 'events_v0')`).pluck().get(), 0);
    d.close();
    const v = spawnSync(process.execPath, [CLI, 'verify-log', '--db', file], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /^OK 5 events/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('schema 1 → 2: enrollments become chained records, verified records gain their receive time, verify-log holds', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-v1-'));
    const file = path.join(dir, 'audit.db');
    const v1 = new Database(file);
    v1.pragma('journal_mode = WAL');
    v1.exec(SCHEMA_V1);
    v1.pragma('user_version = 1');
    // A schema-1 log: rows chained as that version chained them; its aggregates are folded again by the upgrade.
    const rows: [Record<string, unknown>, string, string][] = [
      [ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'c'.repeat(64) }, { time: '2026-11-02T09:00:00.000Z' }), '2026-11-02T09:00:01.000Z', 'enrolled'],
      [ev('training.completed', 'ann@example.com', { training: 'ai-basics' }, { time: '2026-11-03T09:00:00.000Z' }), '2026-11-03T09:00:01.000Z', 'enrolled'],
      [ev('inventory', 'bob@example.com', { tools: [] }, { time: '2026-11-03T10:00:00.000Z' }), '2026-11-03T10:00:01.000Z', 'shared'],
    ];
    let prev = GENESIS;
    const insert = v1.prepare('INSERT INTO events (id, type, time, at, developer, machine, policy_version, received, auth, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const [e, received, auth] of rows) {
      const body = canonicalize(e) as string;
      prev = chainHash(prev, received, auth, body);
      insert.run(e.id, e.type, e.time, Date.parse(e.time as string), e.developer, e.machine, e.policyVersion, received, auth, body, prev);
    }
    v1.prepare(`INSERT INTO counters (name, n) VALUES ('events', 3), ('duplicates', 2)`).run();
    v1.prepare(`INSERT INTO acks (developer, version, hash, first_at, first_auth, verified_at) VALUES ('ann@example.com', 2, ?, ?, 'enrolled', ?)`).run('c'.repeat(64), Date.parse('2026-11-02T09:00:00Z'), Date.parse('2026-11-02T09:00:00Z'));
    const [oldToken, token] = ['aipe_old-token-0123456789', 'aipe_new-token-0123456789'];
    const t1 = Date.parse('2026-11-01T08:00:00Z');
    const t2 = Date.parse('2026-11-05T08:00:00Z');
    v1.prepare(`INSERT INTO enrollments (token_hash, developer, created_at, revoked_at) VALUES (?, 'ann@example.com', ?, ?), (?, 'ann@example.com', ?, NULL)`).run(sha256(oldToken), t1, t2, sha256(token), t2);
    v1.close();

    const s = await startServer({ dbFile: file });
    try {
      const rep = await report(s.base);
      assert.equal(rep.totals.events, 3, 'the enrollment records are in the log, not among the events editors sent');
      assert.equal(rep.totals.duplicates, 2);
      assert.equal(rep.log.events, 5);
      const [ack] = rep.acknowledgements.records;
      assert.deepEqual([ack.verified, ack.time, ack.receivedAt], [true, '2026-11-02T09:00:00.000Z', '2026-11-02T09:00:01.000Z']);
      assert.equal(rep.training.records[0].receivedAt, '2026-11-03T09:00:01.000Z');
      assert.equal((await post(s.base, { events: [ev('inventory', 'ann@example.com', {}, { time: new Date().toISOString() })] }, oldToken)).status, 401, 'the revoked token stays revoked');
      assert.equal((await post(s.base, { events: [ev('inventory', 'ann@example.com', {}, { time: new Date().toISOString() })] }, token)).status, 200);
    } finally {
      await s.app.close();
    }
    const d = new Database(file, { readonly: true });
    assert.equal(d.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    const chained = d.prepare(`SELECT developer, time, auth, json_extract(body, '$.data.tokenHash') AS token FROM events WHERE type = 'server.enrollment' ORDER BY seq`).all();
    d.close();
    assert.deepEqual(chained, [
      { developer: 'ann@example.com', time: new Date(t1).toISOString(), auth: 'server', token: sha256(oldToken) },
      { developer: 'ann@example.com', time: new Date(t2).toISOString(), auth: 'server', token: sha256(token) },
    ]);
    const v = spawnSync(process.execPath, [CLI, 'verify-log', '--db', file], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /^OK 6 events/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('schema 3 → 4: the running totals are summed from the daily usage rows and kept from then on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-v3-'));
    const file = path.join(dir, 'audit.db');
    const v3 = new Database(file);
    v3.pragma('journal_mode = WAL');
    v3.exec(SCHEMA_V1 + SCHEMA_V2_COLUMNS + SCHEMA_USAGE);
    v3.pragma('user_version = 3');
    const batches = generatedBatches(3, 5, 30);
    const cols = USAGE_FIELDS.map((f) => COLUMN[f]);
    const insert = v3.prepare(`INSERT INTO usage_days (day, developer, tool, source, ${cols.join(', ')}) VALUES (?, ?, ?, ?, ${cols.map(() => '?').join(', ')})`);
    v3.transaction(() => {
      for (const r of dailyRows(batches)) insert.run(r.day, r.developer, r.tool, r.source, ...r.values);
    })();
    v3.close();
    const lines: string[] = [];
    const store = await openStore(file, { log: (l) => lines.push(l) });
    try {
      assert.match(lines.join('\n'), /summing \d+ daily usage rows into running totals \(schema 3 → 4\)/);
      const range = async (dS: number, dU: number) => (await store.reportRows({ since: dS * DAY_MS, until: dU * DAY_MS })).usage.byDeveloper;
      assert.deepEqual(await range(FIRST_DAY, FIRST_DAY + 29), foldRaw(batches, FIRST_DAY, FIRST_DAY + 29));
      assert.deepEqual(await range(FIRST_DAY + 4, FIRST_DAY + 17), foldRaw(batches, FIRST_DAY + 4, FIRST_DAY + 17));
      const later = laterBatch();
      await store.ingestUsage(later);
      assert.deepEqual(await range(FIRST_DAY - 1, FIRST_DAY + 100), foldRaw([...batches, later], FIRST_DAY - 1, FIRST_DAY + 100));
      assert.deepEqual(await range(FIRST_DAY + 2, FIRST_DAY + 2), foldRaw([...batches, later], FIRST_DAY + 2, FIRST_DAY + 2));
    } finally {
      await store.close();
    }
    const d = new Database(file, { readonly: true });
    assert.equal(d.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    d.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('schema 4 → 5: the log gains its index by event type, and the records of a type read the same through it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-v4-'));
    const file = path.join(dir, 'audit.db');
    await writeV4(file);
    const d4 = new Database(file);
    const expected = d4.prepare(`SELECT seq, type, at, developer, auth, received, body FROM events WHERE type = 'agent.activity' ORDER BY seq`).all();
    d4.close();
    assert.equal(expected.length, 4);
    const store = await openStore(file);
    try {
      assert.deepEqual(await store.chainedRecords(['agent.activity']), expected);
      assert.equal((await store.health()).schemaVersion, SCHEMA_VERSION);
    } finally {
      await store.close();
    }
    const d = new Database(file, { readonly: true });
    assert.equal(d.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    const plan = d.prepare(`EXPLAIN QUERY PLAN SELECT seq FROM events WHERE type IN (SELECT value FROM json_each(?)) AND at BETWEEN ? AND ? ORDER BY seq`).all('["agent.activity"]', 0, 1) as { detail: string }[];
    assert.ok(plan.some((p) => p.detail.includes('events_type')), JSON.stringify(plan));
    d.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a database written by a newer version', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-new-'));
    const file = path.join(dir, 'audit.db');
    const d = new Database(file);
    d.pragma('user_version = 99');
    d.close();
    await assert.rejects(startServer({ dbFile: file }), /written by a newer version \(schema 99/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** A schema 4 database (today's, without the type index) holding inventories and four hook activity records. */
async function writeV4(file: string): Promise<void> {
  const store = await openStore(file);
  try {
    await store.ingest({ events: inventoriesAndHookActivity().map(checkedEvent), received: new Date().toISOString(), auth: 'shared' });
  } finally {
    await store.close();
  }
  const d = new Database(file);
  d.exec(`DROP INDEX events_type`);
  d.pragma('user_version = 4');
  d.close();
}
