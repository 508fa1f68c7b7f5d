import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireSlot, adoptOrphans, EventQueue } from '../../../src/core/audit';
import { makeEvents, tempDir } from './helpers';

describe('audit queue', () => {
  it('keeps queued events across reopen, oldest first', async () => {
    const dir = tempDir();
    const events = makeEvents(5);
    const q = new EventQueue(dir);
    q.enqueue(events.slice(0, 3));
    q.enqueue(events.slice(3));
    await q.close();
    const again = new EventQueue(dir);
    assert.deepEqual(again.peek(10).map((e) => e.id), events.map((e) => e.id));
    assert.deepEqual(again.peek(2), events.slice(0, 2));
    assert.equal(again.stats().queued, 5);
  });

  it('removes acknowledged events and remembers counters across reopen', async () => {
    const dir = tempDir();
    const events = makeEvents(4);
    const q = new EventQueue(dir);
    q.enqueue(events);
    assert.equal(q.ack([events[0].id, events[1].id, 'unknown']), 2);
    q.noteError('HTTP 503');
    await q.close();
    const again = new EventQueue(dir);
    const s = again.stats();
    assert.equal(s.queued, 2);
    assert.equal(s.sent, 2);
    assert.ok(s.lastSentAt);
    assert.deepEqual(again.peek(10).map((e) => e.id), [events[2].id, events[3].id]);
    assert.deepEqual(again.recent().map((e) => e.id), [events[0].id, events[1].id]);
  });

  it('writes in batches after the caller returns: enqueue never waits for the disk', async () => {
    const dir = tempDir();
    const q = new EventQueue(dir);
    const events = makeEvents(50);
    for (const e of events) q.enqueue([e]);
    const journal = path.join(dir, 'journal.jsonl');
    const onDisk = () => (fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
    assert.equal(onDisk(), 0, 'nothing written synchronously');
    assert.equal(q.stats().queued, 50, 'but queued at once');
    assert.equal(await q.flushed(), true);
    assert.equal(onDisk(), 50);
    await q.close();
    q.enqueue(makeEvents(1));
    assert.equal(await q.flushed(), true);
    assert.equal(onDisk(), 50, 'a closed queue writes nothing more');
  });

  it('drops the oldest only past the bound, and counts the drop', async () => {
    const dir = tempDir();
    const events = makeEvents(12);
    const q = new EventQueue(dir, { maxEvents: 10 });
    q.enqueue(events.slice(0, 10));
    assert.equal(q.stats().dropped, 0);
    q.enqueue(events.slice(10));
    assert.equal(q.stats().dropped, 2);
    assert.deepEqual(q.peek(1)[0].id, events[2].id);
    await q.close();
    const again = new EventQueue(dir, { maxEvents: 10 });
    assert.equal(again.stats().dropped, 2);
    assert.equal(again.stats().queued, 10);
  });

  it('tolerates a torn last line after a crash and keeps appending cleanly', async () => {
    const dir = tempDir();
    const events = makeEvents(3);
    const q = new EventQueue(dir);
    q.enqueue(events.slice(0, 2));
    await q.close();
    fs.appendFileSync(path.join(dir, 'journal.jsonl'), '{"e":{"id":"torn","ty');
    const again = new EventQueue(dir);
    assert.equal(again.stats().corruptLines, 1);
    assert.equal(again.stats().queued, 2);
    again.enqueue([events[2]]);
    await again.close();
    const third = new EventQueue(dir);
    assert.equal(third.stats().corruptLines, 0);
    assert.deepEqual(third.peek(10).map((e) => e.id), events.map((e) => e.id));
  });

  it('compacts the journal as it grows, without losing events', async () => {
    const dir = tempDir();
    const q = new EventQueue(dir);
    const kept = makeEvents(3);
    q.enqueue(kept);
    for (let i = 0; i < 30; i++) {
      const batch = makeEvents(100);
      q.enqueue(batch);
      q.ack(batch.map((e) => e.id));
      // One batch per round, as when the events arrive over time.
      assert.equal(await q.flushed(), true);
    }
    const lines = fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    assert.ok(lines < 1500, `journal has ${lines} lines`);
    await q.close();
    const again = new EventQueue(dir);
    assert.deepEqual(again.peek(10).map((e) => e.id), kept.map((e) => e.id));
    assert.equal(again.stats().sent, 3000);
  });

  it('gives each process its own slot and adopts the queue of a dead owner', async () => {
    const root = tempDir();
    const a = acquireSlot(root);
    const b = acquireSlot(root);
    assert.notEqual(a.dir, b.dir);
    const orphan = new EventQueue(path.join(b.dir, 'events'));
    const events = makeEvents(4);
    orphan.enqueue(events);
    await orphan.close();
    // A pid that cannot be alive marks the slot as abandoned.
    fs.writeFileSync(path.join(b.dir, 'owner.lock'), '2147483646');
    const mine = new EventQueue(path.join(a.dir, 'events'));
    assert.equal(await adoptOrphans(root, a.dir, 'events', mine), 4);
    assert.deepEqual(mine.peek(10).map((e) => e.id), events.map((e) => e.id));
    assert.equal(fs.existsSync(path.join(b.dir, 'events')), false);
    await mine.close();
    a.release();
    const c = acquireSlot(root);
    assert.equal(c.dir, a.dir);
  });
});
