// The tamper-evident log: verify-log recomputes the hash chain and names the first broken row.
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import canonicalize from 'canonicalize';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chainHash, GENESIS } from '../../../src/server/store/chain';
import { CLI } from '../audit/serverProcess';
import { demoEvents, ev, post, report, startServer, type Running } from './helpers';

const verify = (db: string, ...extra: string[]) => spawnSync(process.execPath, [CLI, 'verify-log', '--db', db, ...extra], { encoding: 'utf8' });

describe('server: tamper-evident log and verify-log', () => {
  let s: Running;
  let db: string;
  beforeEach(async () => {
    s = await startServer();
    db = path.join(s.dir, 'audit.db');
    assert.equal((await post(s.base, { events: demoEvents() })).status, 200);
    assert.equal((await post(s.base, { events: [ev('inventory', 'zed', {}, { time: '2026-11-20T10:00:00+05:00' })] })).status, 200);
  });
  afterEach(async () => {
    await s.close();
  });
  const edit = (sql: string, ...params: unknown[]): void => {
    const d = new Database(db);
    d.prepare(sql).run(...params);
    d.close();
  };

  it('stores each event as canonical JSON chained in arrival order, recomputable from the documented formula', () => {
    const d = new Database(db, { readonly: true });
    const rows = d.prepare('SELECT seq, received, auth, body, hash FROM events ORDER BY seq').all() as { seq: number; received: string; auth: string; body: string; hash: string }[];
    d.close();
    assert.equal(rows.length, 12);
    let prev = GENESIS;
    for (const r of rows) {
      assert.equal(r.body, canonicalize(JSON.parse(r.body)), 'canonical JSON');
      assert.equal(r.hash, chainHash(prev, r.received, r.auth, r.body));
      prev = r.hash;
    }
    // The original text of the time is kept as sent (the instant is a separate column).
    assert.match(rows[11].body, /"time":"2026-11-20T10:00:00\+05:00"/);
  });

  it('exits 0 with the head hash when intact; the report and evidence show the same head', async () => {
    const r = verify(db);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const head = (await report(s.base)).log.headHash;
    assert.equal(r.stdout.trim(), `OK 12 events, head (row 12) ${head}`);
    assert.equal(verify(db, '--expect-head', head).status, 0);
  });

  it('exits 1 naming the first broken row when an event was altered', () => {
    edit(`UPDATE events SET body = replace(body, 'ann@example.com', 'eve@example.com') WHERE seq = 6`);
    const r = verify(db);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^BROKEN at row 6 \(event ev-\d+-\d+\): its hash does not match/);
  });

  it('exits 1 when a column was altered without the JSON', () => {
    edit(`UPDATE events SET developer = 'eve@example.com' WHERE seq = 3`);
    const r = verify(db);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^BROKEN at row 3 .*columns .* differ from its stored JSON/);
  });

  it('exits 1 when a row was removed, in the middle or at the end', async () => {
    const head = (await report(s.base)).log.headHash;
    edit(`DELETE FROM events WHERE seq = 4`);
    let r = verify(db);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^BROKEN at row 5 .*rows 4–4 are missing/);
    edit(`DELETE FROM events WHERE seq >= 4`);
    edit(`UPDATE counters SET n = 3 WHERE name = 'events'`);
    r = verify(db);
    assert.equal(r.status, 1, 'a cut tail with a matching counter: the report tables still hold what was cut');
    assert.match(r.stdout, /^BROKEN: the table "\w+" does not match what the chained log implies/);
    r = verify(db, '--expect-head', head);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /the expected head [0-9a-f]{64} is not in the log/);
  });

  it('exits 2 on a missing file or a malformed head', () => {
    assert.equal(verify(path.join(s.dir, 'nope.db')).status, 2);
    assert.equal(verify(db, '--expect-head', 'abc').status, 2);
  });

  it('exits 1, even with --expect-head, when a report table was edited behind the log, and names the table', async () => {
    const head = (await report(s.base)).log.headHash;
    edit(`UPDATE acks SET first_auth = 'enrolled', verified_at = first_at WHERE developer = 'bob@example.com'`);
    const r = verify(db, '--expect-head', head);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stdout, /^BROKEN: the table "acks" does not match what the chained log implies/);
  });

  it('exits 1 when a page of the database is corrupt (SQLite integrity check)', () => {
    const d = new Database(db);
    d.pragma('wal_checkpoint(TRUNCATE)');
    const page = d.pragma('page_size', { simple: true }) as number;
    const root = d.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'tool_intervals_machine'`).pluck().get() as number;
    d.close();
    const fd = fs.openSync(db, 'r+');
    // Keep the page header's type byte, scramble the cell pointers and cells behind it.
    fs.writeSync(fd, Buffer.alloc(page - 200, 0x5a), 0, page - 200, (root - 1) * page + 100);
    fs.closeSync(fd);
    const r = verify(db);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^BROKEN: .*(integrity|malformed|corrupt)/i);
  });
});

