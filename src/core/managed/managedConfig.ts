// The organization's managed configuration: a machine-wide JSON file only an administrator can write. Its
// values win over user settings for the organization's keys in the editor, the CLI and the agent hooks.
// There is deliberately no environment variable or setting that moves it: tests pass a path in code.
import { readFileSync, statSync } from 'node:fs';
import path = require('node:path');
import { parseJsonc } from '../tools/jsonc';

export interface ManagedConfig {
  policySource?: string;
  publicKey?: string;
  auditEndpoint?: string;
  otlpEndpoint?: string;
  /**
   * The bearer token the command line (`ai-policy hooks flush`, the hook's daily delivery) sends with audit
   * events. The file is readable by every user of the machine: use an ingest token (it can only add events).
   */
  auditToken?: string;
  developerId?: string;
  /**
   * The developer's teams, comma-separated (`payments, platform`): team-scoped policy exceptions apply to them.
   * Set by the administrator, like the developer id, so a developer cannot join a team by editing a file.
   */
  teams?: string;
  hooksMode?: 'off' | 'audit' | 'enforce';
}

export interface ManagedConfigResult {
  path: string;
  config?: ManagedConfig;
  error?: string;
}

const KEYS: Readonly<Record<keyof ManagedConfig, 'string' | readonly string[]>> = {
  policySource: 'string',
  publicKey: 'string',
  auditEndpoint: 'string',
  otlpEndpoint: 'string',
  auditToken: 'string',
  developerId: 'string',
  teams: 'string',
  hooksMode: ['off', 'audit', 'enforce'],
};

export const MANAGED_KEYS = Object.keys(KEYS) as (keyof ManagedConfig)[];

/** Where the managed file lives on each platform. */
export function managedConfigPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    // %ProgramData% is machine-wide; a fixed fallback when the variable is missing or points somewhere odd.
    const pd = process.env.ProgramData && /^[A-Za-z]:\\/.test(process.env.ProgramData) ? process.env.ProgramData : 'C:\\ProgramData';
    return path.win32.join(pd, 'AiToolPolicy', 'managed.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/AiToolPolicy/managed.json';
  return '/etc/ai-tool-policy/managed.json';
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** The owner a managed file must have: root. */
let requiredOwner = 0;

/**
 * Tests that run as a regular user cannot create a root-owned file: they name, in code, the owner to trust
 * instead (their own uid), and restore root with `undefined`. Nothing outside the test code calls this, and no
 * environment variable or setting reaches it.
 */
export function trustManagedFileOwnerForTests(uid: number | undefined): void {
  requiredOwner = uid ?? 0;
}

/** Reads and checks the managed file. A missing file is no configuration and no error. */
export function readManagedConfig(file: string = managedConfigPath(), opts: { checkOwner?: boolean } = {}): ManagedConfigResult {
  let text: string;
  try {
    if (opts.checkOwner ?? process.platform !== 'win32') {
      const st = statSync(file);
      if (st.uid !== requiredOwner) return { path: file, error: `${file}: not owned by root (owner uid ${st.uid}); a managed configuration must be writable only by an administrator` };
      if (st.mode & 0o022) return { path: file, error: `${file}: writable by group or others (mode ${(st.mode & 0o777).toString(8)}); run chmod 644 ${file}` };
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path: file };
    return { path: file, error: `${file}: ${(e as Error).message}` };
  }
  let value: unknown;
  try {
    value = parseJsonc(text);
  } catch (e) {
    return { path: file, error: `${file}:${(e as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { path: file, error: `${file}:1:1: expected a JSON object` };
  const config: ManagedConfig = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const at = lineCol(text, Math.max(0, text.indexOf(`"${k}"`)));
    const kind = KEYS[k as keyof ManagedConfig];
    if (!kind) return { path: file, error: `${file}:${at}: unknown key "${k}" (known: ${MANAGED_KEYS.join(', ')})` };
    if (typeof v !== 'string' || !v.trim()) return { path: file, error: `${file}:${at}: "${k}" must be a non-empty string` };
    if (kind !== 'string' && !kind.includes(v)) return { path: file, error: `${file}:${at}: "${k}" must be one of ${kind.join(', ')}` };
    (config as Record<string, string>)[k] = v;
  }
  return { path: file, config };
}

/** The managed `teams` value as a list (trimmed, empty items dropped). */
export function managedTeams(config: ManagedConfig | undefined): string[] {
  return (config?.teams ?? '').split(',').map((t) => t.trim()).filter(Boolean);
}
