// Shared helpers for the policy unit tests: sample texts and temp directories.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const repo = path.resolve(__dirname, '../../../..');
export const starterPath = path.join(repo, 'policy-samples', 'starter.aipolicy.yaml');
export const strictPath = path.join(repo, 'policy-samples', 'strict.aipolicy.yaml');
export const starterText = (): string => readFileSync(starterPath, 'utf8');
export const strictText = (): string => readFileSync(strictPath, 'utf8');
/** "Today" for the samples' dates. */
export const NOW = new Date('2026-11-25T12:00:00Z');

export function tempDir(): { dir: string; done(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipolicy-test-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 1-based line of the first line containing `needle`, and the column where it starts. */
export function lineOf(text: string, needle: string): { line: number; col: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return { line: i + 1, col: lines[i].indexOf(needle) + 1 };
}

export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" not in text`);
  return text.replace(from, to);
}
