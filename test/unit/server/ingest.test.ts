import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import * as http from 'node:http';
import * as path from 'node:path';
import { ev, post, request, startServer, TOKEN, type Running } from './helpers';

describe('server: POST /v1/events', () => {
  let s: Running;
  beforeEach(async () => {
    s = await startServer({ maxBodyBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await s.close();
  });

  it('refuses a missing or wrong bearer token with 401', async () => {
    assert.equal((await post(s.base, { events: [] }, '')).status, 401);
    const wrong = await post(s.base, { events: [ev('inventory', 'a')] }, 'nope');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers['www-authenticate'], 'Bearer');
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

  it('refuses malformed batches with 400 and a reason, storing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"events": [', /malformed JSON/],
      [[], /JSON object/],
      [{ nope: 1 }, /"events" must be an array/],
      [{ events: [ev('inventory', 'a'), { type: 'inventory', time: '2026-11-20T09:00:00Z' }] }, /events\[1\]: missing "id"/],
      [{ events: [{ id: 'x', time: '2026-11-20T09:00:00Z' }] }, /events\[0\]: missing "type"/],
      [{ events: [{ id: 'x', type: 'inventory' }] }, /events\[0\]: missing "time"/],
      [{ events: [{ id: 'x', type: 'inventory', time: 'yesterday' }] }, /not an ISO 8601/],
      [{ events: [{ id: 'x', type: 'inventory', time: '2026-11-20T09:00:00Z', data: [] }] }, /"data" must be an object/],
    ];
    for (const [body, reason] of cases) {
      const r = await post(s.base, body);
      assert.equal(r.status, 400, String(reason));
      assert.match(JSON.parse(r.body).error, reason);
    }
    const db = new Database(path.join(s.dir, 'audit.db'), { readonly: true });
    assert.equal(db.prepare('SELECT count(*) FROM events').pluck().get(), 0);
    db.close();
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
    const rep = JSON.parse((await request(`${s.base}/v1/report`, { headers: { authorization: `Bearer ${TOKEN}` } })).body);
    assert.equal(rep.totals.events, 3);
    assert.equal(rep.totals.duplicates, 2);
  });

  it('answers 404 and 405 for unknown routes and methods', async () => {
    assert.equal((await request(`${s.base}/nope`)).status, 404);
    assert.equal((await request(`${s.base}/v1/events`)).status, 405);
    assert.equal((await request(`${s.base}/healthz`)).status, 200);
  });
});
