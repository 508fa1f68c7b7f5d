// The store interface itself, the same suite on both implementations: SQLite in the unit tier, PostgreSQL
// in the pg tier (testDbSpec gives each test a fresh database). Several store instances on one database
// stand for several server processes.
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { isPostgresUrl, openStore, type AuditStore } from '../../../src/server/store';
import { validateBatch, type CheckedEvent } from '../../../src/server/validate';
import { demoEvents, ev, testDbSpec } from './helpers';

function checked(events: Record<string, unknown>[]): CheckedEvent[] {
  const v = validateBatch(JSON.stringify({ events }));
  if (!v.ok) throw new Error(v.reason);
  return v.events;
}

/** Runs one statement on the database behind the store (the same SQL reads on both). */
async function exec(spec: string, sql: string): Promise<void> {
  if (isPostgresUrl(spec)) {
    const c = new pg.Client({ connectionString: spec });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
    return;
  }
  const d = new Database(spec);
  try {
    d.exec(sql);
  } finally {
    d.close();
  }
}

describe(`store interface (${process.env.AI_POLICY_TEST_PG ? 'PostgreSQL' : 'SQLite'})`, function () {
  this.timeout(60_000);
  let dir: string;
  let spec: string;
  const open: AuditStore[] = [];
  const store = async (opts = {}): Promise<AuditStore> => {
    const s = await openStore(spec, opts);
    open.push(s);
    return s;
  };
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-store-'));
    spec = await testDbSpec(dir);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('three instances opened at once on a new database create the schema once and all work', async () => {
    const stores = await Promise.all([store(), store(), store()]);
    for (const [i, s] of stores.entries()) assert.deepEqual(await s.ingest({ events: checked([ev('inventory', `d${i}`, { reason: 'start', tools: [] })]), received: new Date().toISOString(), auth: 'shared' }), { accepted: 1, duplicates: 0 });
    const h = await stores[0].health();
    assert.equal(h.ok, true, h.problem);
    assert.equal(h.head?.count, 3);
  });

  it('two instances appending at once: each id stored once, duplicates counted, the chain verifies with no gaps', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const events = Array.from({ length: 400 }, (_, i) => ev(i % 3 ? 'exposure' : 'inventory', `dev${i % 13}`, i % 3 ? { classes: ['secret'] } : { reason: 'interval', tools: [{ id: 't.x', status: 'approved', enabled: true }] }, { time: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }));
    // 20 batches of 40, all in flight together: each event is sent twice, once to each instance.
    const twice = [...events, ...events];
    const batches = Array.from({ length: 20 }, (_, k) => twice.slice(k * 40, k * 40 + 40));
    const results = await Promise.all(batches.map((batch, k) => ((k + Math.floor(k / 10)) % 2 ? a : b).ingest({ events: checked(batch), received: new Date().toISOString(), auth: 'shared' })));
    const accepted = results.reduce((n, r) => n + r.accepted, 0);
    const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
    assert.equal(accepted, 400);
    assert.equal(duplicates, 400);
    const head = await b.logHead();
    assert.deepEqual([head.count, head.seq], [400, 400]);
    const v = await a.verifyLog();
    assert.equal(v.ok, true, JSON.stringify(v));
    const rows = await a.reportRows({});
    assert.equal(rows.counters.events, 400);
    assert.equal(rows.counters.duplicates, 400);
    assert.equal(rows.exposures.byDay.reduce((n, d) => n + d.n, 0), events.filter((e) => e.type === 'exposure').length, 'aggregates counted each event once');
  });

  it('verifyLog names an altered row and a removed row; expectHead notices a cut at the end', async () => {
    const s = await store();
    await s.ingest({ events: checked(demoEvents()), received: new Date().toISOString(), auth: 'shared' });
    const head = await s.logHead();
    assert.equal((await s.verifyLog({ expectHead: head.hash })).ok, true);
    await exec(spec, `UPDATE events SET body = replace(body, 'ann@example.com', 'eve@example.com') WHERE seq = 6`);
    const altered = await s.verifyLog();
    assert.equal(altered.ok, false);
    assert.equal(!altered.ok && altered.brokenSeq, 6);
    await exec(spec, `DELETE FROM events WHERE seq = 6`);
    const removed = await s.verifyLog();
    assert.equal(!removed.ok && removed.reason, 'rows 6–6 are missing before it');
    await exec(spec, `DELETE FROM events WHERE seq >= 6`);
    await exec(spec, `UPDATE counters SET n = 5 WHERE name = 'events'`);
    const cut = await s.verifyLog({ expectHead: head.hash });
    assert.equal(cut.ok, true, 'rows 1-5 alone are intact');
    assert.equal(cut.ok && cut.foundHead, false, 'but the earlier head is gone');
  });

  it('enrollments and sessions: a new token revokes the earlier ones; sessions expire', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    assert.deepEqual(await a.enroll('ann', 'h1'), { revoked: 0 });
    assert.equal(await b.enrolledDeveloper('h1'), 'ann');
    assert.deepEqual(await b.enroll('ann', 'h2'), { revoked: 1 });
    assert.equal(await a.enrolledDeveloper('h1'), undefined);
    assert.equal(await a.enrolledDeveloper('h2'), 'ann');
    const now = Date.now();
    await a.createSession('s1', now + 60_000);
    assert.equal(await b.sessionValid('s1', now), true);
    assert.equal(await b.sessionValid('s1', now + 120_000), false, 'expired');
    assert.equal(await a.sessionValid('s1', now), false, 'and removed');
    await a.createSession('s2', now + 60_000);
    await b.deleteSession('s2');
    assert.equal(await a.sessionValid('s2', now), false);
  });

  it('a read-only instance reads what another stores, and refuses to write', async () => {
    const w = await store();
    const r = await store({ readOnly: true });
    await w.ingest({ events: checked(demoEvents()), received: new Date().toISOString(), auth: 'enrolled' });
    const rows = await r.reportRows({ since: Date.UTC(2026, 10, 1), until: Date.UTC(2026, 10, 30) });
    assert.equal(rows.head.count, 11);
    assert.deepEqual(rows.developers.map((d) => d.developer), ['ann@example.com', 'bob@example.com', 'cy@example.com']);
    assert.equal(rows.acks.find((x) => x.developer === 'ann@example.com' && x.version === 2)?.firstAuth, 'enrolled');
    await assert.rejects(r.ingest({ events: checked([ev('inventory', 'x')]), received: new Date().toISOString(), auth: 'shared' }), /read-only/);
  });
});
