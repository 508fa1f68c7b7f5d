// The hooks' audit events wait in an append-only JSONL file in the agent state folder until the editor's
// delivery (or `ai-policy hooks flush`) takes them into its queue. One line per event, appended with
// O_APPEND so concurrent hooks do not interleave; the reader renames the file before reading it.
import { appendFileSync, mkdirSync, promises as fs, statSync } from 'node:fs';
import { nodeCrypto } from '../nodeBuiltins';
import path = require('node:path');
import { AGENT_SPOOL_FILE } from './stateDir';

export const SPOOLED_TYPES = ['agent.blocked', 'agent.hookError', 'agent.exposed', 'agent.activity'] as const;
export type SpooledType = (typeof SPOOLED_TYPES)[number];

export interface SpooledEvent {
  id: string;
  type: SpooledType;
  time: string;
  data: Record<string, unknown>;
}

/** Largest spool kept: beyond it new events are dropped (a stuck editor must not fill the disk). */
export const SPOOL_MAX_BYTES = 5 * 1024 * 1024;

export function spoolEvent(dir: string, type: SpooledEvent['type'], data: Record<string, unknown>, now = new Date()): void {
  const event: SpooledEvent = { id: nodeCrypto().randomUUID(), type, time: now.toISOString(), data };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, AGENT_SPOOL_FILE);
  try {
    if (statSync(file).size > SPOOL_MAX_BYTES) return;
  } catch {
    // no spool yet
  }
  appendFileSync(file, JSON.stringify(event) + '\n', { mode: 0o600 });
}

/** Takes every spooled event (the file is renamed first, so hooks appending meanwhile start a new one). */
export async function drainSpool(dir: string): Promise<SpooledEvent[]> {
  const file = path.join(dir, AGENT_SPOOL_FILE);
  const taken = `${file}.${process.pid}.${Date.now()}.draining`;
  try {
    await fs.rename(file, taken);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const text = await fs.readFile(taken, 'utf8');
  await fs.unlink(taken);
  const out: SpooledEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as SpooledEvent;
      if ((SPOOLED_TYPES as readonly string[]).includes(e.type) && typeof e.id === 'string' && e.data && typeof e.data === 'object') out.push(e);
    } catch (e) {
      // a torn line (the machine stopped mid-write) is skipped, and said
      process.stderr.write(`ai-policy: a damaged line of the agent spool was skipped: ${(e as Error).message}\n`);
    }
  }
  return out;
}
