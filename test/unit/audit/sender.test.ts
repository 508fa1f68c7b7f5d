import * as assert from 'node:assert/strict';
import { checkEndpoint, Sender, isLoopbackHost } from '../../../src/core/audit';
import { captureServer, makeEvents, tempQueue } from './helpers';

const fast = { minDelayMs: 1, maxDelayMs: 5 };

describe('audit sender', () => {
  it('requires https except to loopback', () => {
    assert.doesNotThrow(() => checkEndpoint('https://audit.example.com/v1/events'));
    for (const ok of ['http://127.0.0.1:1/v1/events', 'http://127.8.9.10/x', 'http://localhost:9/x', 'http://[::1]:9/x']) assert.doesNotThrow(() => checkEndpoint(ok), ok);
    assert.throws(() => checkEndpoint('http://audit.example.com/v1/events'), /https/);
    assert.throws(() => checkEndpoint('http://10.0.0.5/v1/events'), /https/);
    assert.throws(() => checkEndpoint('http://127.0.0.1.evil.example/x'), /https/);
    assert.throws(() => checkEndpoint('ftp://127.0.0.1/x'), /https/);
    assert.throws(() => checkEndpoint('https://user:pw@audit.example.com/'), /credentials/);
    assert.throws(() => new Sender(tempQueue(), { endpoint: 'http://audit.example.com/v1/events' }), /https/);
    assert.equal(isLoopbackHost('[::1]'), true);
    assert.equal(isLoopbackHost('localhost.example'), false);
  });

  it('posts {"events": [...]} batches with the bearer token and acknowledges them', async () => {
    const srv = await captureServer();
    try {
      const q = tempQueue();
      const events = makeEvents(7);
      q.enqueue(events);
      const s = new Sender(q, { endpoint: `${srv.url}/v1/events`, token: () => 'T0K', batchSize: 3, ...fast });
      assert.equal(await s.drain(), true);
      assert.equal(srv.seen.length, 3);
      assert.deepEqual(srv.seen.map((c) => JSON.parse(c.body).events.length), [3, 3, 1]);
      assert.equal(srv.seen[0].auth, 'Bearer T0K');
      assert.equal(srv.seen[0].url, '/v1/events');
      const ids = srv.seen.flatMap((c) => JSON.parse(c.body).events.map((e: { id: string }) => e.id));
      assert.deepEqual(ids, events.map((e) => e.id));
      assert.equal(q.stats().queued, 0);
      assert.equal(q.stats().sent, 7);
    } finally {
      await srv.close();
    }
  });

  it('keeps events on 5xx and delivers them after the server recovers', async () => {
    const srv = await captureServer((n) => (n < 2 ? 503 : 200));
    try {
      const q = tempQueue();
      q.enqueue(makeEvents(5));
      const s = new Sender(q, { endpoint: `${srv.url}/v1/events`, ...fast });
      assert.equal(await s.drain(), false);
      assert.equal(q.stats().queued, 5);
      assert.match(q.stats().lastError ?? '', /HTTP 503/);
      assert.equal(await s.drain(), false);
      assert.equal(await s.drain(), true);
      assert.equal(q.stats().queued, 0);
      assert.equal(srv.seen.length, 3);
      assert.equal(q.stats().lastError, undefined);
    } finally {
      await srv.close();
    }
  });

  it('retries in the background with backoff until delivered', async () => {
    const srv = await captureServer((n) => (n < 3 ? 500 : 200));
    try {
      const q = tempQueue();
      q.enqueue(makeEvents(2));
      const s = new Sender(q, { endpoint: `${srv.url}/v1/events`, ...fast, idleMs: 10 });
      s.start();
      for (let i = 0; i < 200 && q.stats().queued > 0; i++) await new Promise((r) => setTimeout(r, 10));
      s.stop();
      assert.equal(q.stats().queued, 0);
      assert.equal(srv.seen.filter((c) => c.status === 500).length, 3);
    } finally {
      await srv.close();
    }
  });

  it('keeps events on 401 (a setup problem) instead of dropping them', async () => {
    const srv = await captureServer(() => 401);
    try {
      const q = tempQueue();
      q.enqueue(makeEvents(3));
      const s = new Sender(q, { endpoint: `${srv.url}/v1/events`, ...fast });
      assert.equal(await s.drain(), false);
      assert.equal(q.stats().queued, 3);
      assert.equal(q.stats().rejected, 0);
    } finally {
      await srv.close();
    }
  });

  it('isolates an event the server refuses with 400 as malformed and drops only that one', async () => {
    const events = makeEvents(6);
    const bad = events[4].id;
    const srv = await captureServer((_n, body) => (body.includes(bad) ? { status: 400, body: { error: 'events[0]: missing "time"', reason: 'malformed' } } : 200));
    try {
      const q = tempQueue();
      q.enqueue(events);
      const s = new Sender(q, { endpoint: `${srv.url}/v1/events`, ...fast });
      assert.equal(await s.drain(), true);
      assert.equal(q.stats().sent, 5);
      assert.equal(q.stats().rejected, 1);
      assert.equal(q.stats().parked, 0);
    } finally {
      await srv.close();
    }
  });

  it('backs off exponentially with jitter, up to the maximum', () => {
    const s = new Sender(tempQueue(), { endpoint: 'https://audit.example.com/v1/events', minDelayMs: 1000, maxDelayMs: 60_000 });
    for (const [failures, base] of [[1, 1000], [2, 2000], [4, 8000], [10, 60_000], [40, 60_000]] as const) {
      for (let i = 0; i < 50; i++) {
        const d = s.backoffMs(failures);
        assert.ok(d >= base / 2 && d <= base, `${failures}: ${d}`);
      }
    }
    const spread = new Set(Array.from({ length: 50 }, () => s.backoffMs(5)));
    assert.ok(spread.size > 1, 'jitter varies the delay');
  });

  it('reports a refused connection as a retryable error', async () => {
    const srv = await captureServer();
    const url = srv.url;
    await srv.close();
    const q = tempQueue();
    q.enqueue(makeEvents(1));
    const s = new Sender(q, { endpoint: `${url}/v1/events`, ...fast, timeoutMs: 2000 });
    assert.equal(await s.flush(3000), false);
    assert.equal(q.stats().queued, 1);
    assert.match(q.stats().lastError ?? '', /ECONNREFUSED|127\.0\.0\.1/);
  });
});
