// Events a server's version refuses are parked (kept aside, counted, on disk), not dropped, and offered again
// when the server names another wire schema or after a while; only what the server calls malformed or refused
// for good is dropped.
import * as assert from 'node:assert/strict';
import { EventQueue, Sender, WIRE_SCHEMA_HEADER } from '../../../src/core/audit';
import { captureServer, makeEvents, tempDir, tempQueue, track } from './helpers';

const fast = { minDelayMs: 1, maxDelayMs: 5 };

describe('audit sender: parked events', () => {
  it('parks an event refused with 422 "schema", says so in the log, and delivers it once the server names another schema', async () => {
    const events = makeEvents(4);
    const bad = events[2].id;
    let schema = 'v1';
    const srv = await captureServer((_n, body) => {
      const headers = { [WIRE_SCHEMA_HEADER]: schema };
      if (schema === 'v1' && body.includes(bad)) return { status: 422, body: { error: 'events[0].data.x: unknown field larger than 16384 bytes', reason: 'schema', index: 0 }, headers };
      return { status: 200, body: { accepted: 1 }, headers };
    });
    try {
      const q = tempQueue();
      q.enqueue(events);
      const logs: string[] = [];
      const s = new Sender(q, { endpoint: `${srv.url}/v1/events`, ...fast, log: (level, m) => logs.push(`${level}: ${m}`) });
      assert.equal(await s.drain(), true);
      assert.deepEqual([q.stats().sent, q.stats().parked, q.stats().rejected, q.stats().queued], [3, 1, 0, 0]);
      assert.equal(q.parked()[0].event.id, bad);
      assert.equal(q.parked()[0].parking.schema, 'v1');
      assert.ok(logs.some((l) => /^warn: audit: HTTP 422 refused event .* \(inventory\).*kept aside \(1 parked\)/.test(l)), logs.join('\n'));
      // Same server version, nothing new: the parked event waits.
      q.enqueue(makeEvents(1));
      assert.equal(await s.drain(), true);
      assert.equal(q.stats().parked, 1);
      // The server is upgraded: its next answer names another schema, and the parked event goes again.
      schema = 'v2';
      q.enqueue(makeEvents(1));
      assert.equal(await s.drain(), true);
      assert.deepEqual([q.stats().sent, q.stats().parked, q.stats().rejected], [6, 0, 0]);
      assert.ok(srv.seen.some((c) => c.status === 200 && c.body.includes(bad)));
    } finally {
      await srv.close();
    }
  });

  it('drops only what the server calls malformed or refused (400 with that reason), parks a 400 that gives no reason', async () => {
    const events = makeEvents(3);
    const answers: Record<string, { status: number; body: unknown }> = {
      [events[0].id]: { status: 400, body: { error: 'events[0]: "time" is before the enrollment', reason: 'refused' } },
      [events[1].id]: { status: 400, body: { error: 'events[0].data: unknown field "x"' } },
      [events[2].id]: { status: 400, body: { error: 'events[0]: missing "time"', reason: 'malformed' } },
    };
    const srv = await captureServer((_n, body) => Object.entries(answers).find(([id]) => body.includes(id))?.[1] ?? 200);
    try {
      const q = tempQueue();
      q.enqueue(events);
      assert.equal(await new Sender(q, { endpoint: `${srv.url}/v1/events`, ...fast }).drain(), true);
      assert.deepEqual([q.stats().rejected, q.stats().parked, q.stats().sent], [2, 1, 0]);
      assert.equal(q.parked()[0].event.id, events[1].id);
    } finally {
      await srv.close();
    }
  });

  it('offers parked events again after parkedRetryMs even when the server names no schema', async () => {
    const events = makeEvents(2);
    let refuse = true;
    const srv = await captureServer((_n, body) => (refuse && body.includes(events[1].id) ? 400 : 200));
    try {
      const q = tempQueue();
      q.enqueue(events);
      const s = new Sender(q, { endpoint: `${srv.url}/v1/events`, ...fast, parkedRetryMs: 50 });
      assert.equal(await s.drain(), true);
      assert.equal(q.stats().parked, 1);
      refuse = false;
      assert.equal(await s.drain(), true);
      assert.equal(q.stats().parked, 1, 'not before parkedRetryMs');
      await new Promise((r) => setTimeout(r, 60));
      assert.equal(await s.drain(), true);
      assert.deepEqual([q.stats().parked, q.stats().sent, q.stats().rejected], [0, 2, 0]);
    } finally {
      await srv.close();
    }
  });

  it('keeps parked events across a restart and a compaction, and counts them within the bound (oldest parked dropped first)', async () => {
    const dir = tempDir();
    const events = makeEvents(4);
    let q = new EventQueue(dir, { maxEvents: 4 });
    q.enqueue(events);
    assert.equal(q.park([events[0].id, events[1].id], 'HTTP 422 refused', 'v1'), 2);
    assert.equal(q.park(['no-such-id'], 'HTTP 422 refused'), 0);
    await q.close();
    q = new EventQueue(dir, { maxEvents: 4 });
    assert.deepEqual([q.stats().queued, q.stats().parked], [2, 2]);
    assert.deepEqual(q.peek(10).map((e) => e.id), [events[2].id, events[3].id], 'parked events are not sent');
    // A fifth event: the bound drops the oldest parked event, counted as dropped.
    const fifth = makeEvents(1);
    q.enqueue(fifth);
    assert.deepEqual([q.stats().queued, q.stats().parked, q.stats().dropped], [3, 1, 1]);
    assert.deepEqual(q.parked().map((p) => p.event.id), [events[1].id]);
    await q.close();
    q = track(new EventQueue(dir, { maxEvents: 4 }));
    assert.deepEqual([q.stats().queued, q.stats().parked, q.stats().dropped], [3, 1, 1]);
    assert.equal(q.unpark((p) => p.schema === 'v1'), 1);
    assert.deepEqual(q.peek(10).map((e) => e.id), [events[2].id, events[3].id, fifth[0].id, events[1].id], 'offered again behind the queued ones');
  });
});
