// A persistent, bounded event queue in one folder: an append-only JSON-lines journal that is compacted
// into a snapshot when it grows. The in-memory state changes at once; the journal is written in batches
// (one write and one fdatasync per batch) by asynchronous file I/O, so neither the fsync nor a compaction
// blocks the caller's thread. A torn last line from a crash is skipped on open and the journal is
// rewritten before anything is appended. Events leave the queue only when acknowledged (at-least-once) or
// when the bound forces the oldest out, which is counted as dropped. Events a server refused for its schema
// are parked (kept aside, counted, not sent) until the sender offers them again.
import fs = require('node:fs');
import type { FileHandle } from 'node:fs/promises';
import path = require('node:path');
import type { AuditEvent } from './events';

export interface QueueStats {
  queued: number;
  /** Oldest events dropped because the queue was full. */
  dropped: number;
  sent: number;
  /** Events the endpoint refused as malformed (400 "malformed" or "refused") and that were therefore dropped. */
  rejected: number;
  /** Events kept aside because the endpoint's version refused them; offered again later (not counted in `queued`). */
  parked: number;
  lastError?: string;
  lastSentAt?: string;
  /** Unreadable journal lines skipped when opening (a torn write after a crash). */
  corruptLines: number;
}

export interface QueueOptions {
  /** Most events kept; past it the oldest are dropped (default 50 000). */
  maxEvents?: number;
  /** How many recently sent events to keep for the transparency view (default 200). */
  recentLimit?: number;
  /** Only read the journal (to take over another queue's events): nothing is ever written. */
  readOnly?: boolean;
  /** Told when a batch cannot be written; the batch is kept and tried again with the next one. */
  onWriteError?: (e: Error) => void;
}

/** Why and when an event was parked, and the wire schema of the server that refused it ('' when it named none). */
export interface Parking {
  at: number;
  why: string;
  schema: string;
}

type Counters = Omit<QueueStats, 'queued' | 'corruptLines' | 'parked'>;
type Entry =
  | { s: Counters; recent: AuditEvent[] }
  | { e: AuditEvent; p?: Parking }
  | { p: string[]; why: string; at: number; schema: string }
  | { u: string[] }
  | { a: string[]; at: string }
  | { d: string[] }
  | { r: string[]; why: string };

const JOURNAL = 'journal.jsonl';

export class EventQueue {
  private readonly pending = new Map<string, AuditEvent>();
  private readonly parkedEvents = new Map<string, { event: AuditEvent; parking: Parking }>();
  private recentSent: AuditEvent[] = [];
  private counters: Counters = { dropped: 0, sent: 0, rejected: 0 };
  private corrupt = 0;
  /** Lines in the journal on disk, plus those waiting in `unwritten`. */
  private lines = 0;
  private readonly file: string;
  private readonly max: number;
  private readonly recentLimit: number;
  private readonly readOnly: boolean;
  /** Journal lines not yet written. */
  private unwritten: string[] = [];
  private compactDue = false;
  private handle: FileHandle | undefined;
  /** The running batch writer, if any. */
  private writer: Promise<void> | undefined;
  private closing = false;

  constructor(
    readonly dir: string,
    private readonly opts: QueueOptions = {},
  ) {
    this.max = Math.max(1, opts.maxEvents ?? 50_000);
    this.recentLimit = opts.recentLimit ?? 200;
    this.readOnly = !!opts.readOnly;
    this.file = path.join(dir, JOURNAL);
    if (!this.readOnly) fs.mkdirSync(dir, { recursive: true });
    const torn = this.load();
    const dropped = this.enforceBound();
    if (this.readOnly) return;
    // A torn tail must be rewritten before anything is appended after it; a journal with acknowledged
    // entries is worth compacting once at start.
    if (torn || dropped.length || this.lines > this.pending.size + this.parkedEvents.size + 1) {
      this.compactDue = true;
      this.kick();
    }
  }

  private load(): boolean {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return false;
    }
    const rows = text.split('\n');
    const endsClean = text.length === 0 || text.endsWith('\n');
    for (const row of rows) {
      if (!row) continue;
      let entry: Entry;
      try {
        entry = JSON.parse(row) as Entry;
      } catch {
        this.corrupt++;
        continue;
      }
      this.lines++;
      this.apply(entry);
    }
    return this.corrupt > 0 || !endsClean;
  }

  private apply(entry: Entry): void {
    if ('s' in entry) {
      this.counters = { ...this.counters, ...entry.s };
      this.recentSent = entry.recent ?? [];
    } else if ('e' in entry) {
      if (!entry.e || typeof entry.e.id !== 'string') return;
      if (entry.p) this.parkedEvents.set(entry.e.id, { event: entry.e, parking: entry.p });
      else this.pending.set(entry.e.id, entry.e);
    } else if ('p' in entry) {
      this.moveToParked(entry.p, { at: entry.at, why: entry.why, schema: entry.schema });
    } else if ('u' in entry) {
      this.moveToPending(entry.u);
    } else if ('a' in entry) {
      for (const id of entry.a) this.takeSent(id);
      this.counters.lastSentAt = entry.at;
    } else if ('d' in entry) {
      for (const id of entry.d) if (this.pending.delete(id) || this.parkedEvents.delete(id)) this.counters.dropped++;
    } else if ('r' in entry) {
      for (const id of entry.r) if (this.pending.delete(id)) this.counters.rejected++;
      this.counters.lastError = entry.why;
    }
  }

  private takeSent(id: string): boolean {
    const ev = this.pending.get(id);
    if (!ev) return false;
    this.pending.delete(id);
    this.counters.sent++;
    this.recentSent.push(ev);
    if (this.recentSent.length > this.recentLimit) this.recentSent.splice(0, this.recentSent.length - this.recentLimit);
    return true;
  }

  /** Queues journal lines for the next batch. */
  private append(entries: Entry[]): void {
    if (!entries.length || this.readOnly || this.closing) return; // closed: a late answer after shutdown changes nothing on disk
    for (const e of entries) this.unwritten.push(JSON.stringify(e) + '\n');
    this.lines += entries.length;
    if (this.lines > 1000 && this.lines > 4 * (this.pending.size + this.parkedEvents.size + 1)) this.compactDue = true;
    this.kick();
  }

  /** Starts the batch writer unless it runs already (it picks up whatever was queued meanwhile). */
  private kick(): void {
    if (this.writer) return;
    this.writer = this.writeBatches().then(
      () => {
        this.writer = undefined;
        if (this.unwritten.length || this.compactDue) this.kick();
      },
      (e: unknown) => {
        this.writer = undefined;
        this.opts.onWriteError?.(e instanceof Error ? e : new Error(String(e)));
      },
    );
  }

  private async writeBatches(): Promise<void> {
    // Let the records of one burst (the same tick) join one batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.compactDue || this.unwritten.length) {
      if (this.compactDue) {
        await this.compactNow();
        continue;
      }
      const batch = this.unwritten;
      this.unwritten = [];
      try {
        this.handle ??= await fs.promises.open(this.file, 'a');
        await this.handle.appendFile(batch.join(''));
        await this.handle.datasync();
      } catch (e) {
        this.unwritten = [...batch, ...this.unwritten];
        throw e;
      }
    }
  }

  /** Rewrites the journal as a snapshot of the live state (write, fsync, rename), which covers every unwritten line. */
  private async compactNow(): Promise<void> {
    this.compactDue = false;
    const head: Entry = { s: this.counters, recent: this.recentSent };
    const parked = [...this.parkedEvents.values()].map(({ event, parking }) => ({ e: event, p: parking }));
    const body = [head, ...[...this.pending.values()].map((e) => ({ e })), ...parked].map((x) => JSON.stringify(x) + '\n').join('');
    const covered = this.unwritten;
    this.unwritten = [];
    const tmp = this.file + '.tmp';
    try {
      const t = await fs.promises.open(tmp, 'w');
      try {
        await t.writeFile(body);
        await t.sync();
      } finally {
        await t.close();
      }
      await this.handle?.close();
      this.handle = undefined;
      await fs.promises.rename(tmp, this.file);
      await syncDir(this.dir);
    } catch (e) {
      this.unwritten = [...covered, ...this.unwritten];
      this.compactDue = true;
      throw e;
    }
    this.lines = this.pending.size + this.parkedEvents.size + 1 + this.unwritten.length;
  }

  /** Returns the ids dropped (oldest first) to stay within the bound, which parked events count towards too (the oldest of those go first). */
  private enforceBound(): string[] {
    let over = this.pending.size + this.parkedEvents.size - this.max;
    if (over <= 0) return [];
    const ids: string[] = [];
    for (const id of this.parkedEvents.keys()) {
      if (over <= 0) break;
      ids.push(id);
      over--;
    }
    for (const id of ids) this.parkedEvents.delete(id);
    const fromPending = over > 0 ? [...this.pending.keys()].slice(0, over) : [];
    for (const id of fromPending) this.pending.delete(id);
    ids.push(...fromPending);
    this.counters.dropped += ids.length;
    return ids;
  }

  enqueue(events: readonly AuditEvent[]): void {
    if (!events.length) return;
    for (const e of events) this.pending.set(e.id, e);
    const dropped = this.enforceBound();
    const entries: Entry[] = events.map((e) => ({ e }));
    if (dropped.length) entries.push({ d: dropped });
    this.append(entries);
  }

  /** The oldest n queued events, without removing them. */
  peek(n: number): AuditEvent[] {
    const out: AuditEvent[] = [];
    for (const ev of this.pending.values()) {
      if (out.length >= n) break;
      out.push(ev);
    }
    return out;
  }

  /** Marks events as delivered; returns how many were still queued. */
  ack(ids: readonly string[]): number {
    const at = new Date().toISOString();
    const known = ids.filter((id) => this.pending.has(id));
    known.forEach((id) => this.takeSent(id));
    this.counters.lastSentAt = at;
    this.counters.lastError = undefined;
    this.append([{ a: known, at }]);
    return known.length;
  }

  /** Drops events the endpoint refused as invalid; they would never be accepted. */
  reject(ids: readonly string[], why: string): number {
    const known = ids.filter((id) => this.pending.delete(id));
    this.counters.rejected += known.length;
    this.counters.lastError = why;
    this.append([{ r: known, why }]);
    return known.length;
  }

  /**
   * Keeps events aside that the endpoint refused for its schema (a server older than the editor): they are not
   * sent again until unpark() offers them back, and they are never dropped for it.
   */
  park(ids: readonly string[], why: string, schema = ''): number {
    const parking: Parking = { at: Date.now(), why, schema };
    const known = this.moveToParked(ids, parking);
    this.counters.lastError = why;
    if (known.length) this.append([{ p: known, why, at: parking.at, schema }]);
    return known.length;
  }

  /** Puts parked events for which `due` holds back in the queue, behind the events queued now; returns how many. */
  unpark(due: (p: Parking) => boolean): number {
    const ids = [...this.parkedEvents].filter(([, p]) => due(p.parking)).map(([id]) => id);
    this.moveToPending(ids);
    if (ids.length) this.append([{ u: ids }]);
    return ids.length;
  }

  /** The parked events and why, oldest first (for the transparency view and the tests). */
  parked(): { event: AuditEvent; parking: Parking }[] {
    return [...this.parkedEvents.values()];
  }

  private moveToParked(ids: readonly string[], parking: Parking): string[] {
    const known: string[] = [];
    for (const id of ids) {
      const event = this.pending.get(id);
      if (!event) continue;
      this.pending.delete(id);
      this.parkedEvents.set(id, { event, parking });
      known.push(id);
    }
    return known;
  }

  private moveToPending(ids: readonly string[]): void {
    for (const id of ids) {
      const p = this.parkedEvents.get(id);
      if (!p) continue;
      this.parkedEvents.delete(id);
      this.pending.set(id, p.event);
    }
  }

  /** Remembers a delivery error for the transparency view (not journaled: it changes often). */
  noteError(message: string): void {
    this.counters.lastError = message;
  }

  /** Recently delivered events, oldest first. */
  recent(): readonly AuditEvent[] {
    return this.recentSent;
  }

  stats(): QueueStats {
    return { queued: this.pending.size, ...this.counters, parked: this.parkedEvents.size, corruptLines: this.corrupt };
  }

  /** Resolves once the writer is idle: true when everything recorded so far is on disk, false after a failed write. */
  async flushed(): Promise<boolean> {
    while (this.writer) await this.writer;
    return this.readOnly || (!this.unwritten.length && !this.compactDue);
  }

  /** Writes what is still unwritten, then closes the journal; later changes stay in memory only. */
  async close(): Promise<void> {
    await this.flushed();
    this.closing = true;
    const h = this.handle;
    this.handle = undefined;
    await h?.close();
  }
}

/** fsync a directory so a rename survives power loss (not possible on Windows; harmless to skip there). */
async function syncDir(dir: string): Promise<void> {
  try {
    const d = await fs.promises.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Windows cannot open directories; NTFS rename is already journaled.
  }
}
