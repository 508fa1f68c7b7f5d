// Version skew across releases, through the real queue, sender and server processes: today's editor against
// the previous release's server (which refuses today's new fields and types, and clocks over 24 h ahead, with
// 400), and the previous release's editor against today's server. Nothing may be lost on either side.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEvent, EventQueue, Sender, type AuditEvent } from '../../../src/core/audit';
import { CTX, tempDir, track } from './helpers';
import { previousRelease, type PreviousRelease } from './previousRelease';
import { ADMIN_TOKEN, CLI, freePort, startServerProcess, stopServerProcess, type ServerProcess } from './serverProcess';

const TOKEN = 'skew-test-token-0123';

/** Reads a server's JSON report with the admin token. */
async function reportOf(url: string): Promise<{ totals: { events: number; byType: Record<string, number> }; acknowledgements: { records: { developer: string; version: number }[] } }> {
  const r = await fetch(`${url}/v1/report`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(r.status, 200);
  return (await r.json()) as never;
}

/** What today's editor sends that the previous release does not know, beside what it does. */
function todaysEvents(): { known: AuditEvent[]; newer: AuditEvent[]; ahead: AuditEvent } {
  const ack = createEvent('policy.acknowledged', { version: 3, hash: 'b'.repeat(64), method: 'command' }, CTX);
  const training = createEvent('training.completed', { trainingId: 'ai-basics' }, CTX);
  // `activeDays` on a tool and the `agent.activity` type are newer than the previous release.
  const inventory = createEvent('inventory', { reason: 'interval', tools: [{ id: 'github.copilot', status: 'approved', enabled: true, activeDays: ['2026-12-01'] }] }, CTX);
  const activity = createEvent('agent.activity', { day: '2026-12-01', harness: 'claude-code', sessions: 1, toolCalls: 4, prompts: 2, denials: 0, auditDenials: 0 }, CTX);
  // An editor whose clock is 30 hours fast.
  const ahead = { ...createEvent('policy.acknowledged', { version: 3, method: 'command' }, { ...CTX, developer: 'fast@example.com' }), time: new Date(Date.now() + 30 * 3600 * 1000).toISOString() };
  return { known: [ack, training], newer: [inventory, activity], ahead };
}

describe('audit: version skew between releases', function () {
  this.timeout(180_000);
  let release: PreviousRelease;
  const running: ServerProcess[] = [];
  before(async () => {
    release = await previousRelease();
  });
  afterEach(async () => {
    for (const p of running.splice(0)) await stopServerProcess(p);
  });

  async function serve(db: string, port: number, cli?: string): Promise<ServerProcess> {
    const p = await startServerProcess(port, db, TOKEN, [], cli);
    running.push(p);
    return p;
  }

  it("today's sender keeps what the previous release's server refuses, and delivers it once the server is upgraded", async () => {
    const dir = tempDir();
    const db = path.join(dir, 'audit.db');
    const port = await freePort();
    const old = await serve(db, port, release.cli);
    const qdir = path.join(dir, 'queue');
    const logs: string[] = [];
    const log = (level: string, m: string) => logs.push(`${level}: ${m}`);
    const { known, newer, ahead } = todaysEvents();
    let q = new EventQueue(qdir);
    q.enqueue([known[0], ...newer, ahead, known[1]]);
    const opts = { endpoint: `${old.url}/v1/events`, token: () => TOKEN, minDelayMs: 1, maxDelayMs: 5, log };
    assert.equal(await new Sender(q, opts).drain(), true);
    assert.deepEqual({ ...q.stats(), lastError: undefined, lastSentAt: undefined }, { queued: 0, sent: 2, dropped: 0, rejected: 0, parked: 3, corruptLines: 0, lastError: undefined, lastSentAt: undefined });
    assert.deepEqual(q.parked().map((p) => p.event.id).sort(), [...newer, ahead].map((e) => e.id).sort());
    assert.ok(q.parked().every((p) => p.parking.schema === '' && /HTTP 400/.test(p.parking.why)));
    assert.equal(logs.filter((l) => /^warn: .*HTTP 400 refused event .*kept aside/.test(l)).length, 3, logs.join('\n'));
    let rep = await reportOf(old.url);
    assert.equal(rep.totals.events, 2);
    assert.deepEqual(rep.acknowledgements.records.map((a) => a.developer), [CTX.developer]);

    // A day later (shortened here), the same server is asked again: refused again, still kept.
    const daily = new Sender(q, { ...opts, parkedRetryMs: 1 });
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(await daily.drain(), true);
    assert.equal(q.stats().parked, 3);
    assert.equal(q.stats().rejected, 0);

    // Parked events survive a restart of the editor (and the journal's compaction).
    await q.close();
    q = track(new EventQueue(qdir));
    assert.equal(q.stats().parked, 3);
    assert.equal(q.stats().queued, 0);

    // The server is upgraded in place (same database); the next delivery sees its wire schema and offers the parked events again.
    await stopServerProcess(old);
    const now = await serve(db, port);
    q.enqueue([createEvent('exposure', { classes: ['secret'] }, CTX)]);
    assert.equal(await new Sender(q, opts).drain(), true);
    assert.deepEqual([q.stats().queued, q.stats().parked, q.stats().rejected, q.stats().sent], [0, 0, 0, 2 + 4]);
    assert.ok(logs.some((l) => /offering 3 parked event\(s\)/.test(l)), logs.join('\n'));
    rep = await reportOf(now.url);
    assert.equal(rep.totals.events, 6);
    assert.equal(rep.totals.byType['agent.activity'], 1);
    assert.deepEqual(rep.acknowledgements.records.map((a) => a.developer).sort(), [CTX.developer, 'fast@example.com']);
    // The upgraded log, the previous release's records and today's, verifies.
    assert.match(execFileSync(process.execPath, [CLI, 'verify-log', '--db', db], { encoding: 'utf8' }), /OK/);
  });

  it("the previous release's sender delivers everything to today's server, a clock 30 h ahead included", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const old = require(release.audit) as typeof import('../../../src/core/audit');
    const dir = tempDir();
    const port = await freePort();
    const now = await serve(path.join(dir, 'audit.db'), port);
    const q = new old.EventQueue(path.join(dir, 'queue'));
    const ack = old.createEvent('policy.acknowledged', { version: 3, method: 'command' }, CTX);
    const inventory = old.createEvent('inventory', { reason: 'interval', tools: [{ id: 'github.copilot', status: 'approved', enabled: true }] }, CTX);
    const fast = { ...old.createEvent('training.completed', { trainingId: 'ai-basics' }, CTX), time: new Date(Date.now() + 30 * 3600 * 1000).toISOString() };
    q.enqueue([ack, inventory, fast]);
    const logs: string[] = [];
    assert.equal(await new old.Sender(q, { endpoint: `${now.url}/v1/events`, token: () => TOKEN, minDelayMs: 1, maxDelayMs: 5, log: (_l, m) => logs.push(m) }).drain(), true);
    assert.equal(q.stats().sent, 3, logs.join('\n'));
    assert.equal(q.stats().rejected, 0, logs.join('\n'));
    await q.close();
    const rep = await reportOf(now.url);
    assert.equal(rep.totals.events, 3);
    assert.equal(rep.acknowledgements.records.length, 1);
    assert.ok(fs.existsSync(release.cli));
  });
});
