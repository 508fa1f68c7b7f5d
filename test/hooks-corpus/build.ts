// Helpers that turn lists of payloads into numbered corpus cases.
import type { Harness } from '../../src/core/hooks/request';
import type { CorpusCase, Expect, PolicyChoice } from './shapes';
import { codexArgv, shell } from './shapes';

export type Entry = [Harness, unknown] | [Harness, unknown, { policy?: PolicyChoice; note?: string; expect?: Expect }];

const ROTATION: Harness[] = ['claude', 'codex', 'vscode', 'copilot', 'cursor'];

/** Shell commands spread over the five harnesses in turn (every fourth Codex call in argv form). */
export function shells(commands: string[], offset = 0): Entry[] {
  return commands.map((c, i) => {
    const h = ROTATION[(i + offset) % ROTATION.length];
    return [h, h === 'codex' && i % 4 === 1 ? codexArgv(c) : shell(h, c)];
  });
}

export function numbered(category: string, kind: CorpusCase['kind'], expect: Expect, entries: Entry[], start = 1): CorpusCase[] {
  return entries.map(([harness, payload, extra], i) => ({
    id: `${category}-${kind === 'attack' ? 'a' : 'e'}${String(start + i).padStart(2, '0')}`,
    harness,
    category,
    kind,
    expect: extra?.expect ?? expect,
    payload,
    ...(extra?.policy ? { policy: extra.policy } : {}),
    ...(extra?.note ? { note: extra.note } : {}),
  }));
}

/**
 * Marks the cases a round's KNOWN_GAPS names (id → why it is not answered as expected yet), across the round's
 * attacks and everyday calls; an id that names no case is an error (a mark left behind).
 */
export function markKnownGaps(gaps: Record<string, string>, ...groups: CorpusCase[][]): CorpusCase[][] {
  for (const id of Object.keys(gaps)) if (!groups.some((g) => g.some((c) => c.id === id))) throw new Error(`KNOWN_GAPS names ${id}, which is no case`);
  return groups.map((g) => g.map((c) => (gaps[c.id] ? { ...c, knownGap: gaps[c.id] } : c)));
}
