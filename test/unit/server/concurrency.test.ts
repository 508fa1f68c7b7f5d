// Two server processes on one SQLite file stay consistent (one chain, every event once), and a large
// report is built off the event loop (other routes answer while it renders).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ADMIN_TOKEN, CLI, freePort, startServerProcess, stopServerProcess, type ServerProcess } from '../audit/serverProcess';
import { adminAuth, bearerOf, ev, post, request, startServer } from './helpers';

const TOKEN = 'concurrency-ingest-token';

/**
 * As the editor's sender does: a 503 (more uploads at once from this address than the server reads) or a
 * connection closed before the answer is retried after a short wait; any other answer is returned.
 */
async function postRetrying(base: string, body: unknown, token: string, refusals: { n: number }): Promise<{ status: number; body: string }> {
  for (let attempt = 0; ; attempt++) {
    const r = await post(base, body, token).catch((e: Error) => ({ status: 0, body: e.message }));
    if ((r.status !== 503 && r.status !== 0) || attempt >= 50) return r;
    refusals.n++;
    await new Promise((done) => setTimeout(done, 50 + Math.random() * 200));
  }
}

describe('server: two servers on one SQLite file', function () {
  this.timeout(60_000);
  const running: ServerProcess[] = [];
  after(async () => {
    for (const p of running) await stopServerProcess(p);
  });

  it('interleave their batches into one chain, storing every event exactly once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-two-'));
    const db = path.join(dir, 'audit.db');
    const [a, b] = await Promise.all([startServerProcess(await freePort(), db, TOKEN), startServerProcess(await freePort(), db, TOKEN)]);
    running.push(a, b);
    const batches = Array.from({ length: 40 }, (_, i) => Array.from({ length: 50 }, (_, k) => ev('inventory', `dev${k % 7}`, { tools: [{ id: `t${(i + k) % 5}`, status: 'unlisted' }] }, { time: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000 + k * 1000).toISOString() })));
    // Every batch goes to both servers at once (a client retrying against another instance). 80 uploads at once
    // from one address exceed the per-address cap, so some are refused with 503 and sent again.
    const refusals = { n: 0 };
    const results = await Promise.all(batches.flatMap((events) => [postRetrying(a.url, { events }, TOKEN, refusals), postRetrying(b.url, { events }, TOKEN, refusals)]));
    assert.ok(results.every((r) => r.status === 200), results.map((r) => r.status).join());
    const accepted = results.reduce((n, r) => n + JSON.parse(r.body).accepted, 0);
    assert.equal(accepted, 2000);
    const rep = JSON.parse((await request(`${b.url}/v1/report`, { headers: bearerOf(ADMIN_TOKEN) })).body);
    assert.equal(rep.totals.events, 2000);
    assert.equal(rep.totals.duplicates, 2000);
    const v = spawnSync(process.execPath, [CLI, 'verify-log', '--db', db], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stdout);
    assert.match(v.stdout, /^OK 2000 events/);
    // A session opened on one server is valid on the other (sessions live in the store).
    const login = await request(`${a.url}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${ADMIN_TOKEN}` });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    assert.equal((await request(`${b.url}/`, { headers: { cookie } })).status, 200);
  });
});

describe('server: reports do not block the event loop', function () {
  this.timeout(60_000);

  it('answers /healthz and ingest while a large report is being built', async () => {
    const s = await startServer();
    try {
      // 60 developers x 1000 tools: a report of 60 000 usage rows.
      for (let d = 0; d < 60; d++) {
        const tools = Array.from({ length: 1000 }, (_, i) => ({ id: `vendor${i}.tool${d}`, name: `Tool ${i}`, status: 'unlisted' }));
        assert.equal((await post(s.base, { events: [ev('inventory', `dev${d}`, { tools })] })).status, 200);
      }
      const order: string[] = [];
      const big = request(`${s.base}/v1/report?format=json`, { headers: adminAuth }).then((r) => {
        order.push('report');
        return r;
      });
      await new Promise((r) => setTimeout(r, 20)); // the report request is in the worker now
      const health = request(`${s.base}/healthz`).then((r) => {
        order.push('healthz');
        return r;
      });
      const ingest = post(s.base, { events: [ev('inventory', 'late')] }).then((r) => {
        order.push('ingest');
        return r;
      });
      const [rep, h, i] = await Promise.all([big, health, ingest]);
      assert.equal(rep.status, 200);
      assert.equal(JSON.parse(rep.body).usage.length, 60_000);
      assert.equal(h.status, 200);
      assert.equal(i.status, 200);
      assert.deepEqual(order.slice(0, 2).sort(), ['healthz', 'ingest'], `answered in the order ${order.join(', ')}`);
    } finally {
      await s.close();
    }
  });
});
