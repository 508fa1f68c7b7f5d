// Fault tests against the real server process and a real SQLite file: outage, SIGKILL mid-batch, and
// the guarantee that file contents never reach a request body.
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEvent, EventQueue, Sender } from '../../../src/core/audit';
import { createAuditServer } from '../../../src/server/app';
import { CTX, makeEvents, tempDir, track } from './helpers';
import { ADMIN_TOKEN, freePort, startServerProcess, stopServerProcess, type ServerProcess } from './serverProcess';

const TOKEN = 'fault-test-token';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function storedCount(db: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT count(*) FROM events').pluck().get() as number;
  } finally {
    d.close();
  }
}

async function until(check: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await sleep(10);
  }
}

describe('audit delivery under faults', function () {
  this.timeout(180_000);
  const running: ServerProcess[] = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await stopServerProcess(p, 'SIGKILL');
  });

  it('delivers 10 000 events queued while the server was down, none lost, none duplicated', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'audit.db');
    const port = await freePort();
    const queue = track(new EventQueue(path.join(dir, 'queue')));
    const sender = new Sender(queue, { endpoint: `http://127.0.0.1:${port}/v1/events`, token: () => TOKEN, minDelayMs: 5, maxDelayMs: 50 });
    for (let i = 0; i < 10; i++) queue.enqueue(makeEvents(1000));
    assert.equal(await sender.drain(), false, 'nothing listens yet');
    assert.equal(queue.stats().queued, 10_000);
    // The editor restarts in between: the queue comes back from disk.
    await queue.close();
    const reopened = track(new EventQueue(path.join(dir, 'queue')));
    const sender2 = new Sender(reopened, { endpoint: `http://127.0.0.1:${port}/v1/events`, token: () => TOKEN, minDelayMs: 5, maxDelayMs: 50 });
    running.push(await startServerProcess(port, db, TOKEN));
    assert.equal(await sender2.drain(), true);
    assert.equal(reopened.stats().queued, 0);
    assert.equal(reopened.stats().sent, 10_000);
    assert.equal(storedCount(db), 10_000);
    const d = new Database(db, { readonly: true });
    assert.equal(d.prepare(`SELECT n FROM counters WHERE name = 'duplicates'`).pluck().get() ?? 0, 0);
    d.close();
  });

  it('loses nothing when the server is killed with SIGKILL mid-batch, repeatedly', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'audit.db');
    const port = await freePort();
    const queue = track(new EventQueue(path.join(dir, 'queue')));
    const generated = 8000;
    for (let i = 0; i < generated / 1000; i++) queue.enqueue(makeEvents(1000));
    const sender = new Sender(queue, { endpoint: `http://127.0.0.1:${port}/v1/events`, token: () => TOKEN, batchSize: 100, minDelayMs: 5, maxDelayMs: 40, idleMs: 20 });
    let server = await startServerProcess(port, db, TOKEN);
    running.push(server);
    sender.start();
    let kills = 0;
    for (let round = 0; round < 4; round++) {
      const before = queue.stats().sent;
      await until(() => queue.stats().sent >= before + 300 || queue.stats().queued === 0, 'progress');
      assert.ok(queue.stats().queued > 0, 'the kill happens while events are still being sent');
      server.child.kill('SIGKILL');
      await server.exited;
      kills++;
      await sleep(30);
      server = await startServerProcess(port, db, TOKEN);
      running.push(server);
    }
    await until(() => queue.stats().queued === 0, 'queue drained');
    sender.stop();
    assert.equal(kills, 4);
    assert.equal(queue.stats().sent, generated);
    assert.equal(storedCount(db), generated);
  });

  it('never puts the contents of an open file with a canary secret into a request body', async () => {
    const canary = 'AKIA' + 'CANARY7Q2ZX9K4M1';
    const password = 'pW9xK2mQ7vL4nR8tZ3bY6cH1jF5dG0sA';
    const workspace = tempDir('aip-ws-');
    const file = path.join(workspace, 'config', 'prod.env');
    fs.mkdirSync(path.dirname(file));
    const content = `AWS_ACCESS_KEY_ID=${canary}\nDB_PASSWORD=${password}\n`;
    fs.writeFileSync(file, content);

    const dir = tempDir();
    const bodies: string[] = [];
    const app = await createAuditServer({ dbFile: path.join(dir, 'audit.db'), token: TOKEN, adminToken: ADMIN_TOKEN, onIngestBody: (b) => bodies.push(b) });
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    const port = (app.server.address() as { port: number }).port;
    try {
      const queue = track(new EventQueue(path.join(dir, 'queue')));
      const rel = 'config/prod.env';
      // What careless callers could hand to record(): the path, the text, the finding, in every shape.
      const attempts: [Parameters<typeof createEvent>[0], Record<string, unknown>][] = [
        ['exposure', { path: file, uri: `file://${file}`, classes: ['secret'], rules: ['aws-access-key'], tools: ['github.copilot'], text: content, match: canary }],
        ['exposure', { path: rel, classes: ['secret'], rules: [canary, content], tools: [password] }],
        ['tool.added', { id: 'x.y', name: content, version: canary, notes: password }],
        ['inventory', { reason: content, tools: [{ id: canary, name: `${canary} tool`, version: file }] }],
        ['policy.loaded', { source: file, hash: 'a'.repeat(64), organization: password }],
        ['disclosure.added', { tools: ['github.copilot'], trailer: 'Assisted-by', message: content }],
      ];
      queue.enqueue(attempts.map(([type, data]) => createEvent(type, data, CTX)));
      const sender = new Sender(queue, { endpoint: `http://127.0.0.1:${port}/v1/events`, token: () => TOKEN, batchSize: 2 });
      assert.equal(await sender.drain(), true);
      assert.equal(queue.stats().sent, attempts.length);
      assert.ok(bodies.length >= 3);
      for (const body of bodies) {
        for (const needle of [canary, password, 'DB_PASSWORD', workspace, 'prod.env']) {
          assert.equal(body.includes(needle), false, `request body carries ${needle}`);
        }
      }
      // The exposure still says what matters: a class, the rule and a hash standing for the file.
      const first = JSON.parse(bodies[0]).events[0];
      assert.deepEqual(first.data.classes, ['secret']);
      assert.match(first.data.pathHash, /^[0-9a-f]{64}$/);
    } finally {
      await app.close();
    }
    const stored = fs.readFileSync(path.join(dir, 'audit.db')).toString('latin1') + fs.readFileSync(path.join(dir, 'audit.db-wal'), { flag: 'a+' }).toString('latin1');
    assert.equal(stored.includes(canary), false);
  });
});
