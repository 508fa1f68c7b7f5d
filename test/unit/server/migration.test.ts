// A database written by the first release (unversioned schema) opens with this version: its events are
// kept, chained and re-aggregated, and the server reports from them.
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../audit/serverProcess';
import { ev, post, report, startServer } from './helpers';
import { SCHEMA_VERSION } from '../../../src/server/store/sqlite/schema';

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
