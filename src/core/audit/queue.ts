// A persistent, bounded event queue in one folder: an append-only JSON-lines journal (fsync per batch)
// that is compacted into a snapshot when it grows. A torn last line from a crash is skipped on open and
// the journal is rewritten. Events leave the queue only when acknowledged (at-least-once) or when the
// bound forces the oldest out, which is counted as dropped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditEvent } from './events';

export interface QueueStats {
  queued: number;
  /** Oldest events dropped because the queue was full. */
  dropped: number;
  sent: number;
  /** Events the endpoint refused as invalid (4xx) and that were therefore dropped. */
  rejected: number;
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
}

type Counters = Omit<QueueStats, 'queued' | 'corruptLines'>;
type Entry =
  | { s: Counters; recent: AuditEvent[] }
  | { e: AuditEvent }
  | { a: string[]; at: string }
  | { d: string[] }
  | { r: string[]; why: string };

const JOURNAL = 'journal.jsonl';

export class EventQueue {
  private readonly pending = new Map<string, AuditEvent>();
  private recentSent: AuditEvent[] = [];
  private counters: Counters = { dropped: 0, sent: 0, rejected: 0 };
  private corrupt = 0;
  private lines = 0;
  private fd: number;
  private readonly file: string;
  private readonly max: number;
  private readonly recentLimit: number;

  constructor(readonly dir: string, opts: QueueOptions = {}) {
    this.max = Math.max(1, opts.maxEvents ?? 50_000);
    this.recentLimit = opts.recentLimit ?? 200;
    this.file = path.join(dir, JOURNAL);
    fs.mkdirSync(dir, { recursive: true });
    const torn = this.load();
    this.enforceBound();
    this.fd = -1;
    if (torn || this.lines > this.pending.size + 1) this.compact();
    else this.fd = fs.openSync(this.file, 'a');
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
      if (entry.e && typeof entry.e.id === 'string') this.pending.set(entry.e.id, entry.e);
    } else if ('a' in entry) {
      for (const id of entry.a) this.takeSent(id);
      this.counters.lastSentAt = entry.at;
    } else if ('d' in entry) {
      for (const id of entry.d) if (this.pending.delete(id)) this.counters.dropped++;
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

  private append(entries: Entry[]): void {
    if (!entries.length || this.fd < 0) return; // closed: a late answer after shutdown changes nothing on disk
    const text = entries.map((e) => JSON.stringify(e) + '\n').join('');
    fs.writeSync(this.fd, text);
    fs.fsyncSync(this.fd);
    this.lines += entries.length;
    if (this.lines > 1000 && this.lines > 4 * (this.pending.size + 1)) this.compact();
  }

  /** Returns the ids dropped (oldest first) to stay within the bound. */
  private enforceBound(): string[] {
    const over = this.pending.size - this.max;
    if (over <= 0) return [];
    const ids = [...this.pending.keys()].slice(0, over);
    for (const id of ids) this.pending.delete(id);
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

  /** Remembers a delivery error for the transparency view (not journaled: it changes often). */
  noteError(message: string): void {
    this.counters.lastError = message;
  }

  /** Recently delivered events, oldest first. */
  recent(): readonly AuditEvent[] {
    return this.recentSent;
  }

  stats(): QueueStats {
    return { queued: this.pending.size, ...this.counters, corruptLines: this.corrupt };
  }

  /** Rewrites the journal as a snapshot of the live state (write, fsync, rename). */
  compact(): void {
    const tmp = this.file + '.tmp';
    const head: Entry = { s: this.counters, recent: this.recentSent };
    const body = [head, ...[...this.pending.values()].map((e) => ({ e }))].map((x) => JSON.stringify(x) + '\n').join('');
    const tfd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(tfd, body);
      fs.fsyncSync(tfd);
    } finally {
      fs.closeSync(tfd);
    }
    if (this.fd >= 0) fs.closeSync(this.fd);
    fs.renameSync(tmp, this.file);
    syncDir(this.dir);
    this.fd = fs.openSync(this.file, 'a');
    this.lines = this.pending.size + 1;
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }
}

/** fsync a directory so a rename survives power loss (not possible on Windows; harmless to skip there). */
function syncDir(dir: string): void {
  try {
    const d = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(d);
    } finally {
      fs.closeSync(d);
    }
  } catch {
    // Windows cannot open directories; NTFS rename is already journaled.
  }
}
