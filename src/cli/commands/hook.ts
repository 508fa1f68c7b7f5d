// ai-policy hook --harness H [--policy FILE]: judges one agent hook payload (stdin) against the policy and
// answers in the harness's dialect. Also the whole of the small dist/hook.js bundle, which agents run on
// every tool call, so it loads only the hook's modules.
import * as path from 'node:path';
import { answer, decide, denialMessage, type DecideContext, type Decision, type HookAnswer } from '../../core/hooks';
import { parsePayload } from '../../core/hooks/payload';
import { isHarness, HARNESSES, type Harness, type HookRequest } from '../../core/hooks/request';
import { resolveHookPolicy, type Resolved } from '../../core/hooks/resolve';
import { readManagedConfig, type ManagedConfig } from '../../core/managed/managedConfig';
import { spoolEvent } from '../../core/hooks/spool';
import { agentStateDir } from '../../core/hooks/stateDir';
import { sha256 } from '../../core/sha256';
import type { Policy } from '../../core/policy/types';
import { Scanner } from '../../core/scan/scanner';
import { parseCommandArgs } from './commandArgs';
import { noteCall } from './hookActivity';

const HELP = `Usage: ai-policy hook --harness ${HARNESSES.join('|')} [--policy FILE]

Reads one hook payload on standard input (before a tool runs or a prompt is sent), judges it
against the AI tool policy, and answers in that harness's format. An allowed call prints nothing
and exits 0. Install it with "ai-policy hooks install --harness H".

The policy: --policy FILE, else the managed configuration's policy source, else the policy the
editor last verified. When none can be loaded the policy's agents.hooks.onError decides (allow
by default); the failure is recorded as agent.hookError.

The managed configuration's hooksMode: enforce (default) refuses; audit records what would have
been refused (agent.blocked with mode "audit") and lets every call through; off allows all.`;

/** Largest payload read (a prompt with attachments can be large; beyond this the call is judged an error). */
const MAX_PAYLOAD = 8 * 1024 * 1024;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_PAYLOAD) throw new Error(`the hook payload is larger than ${MAX_PAYLOAD / 1024 / 1024} MiB`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function record(type: 'agent.blocked' | 'agent.hookError', data: Record<string, unknown>): void {
  try {
    spoolEvent(agentStateDir(), type, data);
  } catch (e) {
    process.stderr.write(`ai-policy hook: could not record ${type}: ${(e as Error).message}\n`);
  }
}

/** The policy's choice when it cannot be loaded: the last mirrored policy's `agents.hooks.onError`, else allow. */
async function onErrorChoice(): Promise<'allow' | 'deny'> {
  const mirror = await resolveHookPolicy({ stateDir: agentStateDir(), managedPath: '/nonexistent/managed.json' }).catch(() => undefined);
  return mirror?.ok ? (mirror.policy.agents?.hooks?.onError ?? 'allow') : 'allow';
}

function errorDecision(message: string): Decision {
  return {
    verdict: 'deny',
    rules: ['hook-error'],
    classes: [],
    reason: `the policy could not be applied (${message}), and the policy says to deny when it cannot decide`,
    instead: 'ask your administrator to check the AI Tool Policy installation (ai-policy hooks status)',
  };
}

function lazyContext(policy: Policy, policyFile: string | undefined): DecideContext {
  let scanner: Scanner | undefined;
  return {
    policy,
    get scanner(): Scanner {
      if (!scanner) {
        let gitleaks;
        const ref = policy.dataHandling?.gitleaksConfig;
        if (ref && policyFile && !/^https?:/i.test(ref)) {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const { readFileSync } = require('node:fs') as typeof import('node:fs');
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const { loadGitleaksConfig } = require('../../core/scan/gitleaks') as typeof import('../../core/scan/gitleaks');
          try {
            gitleaks = loadGitleaksConfig(readFileSync(path.resolve(path.dirname(policyFile), ref), 'utf8'));
          } catch {
            gitleaks = undefined;
          }
        }
        scanner = new Scanner({ dataHandling: policy.dataHandling, gitleaks });
      }
      return scanner;
    },
  };
}

export interface JudgeOptions {
  policyFile?: string;
  /** The managed file (tests pass one; otherwise the platform's fixed path). */
  managedPath?: string;
}

type HooksMode = NonNullable<ManagedConfig['hooksMode']>;

/** The managed hooks mode; a broken managed file leaves enforcement on (the policy load then reports it). */
function hooksMode(managedPath?: string): HooksMode {
  return readManagedConfig(managedPath).config?.hooksMode ?? 'enforce';
}

const SILENT: HookAnswer = { stdout: '', stderr: '', exitCode: 0 };

/** Judges one payload; exported for the CLI and the hook bundle. */
export async function judge(harness: Harness, payload: string, opts: JudgeOptions = {}): Promise<HookAnswer> {
  const mode = hooksMode(opts.managedPath);
  if (mode === 'off') return SILENT;
  let req: HookRequest;
  try {
    req = parsePayload(harness, payload);
  } catch (e) {
    return failed(harness, { harness, event: 'unknown', kind: 'tool', cwd: process.cwd(), files: [], commands: [], texts: [] }, 'payload', (e as Error).message, mode);
  }
  if (req.kind === 'other') return SILENT;
  const resolved: Resolved = await resolveHookPolicy({ policyFile: opts.policyFile, managedPath: opts.managedPath });
  if (!resolved.ok) return failed(harness, req, 'policy', resolved.error, mode);
  const d = decide(req, lazyContext(resolved.policy, resolved.file));
  await noteCall({ harness, kind: req.kind, verdict: d.verdict === 'allow' ? 'allow' : mode === 'audit' ? 'audit' : 'deny', payload, managedPath: opts.managedPath });
  if (d.verdict === 'deny') {
    record('agent.blocked', {
      harness,
      tool: req.tool ?? req.event,
      action: d.subject,
      rules: d.rules,
      classes: d.classes,
      ...(d.file ? { pathHash: sha256(d.file) } : {}),
      ...(req.mcp?.server ? { mcpServer: req.mcp.server } : {}),
      mode,
    });
    // Audit mode: the organization watches before it enforces; the agent is not told.
    if (mode === 'audit') return SILENT;
  }
  return answer(req, d);
}

async function failed(harness: Harness, req: HookRequest, code: string, message: string, mode: HooksMode = 'enforce'): Promise<HookAnswer> {
  const choice = mode === 'audit' ? 'allow' : await onErrorChoice();
  record('agent.hookError', { harness, code, reason: message.slice(0, 200), action: choice });
  process.stderr.write(`ai-policy hook: ${message}\n`);
  if (choice === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
  const d = errorDecision(message);
  const a = answer(req, d);
  return a.stdout || a.stderr ? a : { stdout: '', stderr: denialMessage(d) + '\n', exitCode: 2 };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('hook', HELP, {
    args,
    options: { harness: { type: 'string' }, policy: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (typeof parsed === 'number') return parsed;
  const harness = parsed.values.harness;
  if (!harness || !isHarness(harness)) {
    process.stderr.write(`ai-policy hook: --harness must be one of ${HARNESSES.join(', ')}\n${HELP}\n`);
    return 2;
  }
  let payload: string;
  try {
    payload = await readStdin();
  } catch (e) {
    payload = '';
    const a = await failed(harness, { harness, event: 'unknown', kind: 'tool', cwd: process.cwd(), files: [], commands: [], texts: [] }, 'payload', (e as Error).message, hooksMode());
    process.stdout.write(a.stdout);
    return a.exitCode;
  }
  const a = await judge(harness, payload, { policyFile: parsed.values.policy });
  if (a.stdout) process.stdout.write(a.stdout);
  if (a.stderr) process.stderr.write(a.stderr);
  return a.exitCode;
}
