import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { ADMIN, ev, post, report, request, startServer, TOKEN, type Running } from './helpers';

describe('server: POST /v1/events', () => {
  let s: Running;
  beforeEach(async () => {
    s = await startServer({ maxBodyBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await s.close();
  });
  const stored = (): number => {
    const db = new Database(path.join(s.dir, 'audit.db'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it('refuses a missing token ("bearer token required"), a wrong one ("invalid token") with 401, the admin token with 403', async () => {
    const none = await post(s.base, { events: [] }, '');
    assert.equal(none.status, 401);
    assert.equal(JSON.parse(none.body).error, 'bearer token required');
    const wrong = await post(s.base, { events: [ev('inventory', 'a')] }, 'not-the-right-token-at-all');
    assert.equal(wrong.status, 401);
    assert.equal(JSON.parse(wrong.body).error, 'invalid token');
    assert.equal(wrong.headers['www-authenticate'], 'Bearer');
    const admin = await post(s.base, { events: [ev('inventory', 'a')] }, ADMIN);
    assert.equal(admin.status, 403);
    assert.equal(stored(), 0);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = { events: Array.from({ length: 400 }, () => ev('inventory', 'a', { reason: 'x'.repeat(190) })) };
    const r = await post(s.base, big);
    assert.equal(r.status, 413);
    assert.match(JSON.parse(r.body).error, /larger than 65536/);
  });

  it('refuses a streamed (chunked) body once it passes the limit with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${s.base}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"events":[');
      for (let i = 0; i < 20; i++) req.write('"' + 'x'.repeat(8 * 1024) + '",');
      req.end('0]}');
    });
    assert.equal(status, 413);
  });

  it('refuses malformed batches with 400, and what this version cannot take with 422, with a reason, storing nothing', async () => {
    const tools = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t.${i}`, status: 'unlisted' }));
    // 10 000 levels of nesting, written as text (JSON.stringify itself would overflow the stack).
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const withDeep = (e: Record<string, unknown>, at: string[]): string => {
      const marker = '"__deep__"';
      let o: Record<string, unknown> = e;
      for (const k of at.slice(0, -1)) o = o[k] as Record<string, unknown>;
      o[at[at.length - 1]] = '__deep__';
      return JSON.stringify({ events: [e] }).replace(marker, deep);
    };
    const cases: [unknown, RegExp, number?][] = [
      ['{"events": [', /malformed JSON/],
      [[], /JSON object/],
      [{ nope: 1 }, /unknown top-level field "nope"/],
      [{ events: 'x' }, /"events" must be an array/],
      [{ events: [ev('inventory', 'a')], padding: 'x'.repeat(1000) }, /unknown top-level field "padding"/],
      // Depth is refused before parsing, outside `events` too.
      [`{"events":[],"pad":${deep}}`, /body nested deeper than 16 levels/],
      [{ events: [ev('inventory', 'a'), { type: 'inventory', time: '2026-11-20T09:00:00Z' }] }, /events\[1\]: missing "id"/],
      [{ events: [{ id: 'x', time: '2026-11-20T09:00:00Z' }] }, /events\[0\]: missing "type"/],
      [{ events: [{ id: 'x', type: 'inventory' }] }, /events\[0\]: missing "time"/],
      [{ events: [{ id: 'x', type: 'inventory', time: 'yesterday' }] }, /not an ISO 8601/],
      [{ events: [{ id: 'x', type: 'inventory', time: '2026-11-20T09:00:00' }] }, /with a zone/],
      [{ events: [{ id: 'x', type: 'inventory', time: '2026-11-20T09:00:00Z', data: [] }] }, /events\[0\]\.data: must be object/, 422],
      [{ events: [{ id: 'x', type: '__proto__', time: '2026-11-20T09:00:00Z' }] }, /events\[0\]: "type" is not an event type name/],
      [{ events: [{ id: 'x', type: 'server.enrollment', time: '2026-11-20T09:00:00Z' }] }, /written by the server only/],
      [{ events: [{ ...ev('inventory', 'a'), serverNote: { understood: true } }] }, /"serverNote" is written by the server only/],
      [{ events: [ev('inventory', 'a', { tools: tools(1001) })] }, /events\[0\]\.data\.tools: more than 1000 items/, 422],
      [{ events: [ev('inventory', 'a', { tools: [{ id: 'x', name: 'n'.repeat(201) }] })] }, /data\.tools\[0\]\.name: longer than 200/, 422],
      [{ events: [ev('inventory', 'd'.repeat(201))] }, /events\[0\]\.developer: longer than 200/, 422],
      // Ids that print like another developer's: trailing space, zero-width space, right-to-left override, newline.
      ...['ann@example.com ', 'ann\u200b@example.com', '\u202eann@example.com', 'ann@example.com\n'].map((who): [unknown, RegExp] => [{ events: [ev('inventory', who)] }, /events\[0\]: "developer" has spaces at its ends or invisible or control characters/]),
      [withDeep(ev('inventory', 'a', { tools: 0 }), ['data', 'tools']), /body nested deeper than 16 levels/],
      [withDeep(ev('inventory', 'a', { counts: 0 }), ['data', 'counts']), /body nested deeper than 16 levels/],
      [withDeep({ ...ev('inventory', 'a'), extra: 0 }, ['extra']), /body nested deeper than 16 levels/],
      [`{"events":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`, /body nested deeper than 16 levels/],
    ];
    for (const [body, reason, status = 400] of cases) {
      const r = await post(s.base, body);
      assert.equal(r.status, status, `${reason}: ${r.body.slice(0, 200)}`);
      assert.match(JSON.parse(r.body).error, reason);
      assert.equal(JSON.parse(r.body).reason, status === 400 ? 'malformed' : 'schema');
    }
    assert.equal(stored(), 0);
    assert.equal((await request(`${s.base}/healthz`)).status, 200, 'the server still answers');
  });

  it('stores a large batch in transactions of 1000 with a turn of the event loop between them, all of it acknowledged', async () => {
    const big = await startServer();
    const store = big.app.store;
    const calls: { events: number; turnsBefore: number }[] = [];
    let turns = 0;
    const original = store.ingest.bind(store);
    store.ingest = async (batch) => {
      calls.push({ events: batch.events.length, turnsBefore: turns });
      setImmediate(() => turns++);
      return original(batch);
    };
    try {
      const events = Array.from({ length: 9000 }, (_, i) => ev('exposure', `dev${i % 50}`, { classes: ['secret'] }));
      const r = await post(big.base, { events });
      assert.equal(r.status, 200, r.body);
      assert.deepEqual(JSON.parse(r.body), { accepted: 9000, duplicates: 0 });
      assert.equal((await report(big.base)).totals.events, 9000);
    } finally {
      store.ingest = original;
      await big.close();
    }
    assert.deepEqual(calls.map((c) => c.events), Array(9).fill(1000));
    assert.ok(calls.every((c, i) => i === 0 || c.turnsBefore > calls[i - 1].turnsBefore), 'the event loop turned between the slices');
  });

  it('takes exactly 1000 tools per inventory', async () => {
    const tools = Array.from({ length: 1000 }, (_, i) => ({ id: `t.${i}`, status: 'unlisted' }));
    assert.equal((await post(s.base, { events: [ev('inventory', 'a', { tools })] })).status, 200);
  });

  it('stores events, ignores and counts duplicate ids', async () => {
    const a = ev('inventory', 'ann');
    const b = ev('policy.acknowledged', 'ann', { version: 2 });
    const r1 = await post(s.base, { events: [a, b] });
    assert.equal(r1.status, 200);
    assert.deepEqual(JSON.parse(r1.body), { accepted: 2, duplicates: 0 });
    const c = ev('exposure', 'ann', { classes: ['secret'] });
    const r2 = await post(s.base, { events: [a, c, c] });
    assert.deepEqual(JSON.parse(r2.body), { accepted: 1, duplicates: 2 });
    // Stored before the answer: another connection to the file sees them at once.
    const db = new Database(path.join(s.dir, 'audit.db'), { readonly: true });
    assert.equal(db.prepare('SELECT count(*) FROM events').pluck().get(), 3);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
    const rep = await report(s.base);
    assert.equal(rep.totals.events, 3);
    assert.equal(rep.totals.duplicates, 2);
  });

  it('counts every event type in the totals, under its own name', async () => {
    await post(s.base, { events: [ev('inventory', 'a'), ev('disclosure.added', 'a', { tools: ['x'] }), ev('ignoreFiles.written', 'a', { files: ['.aiexclude'] })] });
    const byType = (await report(s.base)).totals.byType;
    assert.deepEqual(byType, { 'disclosure.added': 1, 'ignoreFiles.written': 1, inventory: 1 });
  });

  it('answers 404 and 405 for unknown routes and methods', async () => {
    assert.equal((await request(`${s.base}/nope`)).status, 404);
    assert.equal((await request(`${s.base}/v1/events`)).status, 405);
    assert.equal((await request(`${s.base}/healthz`)).status, 200);
  });
});

describe('server: limits on concurrent uploads and a damaged store', () => {
  /** An upload that declares `declared` bytes, sends `sent` of them and then waits (from address `from`, via X-Forwarded-For). */
  const hanging = async (base: string, from: string, declared: number, sent: number): Promise<http.ClientRequest> => {
    const req = http.request(`${base}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-length': String(declared), 'x-forwarded-for': from } });
    req.on('error', () => undefined);
    req.write('{"events":[' + ' '.repeat(sent - 11));
    await new Promise((r) => setTimeout(r, 150));
    return req;
  };
  const from = (base: string, address: string, body: string) => request(`${base}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-forwarded-for': address }, body });
  const small = () => JSON.stringify({ events: [ev('inventory', 'a', { reason: 'x'.repeat(100) })] }) + ' '.repeat(10 * 1024);

  it('four slow uploads declaring large bodies do not block ingest: the budget is reserved as bytes arrive', async () => {
    const s = await startServer({ maxBodyBytes: 64 * 1024, maxConcurrentBodyBytes: 128 * 1024, trustProxy: true, minUploadBytesPerSecond: 1 });
    const slow: http.ClientRequest[] = [];
    try {
      for (let i = 0; i < 4; i++) slow.push(await hanging(s.base, `192.0.2.${i + 1}`, 60 * 1024, 1024));
      assert.equal((await from(s.base, '198.51.100.1', small())).status, 200, 'the declared 240 KiB are not reserved, only the 4 KiB sent');
    } finally {
      for (const r of slow) r.destroy();
      await s.close();
    }
  });

  it('answers 503 with Retry-After while other uploads have sent the whole body budget', async () => {
    const s = await startServer({ maxBodyBytes: 64 * 1024, maxConcurrentBodyBytes: 128 * 1024, trustProxy: true, minUploadBytesPerSecond: 1 });
    const slow: http.ClientRequest[] = [];
    try {
      for (let i = 0; i < 2; i++) slow.push(await hanging(s.base, `192.0.2.${i + 1}`, 64 * 1024 - 1, 60 * 1024));
      const busy = await from(s.base, '198.51.100.1', small());
      assert.equal(busy.status, 503);
      assert.equal(busy.headers['retry-after'], '1');
      for (const r of slow) r.destroy();
      await new Promise((r) => setTimeout(r, 200));
      assert.equal((await from(s.base, '198.51.100.1', small())).status, 200, 'accepted again once the uploads are gone');
    } finally {
      await s.close();
    }
  });

  it('caps concurrent uploads per address, and drops an upload below the minimum rate with 408', async () => {
    const s = await startServer({ trustProxy: true, uploadsPerAddress: 2, minUploadBytesPerSecond: 2000, uploadGraceMs: 300 });
    try {
      const held = [await hanging(s.base, '192.0.2.1', 50_000, 100), await hanging(s.base, '192.0.2.1', 50_000, 100)];
      const third = await from(s.base, '192.0.2.1', small());
      assert.equal(third.status, 503);
      assert.match(JSON.parse(third.body).error, /too many uploads at once from this client/);
      assert.equal((await from(s.base, '198.51.100.7', small())).status, 200, 'another address is not held up');
      // The two held uploads trickle nothing more: dropped once past the grace period.
      const answers = await Promise.all(held.map((r) => new Promise<number>((resolve) => r.on('response', (res) => resolve(res.statusCode ?? 0)))));
      assert.deepEqual(answers, [408, 408]);
      assert.equal((await from(s.base, '192.0.2.1', small())).status, 200, 'their slots are free again');
    } finally {
      await s.close();
    }
  });

  it('/healthz checks the store: 503 with the reason when the database file is damaged', async () => {
    const s = await startServer();
    try {
      await post(s.base, { events: [ev('inventory', 'a')] });
      const ok = await request(`${s.base}/healthz`);
      assert.equal(ok.status, 200);
      assert.equal(JSON.parse(ok.body).events, 1);
      const file = path.join(s.dir, 'audit.db');
      // Everything into the main file first, then damage its header as a failing disk or a careless copy would.
      const db = new Database(file);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
      fs.closeSync(fd);
      const bad = await request(`${s.base}/healthz`);
      assert.equal(bad.status, 503);
      assert.equal(JSON.parse(bad.body).ok, false);
      assert.match(JSON.parse(bad.body).error, /not a database|malformed|corrupt/i);
    } finally {
      await s.close();
    }
  });
});
