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
import { decisionRecord, readDecisions, readRequests } from '../../../src/server/exceptions/records';
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
    assert.equal((await s.verifyLog({ anchors: [{ hash: head.hash }] })).ok, true);
    await exec(spec, `UPDATE events SET body = replace(body, 'ann@example.com', 'eve@example.com') WHERE seq = 6`);
    const altered = await s.verifyLog();
    assert.equal(altered.ok, false);
    assert.equal(!altered.ok && altered.brokenSeq, 6);
    await exec(spec, `DELETE FROM events WHERE seq = 6`);
    const removed = await s.verifyLog();
    assert.equal(!removed.ok && removed.reason, 'rows 6–6 are missing before it');
    await exec(spec, `DELETE FROM events WHERE seq >= 6`);
    await exec(spec, `UPDATE counters SET n = 5 WHERE name = 'events'`);
    const cut = await s.verifyLog({ anchors: [{ hash: head.hash }] });
    assert.equal(cut.ok && cut.foundHead, false, 'the earlier head is gone');
  });

  it('repeated completions and acknowledgements: one rule on every store (latest completion; earliest acknowledgement beside the earliest verified one)', async () => {
    const s = await store();
    const at = (d: number, h = 9) => ({ time: new Date(Date.UTC(2026, 10, d, h)).toISOString() });
    const put = (e: Record<string, unknown>, auth: 'shared' | 'enrolled', received: string) => s.ingest({ events: checked([e]), received, auth });
    await put(ev('training.completed', 'ann', { training: 'ai-basics', title: 'AI basics' }, at(2)), 'enrolled', '2026-11-02T09:00:05.000Z');
    await put(ev('training.completed', 'ann', { training: 'ai-basics', title: 'AI basics, again' }, at(5)), 'shared', '2026-11-05T09:00:05.000Z');
    await put(ev('policy.acknowledged', 'ann', { version: 2, hash: 'a'.repeat(64) }, at(1)), 'shared', '2026-11-01T09:00:05.000Z');
    await put(ev('policy.acknowledged', 'ann', { version: 2, hash: 'c'.repeat(64) }, at(7)), 'enrolled', '2026-11-07T09:00:05.000Z');
    await put(ev('policy.acknowledged', 'ann', { version: 2, hash: 'b'.repeat(64) }, at(3)), 'enrolled', '2026-11-20T09:00:05.000Z');
    const rows = await s.reportRows({});
    const t = rows.trainings.find((r) => r.developer === 'ann' && r.training === 'ai-basics');
    assert.deepEqual(
      t && { lastAt: t.lastAt, lastAuth: t.lastAuth, title: t.title, lastReceived: t.lastReceived, firstAt: t.firstAt, verifiedAt: t.verifiedAt },
      { lastAt: Date.UTC(2026, 10, 5, 9), lastAuth: 'shared', title: 'AI basics, again', lastReceived: Date.parse('2026-11-05T09:00:05.000Z'), firstAt: Date.UTC(2026, 10, 2, 9), verifiedAt: Date.UTC(2026, 10, 2, 9) },
    );
    const a = rows.acks.find((r) => r.developer === 'ann' && r.version === 2);
    assert.deepEqual(
      a && { firstAt: a.firstAt, firstAuth: a.firstAuth, hash: a.hash, verifiedAt: a.verifiedAt, verifiedHash: a.verifiedHash, verifiedReceived: a.verifiedReceived },
      { firstAt: Date.UTC(2026, 10, 1, 9), firstAuth: 'shared', hash: 'a'.repeat(64), verifiedAt: Date.UTC(2026, 10, 3, 9), verifiedHash: 'b'.repeat(64), verifiedReceived: Date.parse('2026-11-20T09:00:05.000Z') },
    );
    assert.equal((await s.verifyLog()).ok, true);
  });

  const TAMPERING: [string, string, string][] = [
    ['a deleted acknowledgement', `DELETE FROM acks WHERE developer = 'bob@example.com'`, 'acks'],
    ['an acknowledgement flipped to verified', `UPDATE acks SET first_auth = 'enrolled', verified_at = first_at WHERE developer = 'ann@example.com' AND version = 2`, 'acks'],
    ['a training flipped to verified', `UPDATE training_completions SET auth = 'enrolled'`, 'training_completions'],
    ['a forged enrollment', `INSERT INTO enrollments (token_hash, developer, created_at) VALUES ('${'f'.repeat(64)}', 'bob@example.com', 1)`, 'enrollments'],
    ['a revoked enrollment brought back', `UPDATE enrollments SET revoked_at = NULL`, 'enrollments'],
    ['a removed tool', `DELETE FROM tool_intervals WHERE tool = 'acme.ai-helper'`, 'tool_intervals'],
  ];
  for (const [what, sql, table] of TAMPERING) {
    it(`verifyLog rebuilds the report tables and enrollments from the log: ${what} is named`, async () => {
      const s = await store();
      await s.ingest({ events: checked(demoEvents()), received: new Date().toISOString(), auth: 'shared' });
      await s.enroll('ann@example.com', 'a'.repeat(64));
      await s.enroll('ann@example.com', 'b'.repeat(64));
      const head = await s.logHead();
      const intact = await s.verifyLog({ anchors: [{ hash: head.hash }] });
      assert.equal(intact.ok, true, !intact.ok ? intact.reason : '');
      await exec(spec, sql);
      const r = await s.verifyLog({ anchors: [{ hash: head.hash }] });
      assert.equal(r.ok, false, `${what} passed verifyLog`);
      assert.match(!r.ok ? r.reason : '', new RegExp(`the table "${table}" does not match what the chained log implies`));
    });
  }

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

  it('chainedRecords: requests from editors and decisions the server wrote, by type and range, in log order; verify-log covers them', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const request = (id: string, time: string) => ev('tool.requested', 'ann', { requestId: id, toolId: 'acme.assist', scope: 'person', days: 7, reason: 'why' }, { time });
    await a.ingest({ events: checked([request('r1', '2026-11-02T09:00:00.000Z'), ...demoEvents(), request('r2', '2026-11-25T09:00:00.000Z')]), received: new Date().toISOString(), auth: 'shared' });
    const reqs = (await a.chainedRecords(['tool.requested'])).map((r) => JSON.parse(r.body).data.requestId as string);
    assert.deepEqual(reqs, ['r1', 'r2']);
    const decision = decisionRecord(readRequests(await a.chainedRecords(['tool.requested']))[0], { requestId: 'r1', status: 'approved', approvedBy: 'Dana', scope: 'person', from: '2026-11-03', until: '2026-11-20' }, undefined, Date.UTC(2026, 10, 3));
    await b.ingest({ events: [decision], received: new Date().toISOString(), auth: 'server' });
    const rows = await b.chainedRecords(['tool.requested', 'exception.decided']);
    assert.deepEqual(rows.map((r) => [r.type, r.auth, r.developer]), [['tool.requested', 'shared', 'ann'], ['tool.requested', 'shared', 'ann'], ['exception.decided', 'server', 'Dana']]);
    assert.ok(rows[0].seq < rows[1].seq && rows[1].seq < rows[2].seq && typeof rows[2].at === 'number');
    assert.deepEqual(readDecisions(rows).map((d) => [d.requestId, d.who, d.until]), [['r1', { developer: 'ann' }, '2026-11-20']]);
    const ranged = await a.chainedRecords(['tool.requested'], { since: Date.UTC(2026, 10, 20), until: Date.UTC(2026, 10, 30) });
    assert.deepEqual(ranged.map((r) => JSON.parse(r.body).data.requestId as string), ['r2']);
    const report = await a.reportRows({});
    assert.deepEqual(report.developers.map((d) => d.developer).includes('Dana'), false, 'the approver is no developer in the report');
    const v = await a.verifyLog();
    assert.equal(v.ok, true, JSON.stringify(v));
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
