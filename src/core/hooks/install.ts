// Installing the policy hook into an agent's own configuration file, merged with what is there, and
// taking it out again. Shared by `ai-policy hooks` and the editor's offer.
import { promises as fs } from 'node:fs';
import path = require('node:path');
import { parseJsonc } from '../tools/jsonc';
import { hasPolicyHooks, hookConfigPath, withPolicyHooks, type Scope } from './harnesses';
import type { Harness } from './request';

type Json = Record<string, unknown>;

export interface InstallTarget {
  harness: Harness;
  scope: Scope;
  home: string;
  project: string;
}

export type InstallOutcome =
  | { file: string; result: 'installed' | 'removed' | 'unchanged'; backup?: string }
  | { file: string; result: 'error'; error: string };

async function readConfig(file: string): Promise<{ config: Json; text?: string } | { error: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    return { error: `${file}: ${(e as Error).message}` };
  }
  if (!text.trim()) return { config: {}, text };
  let value: unknown;
  try {
    value = parseJsonc(text);
  } catch (e) {
    return { error: `${file}:${(e as Error).message}; the file was left unchanged` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: `${file}:1:1: expected a JSON object; the file was left unchanged` };
  return { config: value as Json, text };
}

async function writeConfig(file: string, before: string | undefined, config: Json): Promise<string | undefined> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  let backup: string | undefined;
  if (before !== undefined) {
    backup = `${file}.bak`;
    await fs.writeFile(backup, before);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(config, null, 2) + '\n');
  await fs.rename(tmp, file);
  return backup;
}

/** Installs (`command` given) or removes (undefined) the policy hook for one harness and scope. */
export async function applyHooks(t: InstallTarget, command: string | undefined): Promise<InstallOutcome | undefined> {
  const file = hookConfigPath(t.harness, t.scope, t.home, t.project);
  if (!file) return undefined;
  const read = await readConfig(file);
  if ('error' in read) return { file, result: 'error', error: read.error };
  const next = withPolicyHooks(t.harness, read.config, command);
  if (JSON.stringify(next) === JSON.stringify(read.config)) return { file, result: 'unchanged' };
  if (!command && read.text === undefined) return { file, result: 'unchanged' };
  const backup = await writeConfig(file, read.text, next);
  return { file, result: command ? 'installed' : 'removed', backup };
}

/** Whether the policy hook is installed for one harness and scope (false when the file is missing or broken). */
export async function hooksInstalled(t: InstallTarget): Promise<boolean> {
  const file = hookConfigPath(t.harness, t.scope, t.home, t.project);
  if (!file) return false;
  const read = await readConfig(file);
  return !('error' in read) && hasPolicyHooks(t.harness, read.config);
}
