// The agents' hook activity: every judged call (allowed or refused) appends one small line to a local tally
// in the agent state folder; once a day the complete days are folded into one agent.activity event per
// harness and day, which joins the hook spool for delivery. Lines hold a harness, a kind, a verdict and a
// hash of the session id: never the prompt, the command, the file or the tool's input.
import { appendFileSync, mkdirSync, openSync, closeSync, promises as fs, readdirSync, rmSync, statSync } from 'node:fs';
import path = require('node:path');
import { sha256 } from '../sha256';
import { spoolEvent } from './spool';

export const ACTIVITY_FILE = 'agent-activity.jsonl';
/** A file per UTC day, created exclusively by the first call of that day: it makes the fold run once a day. */
const FOLD_MARK = 'agent-activity.folded.';
/** Largest tally kept; beyond it calls are not counted (a folder nobody folds must not fill the disk). */
export const ACTIVITY_MAX_BYTES = 4 * 1024 * 1024;

export type CallKind = 'tool' | 'prompt';
/** `allow`ed, `deny`: refused, `audit`: would have been refused, let through in audit mode. */
export type CallVerdict = 'allow' | 'deny' | 'audit';

interface TallyLine {
  d: string;
  h: string;
  k: 't' | 'p';
  v: 'a' | 'd' | 'w';
  /** First 16 hex digits of the session id's SHA-256, when the harness sent one. */
  s?: string;
}

export interface DayActivity {
  day: string;
  harness: string;
  sessions: number;
  toolCalls: number;
  prompts: number;
  denials: number;
  auditDenials: number;
}

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The session id the harness puts in its payload: Claude Code and Codex `session_id`, VS Code `sessionId`,
 * Cursor `conversation_id` (as their hook documentation describes the payloads); Copilot CLI sends none.
 */
export function sessionIdOf(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  for (const key of ['session_id', 'sessionId', 'conversation_id']) {
    const v = p[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

/** Counts one hook call. */
export function countCall(dir: string, call: { harness: string; kind: CallKind; verdict: CallVerdict; sessionId?: string }, now = new Date()): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, ACTIVITY_FILE);
  try {
    if (statSync(file).size > ACTIVITY_MAX_BYTES) return;
  } catch {
    // no tally yet
  }
  const line: TallyLine = { d: utcDay(now), h: call.harness, k: call.kind === 'prompt' ? 'p' : 't', v: call.verdict === 'allow' ? 'a' : call.verdict === 'deny' ? 'd' : 'w' };
  if (call.sessionId) line.s = sha256(call.sessionId).slice(0, 16);
  appendFileSync(file, JSON.stringify(line) + '\n', { mode: 0o600 });
}

/** True for the first caller of each UTC day (an exclusive create), so the daily fold runs once. */
export function claimDailyFold(dir: string, now = new Date()): boolean {
  const mark = FOLD_MARK + utcDay(now);
  try {
    closeSync(openSync(path.join(dir, mark), 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  for (const name of readdirSync(dir)) if (name.startsWith(FOLD_MARK) && name !== mark) rmSync(path.join(dir, name), { force: true });
  return true;
}

function parseLine(text: string): TallyLine | undefined {
  try {
    const l = JSON.parse(text) as TallyLine;
    return typeof l.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(l.d) && typeof l.h === 'string' && (l.k === 't' || l.k === 'p') ? l : undefined;
  } catch {
    return undefined; // a torn line (the machine stopped mid-write)
  }
}

/** Sums tally lines per harness and day. */
export function summarize(lines: readonly TallyLine[]): DayActivity[] {
  const byKey = new Map<string, DayActivity & { ids: Set<string> }>();
  for (const l of lines) {
    const key = `${l.d}\u0000${l.h}`;
    let a = byKey.get(key);
    if (!a) byKey.set(key, (a = { day: l.d, harness: l.h, sessions: 0, toolCalls: 0, prompts: 0, denials: 0, auditDenials: 0, ids: new Set() }));
    if (l.k === 'p') a.prompts++;
    else a.toolCalls++;
    if (l.v === 'd') a.denials++;
    else if (l.v === 'w') a.auditDenials++;
    if (l.s) a.ids.add(l.s);
  }
  return [...byKey.values()]
    .map(({ ids, ...a }) => ({ ...a, sessions: ids.size }))
    .sort((x, y) => x.day.localeCompare(y.day) || x.harness.localeCompare(y.harness));
}

/**
 * Takes the tally's complete days (before `now`'s UTC day) out of it and spools one agent.activity event per
 * harness and day; today's lines go back into the tally. Returns what was spooled.
 */
export async function foldActivity(dir: string, now = new Date()): Promise<DayActivity[]> {
  const file = path.join(dir, ACTIVITY_FILE);
  const taken = `${file}.${process.pid}.${Date.now()}.folding`;
  try {
    await fs.rename(file, taken);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const today = utcDay(now);
  const done: TallyLine[] = [];
  const kept: string[] = [];
  for (const text of (await fs.readFile(taken, 'utf8')).split('\n')) {
    const l = text.trim() ? parseLine(text) : undefined;
    if (!l) continue;
    if (l.d < today) done.push(l);
    else kept.push(text);
  }
  // Hooks appending meanwhile started a new tally: today's lines join it.
  if (kept.length) appendFileSync(file, kept.join('\n') + '\n', { mode: 0o600 });
  const days = summarize(done);
  for (const a of days) spoolEvent(dir, 'agent.activity', { ...a }, now);
  await fs.unlink(taken);
  return days;
}
