// Version skew at the server: what a newer editor sends (an extra envelope field, data field, tool field, a
// new event type) and a clock far ahead are kept in the chained log, marked, and shown in the evidence pack;
// only what is malformed is refused (400), and what this version cannot bound is refused as schema (422).
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WIRE_SCHEMA_HEADER } from '../../../src/core/audit/endpoint';
import { NOT_UNDERSTOOD_LIMITS, WIRE_SCHEMA_ID } from '../../../src/server/notUnderstood';
import { adminAuth, ev, post, report, request, startServer, type Running } from './helpers';

const now = (): string => new Date().toISOString();

/** What a newer editor might send: one of each kind of unknown, beside known events. */
function newerEditorBatch(): Record<string, unknown>[] {
  return [
    { ...ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'a'.repeat(64), method: 'command', confidence: 0.9 }, { time: now() }), color: 'blue' },
    ev('inventory', 'ann@example.com', { tools: [{ id: 'github.copilot', status: 'approved', enabled: true, seatKind: 'business' }], brackets: '['.repeat(100) }, { time: now() }),
    ev('agent.dreamed', 'ann@example.com', { harness: 'claude-code', minutes: 3 }, { time: now() }),
    { ...ev('training.completed', 'bob@example.com', { trainingId: 'ai-basics' }, { time: now() }), editor: { name: 'Visual Studio Code', version: '1.99.0', channel: 'insiders' } },
  ];
}

describe('server: version skew', () => {
  let s: Running;
  beforeEach(async () => {
    s = await startServer();
  });
  afterEach(async () => {
    await s.close();
  });

  it('stores unknown fields and event types, marks them not understood, and counts them in the evidence pack', async () => {
    const r = await post(s.base, { events: newerEditorBatch() });
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(JSON.parse(r.body), { accepted: 4, duplicates: 0 });
    assert.equal(r.headers[WIRE_SCHEMA_HEADER], WIRE_SCHEMA_ID);
    // The known parts still count: the acknowledgement with an extra field is an acknowledgement.
    const rep = await report(s.base);
    assert.deepEqual(
      rep.acknowledgements.records.map((a: { developer: string; version: number }) => [a.developer, a.version]),
      [['ann@example.com', 2]],
    );
    assert.equal(rep.totals.byType['agent.dreamed'], 1);
    assert.deepEqual(
      rep.notUnderstood.map((n: { type: string; field: string; what: string; events: number }) => [n.type, n.field, n.what, n.events]),
      [
        ['agent.dreamed', '', 'event type not understood', 1],
        ['inventory', 'data.brackets', 'field not understood', 1],
        ['inventory', 'data.tools[].seatKind', 'field not understood', 1],
        ['policy.acknowledged', 'color', 'field not understood', 1],
        ['policy.acknowledged', 'data.confidence', 'field not understood', 1],
        ['training.completed', 'editor.channel', 'field not understood', 1],
      ],
    );
    const csv = await request(`${s.base}/evidence/not-understood.csv`, { headers: adminAuth });
    assert.equal(csv.status, 200);
    assert.match(csv.body, /^type,field,what,events\r?\n/);
    assert.match(csv.body, /agent\.dreamed,,event type not understood,1/);
    const page = await request(`${s.base}/evidence`, { headers: adminAuth });
    assert.match(page.body, /id="ev-not-understood"/);
    assert.match(page.body, /data\.tools\[\]\.seatKind/);
    // verify-log rebuilds the counters the evidence reads from the chained records' notes.
    const v = await s.app.store.verifyLog();
    assert.equal(v.ok, true, v.ok ? '' : v.reason);
  });

  it('keeps an event dated more than 24 hours ahead, dated by the server clock, and says so', async () => {
    const ahead = new Date(Date.now() + 48 * 3600 * 1000).toISOString();
    const before = Date.now();
    const r = await post(s.base, { events: [ev('policy.acknowledged', 'ann@example.com', { version: 2 }, { time: ahead })] });
    assert.equal(r.status, 200, r.body);
    const rep = await report(s.base);
    const ack = rep.acknowledgements.records[0];
    assert.ok(Date.parse(ack.time) >= before - 1000 && Date.parse(ack.time) <= Date.now() + 1000, `dated by the server: ${ack.time}`);
    assert.deepEqual(
      rep.notUnderstood.map((n: { type: string; what: string }) => [n.type, n.what]),
      [['policy.acknowledged', 'clock ahead']],
    );
    const v = await s.app.store.verifyLog();
    assert.equal(v.ok, true, v.ok ? '' : v.reason);
  });

  it('refuses with 422 "schema" (and the event index) what this version cannot bound, with 400 "malformed" what is never acceptable', async () => {
    const big = 'x'.repeat(NOT_UNDERSTOOD_LIMITS.valueBytes + 1);
    const many = Object.fromEntries(Array.from({ length: NOT_UNDERSTOOD_LIMITS.paths + 1 }, (_, i) => [`f${i}`, i]));
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [ev('inventory', 'a', { extra: big }), 422, /events\[1\]\.data\.extra: unknown field larger than/],
      [ev('inventory', 'a', many), 422, /more than 32 unknown fields/],
      [ev('agent.dreamed', 'a', { blob: big }), 422, /unknown field larger than/],
      [ev('policy.acknowledged', 'a', { version: 'two' }), 422, /data\.version: must be number/],
      [ev('agent dreamed', 'a'), 400, /not an event type name/],
      [{ ...ev('inventory', 'a'), time: 'soon' }, 400, /not an ISO 8601/],
    ];
    for (const [bad, status, reason] of cases) {
      const r = await post(s.base, { events: [ev('inventory', 'a'), bad] });
      assert.equal(r.status, status, `${reason}: ${r.body.slice(0, 300)}`);
      const body = JSON.parse(r.body);
      assert.match(body.error, reason);
      assert.equal(body.reason, status === 422 ? 'schema' : 'malformed');
      assert.equal(body.index, 1);
      assert.equal(r.headers[WIRE_SCHEMA_HEADER], WIRE_SCHEMA_ID);
    }
    assert.equal((await report(s.base)).totals.events, 0, 'a refused batch stores nothing');
  });
});

describe('server: version skew in the chained record (SQLite)', () => {
  it('keeps the event as sent, with the server note beside it, in the hashed body', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-skew-'));
    const s = await startServer({ dbFile: path.join(dir, 'audit.db') });
    try {
      const sent = newerEditorBatch();
      const ahead = ev('exposure', 'ann@example.com', { classes: ['secret'] }, { time: new Date(Date.now() + 30 * 3600 * 1000).toISOString() });
      const plain = ev('exposure', 'ann@example.com', { classes: ['secret'] }, { time: now() });
      assert.equal((await post(s.base, { events: [...sent, ahead, plain] })).status, 200);
      const db = new Database(path.join(dir, 'audit.db'), { readonly: true });
      const rows = db.prepare('SELECT id, time, at, received, body FROM events ORDER BY seq').all() as { id: string; time: string; at: number; received: string; body: string }[];
      db.close();
      const byId = new Map(rows.map((r) => [r.id, { ...r, body: JSON.parse(r.body) }]));
      const ack = byId.get(sent[0].id as string);
      assert.equal(ack?.body.color, 'blue', 'the unknown field is in the record');
      assert.equal(ack?.body.data.confidence, 0.9);
      assert.deepEqual(ack?.body.serverNote, { understood: false, notUnderstood: ['color', 'data.confidence'], schema: WIRE_SCHEMA_ID });
      assert.deepEqual(byId.get(sent[2].id as string)?.body.serverNote.notUnderstood, ['type']);
      assert.deepEqual(byId.get(sent[2].id as string)?.body.data, { harness: 'claude-code', minutes: 3 });
      const skewed = byId.get(ahead.id as string);
      assert.equal(skewed?.time, ahead.time, 'the claimed time is kept');
      assert.equal(skewed?.body.time, ahead.time);
      assert.ok(skewed?.body.serverNote.clockAhead.byMs > 29 * 3600 * 1000);
      assert.equal(skewed?.at, Date.parse(skewed?.body.serverNote.clockAhead.dated), 'dated by the server clock');
      assert.equal(skewed?.body.serverNote.understood, undefined, 'a clock ahead is not a field not understood');
      // An event understood in full is stored as sent, with no note.
      assert.equal(byId.get(plain.id as string)?.body.serverNote, undefined);
      assert.deepEqual(byId.get(plain.id as string)?.body, plain);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
