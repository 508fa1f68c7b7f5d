// The audit server on PostgreSQL as it is deployed: several `ai-policy server` processes on one database,
// one of them killed mid-way, clients replaying; the start errors; a database outage and its recovery.
// Runs in the pg tier (AI_POLICY_TEST_PG names the tier's PostgreSQL).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startPostgres, type TestPostgres } from '../harness/postgres';
import { ADMIN_TOKEN, CLI, freePort, startServerProcess, stopServerProcess } from '../unit/audit/serverProcess';
import { ev, post, request, testDbSpec, type Reply } from '../unit/server/helpers';

const TOKEN = 'pg-ingest-token-0123456789';

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, AI_POLICY_SERVER_TOKEN: '', AI_POLICY_ADMIN_TOKEN: '', ...env } });

async function newDb(): Promise<{ url: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-pgi-'));
  return { url: await testDbSpec(dir), dir };
}

async function totals(base: string): Promise<Record<string, number>> {
  const r = await request(`${base}/v1/report?format=json`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(r.status, 200, r.body);
  return JSON.parse(r.body).totals as Record<string, number>;
}

/** Posts until the server answers (a killed server refuses connections: that is an error, not an answer). */
async function tryPost(base: string, body: unknown): Promise<Reply | undefined> {
  return post(base, body, TOKEN).catch(() => undefined);
}

describe('PostgreSQL: several server instances on one database', function () {
  this.timeout(240_000);
  before(function () {
    if (!process.env.AI_POLICY_TEST_PG) throw new Error('run in the pg tier (AI_POLICY_TEST_PG is not set)');
  });

  it('two instances started together migrate once; batches split between them, one killed with -9 mid-way, all replayed: each event counted once, the chain verifies', async () => {
    const { url, dir } = await newDb();
    const [pa, pb] = [await freePort(), await freePort()];
    const [a, b] = await Promise.all([startServerProcess(pa, url, TOKEN), startServerProcess(pb, url, TOKEN)]);
    let killedA = false;
    try {
      const kinds = ['inventory', 'exposure', 'policy.acknowledged', 'training.completed'];
      const batches: Record<string, unknown>[][] = [];
      for (let i = 0; i < 40; i++) {
        const batch = [];
        for (let j = 0; j < 50; j++) {
          const dev = `dev${(i * 50 + j) % 37}@example.com`;
          const type = kinds[(i + j) % kinds.length];
          const time = new Date(Date.UTC(2026, 10, 1 + (j % 28), 9, i % 60, j % 60)).toISOString();
          const data =
            type === 'inventory'
              ? { reason: 'interval', tools: [{ id: 'github.copilot', status: 'approved', enabled: true, active: j % 2 === 0 }] }
              : type === 'exposure'
                ? { classes: ['secret'], tools: ['github.copilot'] }
                : type === 'policy.acknowledged'
                  ? { version: 2, hash: 'c'.repeat(64) }
                  : { training: 'ai-basics', title: 'AI basics' };
          batch.push(ev(type, dev, data, { time }));
        }
        batches.push(batch);
      }
      const total = batches.reduce((n, x) => n + x.length, 0);
      // Both instances at once: even batches to A, odd to B; A is killed after its 6th answer.
      let answeredByA = 0;
      const sent = batches.map(async (batch, i) => {
        if (i % 2 === 0) {
          const r = await tryPost(a.url, { events: batch });
          if (r?.status === 200 && ++answeredByA === 6) {
            a.child.kill('SIGKILL');
            killedA = true;
          }
          return r?.status === 200;
        }
        const r = await tryPost(b.url, { events: batch });
        return r?.status === 200;
      });
      const ok = await Promise.all(sent);
      assert.ok(killedA, 'A answered 6 batches and was killed');
      await a.exited;
      assert.equal(a.child.signalCode, 'SIGKILL');
      assert.ok(ok.filter((x) => x).length >= 6, 'batches were answered before the kill');
      // Clients replay everything they sent (answered or not) to the surviving instance.
      let accepted = 0;
      let duplicates = 0;
      for (const batch of batches) {
        const r = await post(b.url, { events: batch }, TOKEN);
        assert.equal(r.status, 200, r.body);
        const body = JSON.parse(r.body) as { accepted: number; duplicates: number };
        accepted += body.accepted;
        duplicates += body.duplicates;
      }
      assert.equal(accepted + duplicates, total);
      const t = await totals(b.url);
      assert.equal(t.events, total, 'every event counted exactly once');
      const v = cli(['verify-log', '--db', url]);
      assert.equal(v.status, 0, v.stdout + v.stderr);
      assert.match(v.stdout, new RegExp(`^OK ${total} events, head \\(row ${total}\\) [0-9a-f]{64}$`, 'm'));
    } finally {
      await stopServerProcess(a, 'SIGKILL');
      await stopServerProcess(b);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('enroll and verify-log take the same URL; a second server sees the enrolled token', async () => {
    const { url, dir } = await newDb();
    const s = await startServerProcess(await freePort(), url, TOKEN);
    try {
      const e = cli(['enroll', '--db', url, '--developer', 'ann@example.com']);
      assert.equal(e.status, 0, e.stderr);
      const token = e.stdout.trim().split('\n').pop() as string;
      const r = await post(s.url, { events: [ev('inventory', 'ann@example.com', { reason: 'start', tools: [] }, { time: new Date().toISOString() })] }, token);
      assert.equal(r.status, 200, r.body);
      const v = cli(['verify-log', '--db', url]);
      assert.equal(v.status, 0, v.stderr);
      // The enrollment is itself a chained record: two rows.
      assert.match(v.stdout, /^OK 2 events/m);
      assert.match(v.stdout, /^note: PostgreSQL: every table read through/m);
    } finally {
      await stopServerProcess(s);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad URL, a closed port, an unknown user or database: one clear line and exit 2 at start', async () => {
    const admin = new URL(process.env.AI_POLICY_TEST_PG as string);
    const closed = await freePort();
    const cases: [string, RegExp][] = [
      ['postgres://user@host:notaport/db', /not a valid PostgreSQL URL|invalid port/],
      [`postgres://postgres@127.0.0.1:${closed}/x`, new RegExp(`cannot reach PostgreSQL at 127\\.0\\.0\\.1:${closed}: connection refused`)],
      [`postgresql://nobody:secret-${process.pid}@127.0.0.1:${admin.port}/postgres`, /refused the credentials: role "nobody" does not exist/],
      [`postgres://postgres@127.0.0.1:${admin.port}/no_such_db`, /database "no_such_db" does not exist/],
    ];
    for (const [url, expected] of cases) {
      const r = cli(['server', '--port', '0', '--db', url, '--admin-token', ADMIN_TOKEN, '--token', TOKEN]);
      assert.equal(r.status, 2, `${url}: ${r.stdout}${r.stderr}`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], expected);
      assert.doesNotMatch(r.stderr, /secret-/, 'the password is not printed');
      const v = cli(['verify-log', '--db', url]);
      assert.equal(v.status, 2, v.stderr);
      assert.match(v.stderr.trim(), expected);
    }
  });
});

describe('PostgreSQL: the database goes away while the server runs', function () {
  this.timeout(240_000);
  let pgs: TestPostgres;
  before(async () => {
    pgs = await startPostgres();
  });
  after(() => pgs?.stop());

  it('ingest answers 503 while it is down, the process stays up, and ingest works again when it is back', async () => {
    const url = pgs.createDatabase('outage');
    const s = await startServerProcess(await freePort(), url, TOKEN);
    try {
      assert.equal((await post(s.url, { events: [ev('inventory', 'ann', { reason: 'start', tools: [] })] }, TOKEN)).status, 200);
      pgs.pause();
      const down = await post(s.url, { events: [ev('inventory', 'ann', { reason: 'interval', tools: [] })] }, TOKEN);
      assert.equal(down.status, 503, down.body);
      assert.equal(down.headers['retry-after'], '5');
      const health = await request(`${s.url}/healthz`);
      assert.equal(health.status, 503);
      pgs.start();
      // The pool drops its dead connections and opens new ones: the first few tries may still meet a dead one.
      const again = ev('inventory', 'ann', { reason: 'interval', tools: [] });
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) status = (await post(s.url, { events: [again] }, TOKEN)).status;
      assert.equal(status, 200);
      assert.equal(s.child.exitCode, null, 'the server process is still running');
      assert.equal((await totals(s.url)).events, 2);
      assert.equal((await request(`${s.url}/healthz`)).status, 200);
    } finally {
      await stopServerProcess(s);
    }
  });
});
