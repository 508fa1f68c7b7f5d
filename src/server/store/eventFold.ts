// What both stores take from a stored event for the report's aggregates: the fields read defensively (events
// stored by older versions are replayed through this too) and the per-batch summary of who was seen. The SQLite
// and PostgreSQL stores write these with their own statements; the rules of what is read live here once.
import type { SnapshotTool } from './sqlite/intervals';

export const DAY_MS = 86_400_000;
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

export interface StoredEvent {
  type: string;
  at: number;
  developer: string;
  machine: string | null;
  policyVersion: number | null;
  /** When the server received it (epoch ms). */
  received: number;
  editor?: unknown;
  extensionVersion?: unknown;
  data?: unknown;
}

/** Records the server itself writes into the chained log (clients cannot send types under `server.`). */
export const ENROLLMENT = 'server.enrollment';
/** An admin's decision on an exception request (the review queue); not an editor event type, so ingest refuses it. */
export const EXCEPTION_DECIDED = 'exception.decided';
export const isServerRecord = (type: string): boolean => type.startsWith('server.') || type === EXCEPTION_DECIDED;

/** The token hash a chained enrollment record enrolls. */
export const enrolledTokenOf = (data: Record<string, unknown>): string | null => str(data.tokenHash);

export const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const flag = (v: unknown): number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && !!x))] : []);
export const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The tools an inventory event lists (those without an id dropped). */
export function inventoryTools(data: Record<string, unknown>): SnapshotTool[] {
  const tools: SnapshotTool[] = [];
  for (const raw of Array.isArray(data.tools) ? data.tools : []) {
    const t = obj(raw);
    const id = str(t.id);
    if (id) tools.push({ id, status: str(t.status) ?? 'unlisted', name: str(t.name), version: str(t.version), enabled: flag(t.enabled), active: flag(t.active) });
  }
  return tools;
}

/** How many AI tools an inventory counts as present (enabled, or not saying). */
export const presentTools = (tools: readonly SnapshotTool[]): number => tools.filter((t) => t.enabled !== 0).length;

export interface PolicyVersionSeen {
  version: number;
  hash: string;
  signature: string;
  org: string | null;
  published: string | null;
  effective: string | null;
  reviewedOn: string | null;
  nextReview: string | null;
}

/** The policy version a `policy.loaded` event reports, or undefined when it names none. */
export function policyVersionOf(data: Record<string, unknown>): PolicyVersionSeen | undefined {
  if (typeof data.version !== 'number') return undefined;
  return {
    version: data.version,
    hash: str(data.hash) ?? '',
    signature: str(data.signature) ?? '',
    org: str(data.organization),
    published: str(data.published),
    effective: str(data.effective),
    reviewedOn: str(data.reviewedOn),
    nextReview: str(data.nextReview),
  };
}

/** The version a `policy.acknowledged` event acknowledges (its own field, else the version in force). */
export const acknowledgedVersion = (data: Record<string, unknown>, e: StoredEvent): number | null => (typeof data.version === 'number' ? data.version : e.policyVersion);

/** The training a `training.completed` event completes. */
export const trainingIdOf = (data: Record<string, unknown>): string | null => str(data.trainingId) ?? str(data.training);

/** The data classes and tools an exposure counts under ('unknown' / 'none' when it names none). */
export function exposureKeys(data: Record<string, unknown>): { classes: string[]; tools: string[] } {
  const classes = strings(data.classes);
  const tools = strings(data.tools);
  return { classes: classes.length ? classes : ['unknown'], tools: tools.length ? tools : ['none'] };
}

/** A developer's summary as a batch leaves it: first and last seen, and the latest non-empty details. */
export interface DeveloperSeen {
  first: number;
  last: number;
  pv: number | null;
  editor: string | null;
  ext: string | null;
}

const K = (...parts: (string | number)[]): string => JSON.stringify(parts);

/** Who was seen in one batch, folded in memory and written once per batch (not once per event). */
export class BatchSeen {
  readonly developers = new Map<string, DeveloperSeen>();
  readonly machines = new Set<string>();
  /** Keys [day, developer] (JSON). */
  readonly activity = new Set<string>();
  /** Keys [policy version, developer] (JSON) to the first time seen. */
  readonly policies = new Map<string, number>();

  note(e: StoredEvent): void {
    const editor = obj(e.editor);
    const editorText = str(editor.name) ? `${editor.name} ${str(editor.version) ?? ''}`.trim() : null;
    const ext = str(e.extensionVersion);
    const d = this.developers.get(e.developer);
    if (!d) this.developers.set(e.developer, { first: e.at, last: e.at, pv: e.policyVersion, editor: editorText, ext });
    else {
      if (e.at < d.first) d.first = e.at;
      if (e.at >= d.last) Object.assign(d, { last: e.at, pv: e.policyVersion ?? d.pv, editor: editorText ?? d.editor, ext: ext ?? d.ext });
    }
    if (e.machine) this.machines.add(e.machine);
    this.activity.add(K(dayOf(e.at), e.developer));
    if (e.policyVersion !== null) {
      const key = K(e.policyVersion, e.developer);
      this.policies.set(key, Math.min(this.policies.get(key) ?? e.at, e.at));
    }
  }

  /** [day, developer] pairs active in the batch. */
  activeDays(): [number, string][] {
    return [...this.activity].map((k) => JSON.parse(k) as [number, string]);
  }

  /** [policy version, developer, first time] for each version a developer was seen under. */
  versionsSeen(): [number, string, number][] {
    return [...this.policies].map(([k, first]) => [...(JSON.parse(k) as [number, string]), first]);
  }

  clear(): void {
    this.developers.clear();
    this.machines.clear();
    this.activity.clear();
    this.policies.clear();
  }
}
