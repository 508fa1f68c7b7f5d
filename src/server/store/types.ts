// The one interface between the server and its persistence. Everything above it (HTTP, report,
// dashboard, CLI) talks only to this; SQL lives in the implementations (today SQLite, store/sqlite/).
import type { UsageBatch, UsageRows } from '../usage/fields';
import type { CheckedEvent } from '../validate';

/** How an ingest request was authenticated: the shared ingest token, an enrolled per-developer token, or a trusted proxy header. */
export type AuthKind = 'shared' | 'enrolled' | 'proxy';
/** Who wrote a chained record: an ingest credential, or the server itself (an enrollment). */
export type ChainAuth = AuthKind | 'server';

export interface IngestBatch {
  events: readonly CheckedEvent[];
  /** ISO time the server received the batch. */
  received: string;
  auth: ChainAuth;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** A time range in epoch ms, both ends inclusive; undefined ends are open. */
export interface Range {
  since?: number;
  until?: number;
}

export interface LogHead {
  /** Rows in the log. */
  count: number;
  /** Sequence number of the last row (0 when empty). */
  seq: number;
  /** Hash of the last row (the genesis value when empty). */
  hash: string;
}

export interface DeveloperRow {
  developer: string;
  firstAt: number;
  lastAt: number;
  policyVersion: number | null;
  editor: string | null;
  extensionVersion: string | null;
}

export interface IntervalRow {
  developer: string;
  machine: string;
  tool: string;
  name: string | null;
  version: string | null;
  status: string;
  firstAt: number;
  lastAt: number;
  enabled: boolean | null;
  active: boolean | null;
  /** Still in the machine's latest inventory. */
  present: boolean;
  /** The first inventory of that machine after `lastAt` (when the tool was seen gone), if any. */
  goneAt?: number | null;
}

export interface PolicyVersionRow {
  version: number;
  hash: string | null;
  signature: string | null;
  organization: string | null;
  published: string | null;
  effective: string | null;
  reviewedOn: string | null;
  nextReview: string | null;
  firstAt: number;
  lastAt: number;
  developers: number;
}

export interface AckRow {
  developer: string;
  version: number;
  hash: string | null;
  firstAt: number;
  firstAuth: AuthKind;
  verifiedAt: number | null;
  /** The earliest verified acknowledgement's own hash and the server's receive time of it. */
  verifiedHash: string | null;
  verifiedReceived: number | null;
}

export interface TrainingRow {
  developer: string;
  training: string;
  title: string | null;
  /** Latest completion at or before the end of the range. */
  lastAt: number;
  lastAuth: AuthKind;
  /** When the server received the latest completion. */
  lastReceived: number | null;
  firstAt: number;
  verifiedAt: number | null;
}

/** Everything the report needs for one range, read in one consistent snapshot. */
export interface ReportRows {
  head: LogHead;
  counters: Record<string, number>;
  developers: DeveloperRow[];
  /** Developers with at least one event dated in the range. */
  active: string[];
  machines: number;
  intervals: IntervalRow[];
  /** Per UTC day (epoch day): developers whose inventory came in, and those with an AI tool enabled. */
  daily: { day: number; reporting: number; using: number }[];
  policyVersions: PolicyVersionRow[];
  policySeen: { version: number; developer: string; firstAt: number }[];
  acks: AckRow[];
  trainings: TrainingRow[];
  /** Exposure events (each counted once, whatever its classes and tools) per UTC day, per developer, per class, per tool. */
  exposures: {
    byDay: { day: number; n: number }[];
    byDeveloper: { developer: string; n: number; lastAt: number }[];
    byClass: { class: string; n: number }[];
    byTool: { tool: string; n: number }[];
  };
  enrolled: string[];
  /** The usage rollups for the range (agents' telemetry, hook activity, editor active days, pull requests). */
  usage: UsageRows;
}

/** Whose use of which tools, in force from one epoch day through another (see AuditStore.usageInForce). */
export interface UsageInForceQuery {
  key: string;
  developers: readonly string[];
  tools: readonly string[];
  fromDay: number;
  untilDay: number;
}

/** A query's answer: days with use while in force, their sources, and the last day with use at all (from `fromDay` on). */
export interface UsageInForce {
  key: string;
  /** Distinct days from `fromDay` through `untilDay` with a usage row of any source. */
  activeDays: number;
  /** The sources of those rows (`hook`, `editor`, `otlp-log`, `otlp-metric`). */
  sources: string[];
  /** The last day with a usage row on or after `fromDay` (may be past `untilDay`). */
  lastDay: number;
}

/** A chained log row as stored: its parsed body is the event (or the server's own record). */
export interface ChainedRecord {
  seq: number;
  type: string;
  at: number;
  developer: string;
  auth: ChainAuth;
  /** ISO time the server received it. */
  received: string;
  body: string;
}

export interface VerifyProgress {
  (checked: number): void;
}

/** An earlier head: its hash, and (from a signed head) the row it was the hash of. */
export interface Anchor {
  hash: string;
  seq?: number;
}

export interface VerifyOptions {
  /** Earlier heads that must still be in the log (a head printed in an evidence pack, signed heads). */
  anchors?: readonly Anchor[];
  progress?: VerifyProgress;
}

export type VerifyResult =
  | { ok: true; head: LogHead; foundHead?: boolean; notes?: string[] }
  | { ok: false; head: LogHead; brokenSeq: number; brokenId: string | null; reason: string };

export interface Health {
  ok: boolean;
  problem?: string;
  schemaVersion?: number;
  head?: LogHead;
}

export interface AuditStore {
  /** What it is, for messages ("SQLite /var/lib/ai-policy/audit.db"). */
  readonly description: string;
  /** Stores new events (duplicates by id ignored) with their aggregates and the hash chain, atomically. */
  ingest(batch: IngestBatch): Promise<IngestResult>;
  /** Adds an OTLP request's usage (rows, cumulative sums, counters) to the rollups, atomically. */
  ingestUsage(batch: UsageBatch): Promise<void>;
  /** Report rows for a range (optionally limited to some developers). */
  reportRows(range: Range, developers?: readonly string[]): Promise<ReportRows>;
  logHead(): Promise<LogHead>;
  /**
   * For each query with any use of its tools by its developers on or after its first day, that use (see
   * UsageInForce); one read for all queries.
   */
  usageInForce(queries: readonly UsageInForceQuery[]): Promise<UsageInForce[]>;
  /** The chained rows of these types (dated in the range when one is given), in log order. */
  chainedRecords(types: readonly string[], range?: Range): Promise<ChainedRecord[]>;
  /**
   * Recomputes the hash chain (with `anchors`, also checks that each earlier head is the hash of its row),
   * rebuilds every aggregate and the enrollments from the chained log and compares them with the tables,
   * and runs the database's own integrity check.
   */
  verifyLog(opts?: VerifyOptions): Promise<VerifyResult>;
  /** Each of these developers that is enrolled, with the time of their first enrollment (ms). */
  enrolledSince(developers: readonly string[]): Promise<Map<string, number>>;
  /** Stores the hash of a new per-developer token; revokes earlier tokens of that developer. */
  enroll(developer: string, tokenHash: string): Promise<{ revoked: number }>;
  /** The developer enrolled with this token hash, if the token is valid. */
  enrolledDeveloper(tokenHash: string): Promise<string | undefined>;
  createSession(idHash: string, expiresAt: number): Promise<void>;
  /** True when the session exists and has not expired (expired sessions are removed). */
  sessionValid(idHash: string, now: number): Promise<boolean>;
  deleteSession(idHash: string): Promise<void>;
  /** Reads the store through a fresh connection: schema, log head and each table. */
  health(): Promise<Health>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Open for reading only (the report worker): no migrations, no writes. */
  readOnly?: boolean;
  /** Told about long migrations. */
  log?: (line: string) => void;
}
