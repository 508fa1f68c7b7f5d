// ai-policy hook --harness H [--policy FILE]: judges one agent hook payload (stdin) against the policy and
// answers in the harness's dialect. Also the whole of the small dist/hook.js bundle, which agents run on
// every tool call, so it loads only the hook's modules.
import * as path from 'node:path';
import { answer, decide, denialMessage, type DecideContext, type Decision, type HookAnswer } from '../../core/hooks';
import { parsePayload } from '../../core/hooks/payload';
import { isHarness, HARNESSES, type Harness, type HookRequest } from '../../core/hooks/request';
import { resolveHookPolicy, type Resolved } from '../../core/hooks/resolve';
import { readManagedConfig, type ManagedConfig } from '../../core/managed/managedConfig';
import { spoolEvent, type SpooledEvent } from '../../core/hooks/spool';
import { agentStateDir } from '../../core/hooks/stateDir';
import { hookWho } from '../../core/hooks/who';
import { sha256 } from '../../core/sha256';
import type { Policy } from '../../core/policy/types';
import { Scanner } from '../../core/scan/scanner';
import { parseCommandArgs } from './commandArgs';
import { noteCall } from './hookActivity';
import { readStdin, writeOut } from './hookIO';

const HELP = `Usage: ai-policy hook --harness ${HARNESSES.join('|')} [--policy FILE]

Reads one hook payload on standard input (before a tool runs, after it ran, or before a prompt is
sent), judges it against the AI tool policy by where the data flows, and answers in that harness's
format. An allowed call prints nothing and exits 0. Install it with "ai-policy hooks install".

The policy: --policy FILE, else the managed configuration's policy source, else the policy recorded
by "ai-policy hooks install --policy", else the policy the editor last verified.

Fails closed: in enforce mode a payload that cannot be read (malformed, oversized, unknown) or a
policy that cannot be loaded denies the call, unless the last known policy says agents.hooks.onError:
allow; the failure is recorded as agent.hookError.

The managed configuration's hooksMode: enforce (default) refuses; audit records what would have
been refused (agent.blocked with mode "audit") and lets every call through; off allows all.`;

/** Largest payload read (a prompt with attachments can be large; beyond this the call is judged an error). */
const MAX_PAYLOAD = 8 * 1024 * 1024;

function record(type: SpooledEvent['type'], data: Record<string, unknown>): void {
  try {
    spoolEvent(agentStateDir(), type, data);
  } catch (e) {
    writeOut(2, `ai-policy hook: could not record ${type}: ${(e as Error).stack ?? String(e)}\n`);
  }
}

/** The policy's choice when it cannot decide: the last known policy's `agents.hooks.onError`, else deny (fail closed). */
async function onErrorChoice(known?: Policy): Promise<'allow' | 'deny'> {
  if (known) return known.agents?.hooks?.onError ?? 'deny';
  const mirror = await resolveHookPolicy({ stateDir: agentStateDir(), managedPath: '/nonexistent/managed.json', ignoreRecorded: true }).catch((e: unknown) => {
    writeOut(2, `ai-policy hook: the editor's policy copy could not be read: ${(e as Error).stack ?? String(e)}\n`);
    return undefined;
  });
  return mirror?.ok ? (mirror.policy.agents?.hooks?.onError ?? 'deny') : 'deny';
}

function errorDecision(message: string): Decision {
  return {
    verdict: 'deny',
    rules: ['hook-error'],
    classes: [],
    reason: `the policy could not be applied (${message}), so the call is denied (the hook fails closed; agents.hooks.onError: allow in the policy, or hooksMode: audit, lets calls through)`,
    instead: 'ask your administrator to check the AI Tool Policy installation (ai-policy hooks status)',
  };
}

/** The scanner of the policy in force, with the organization's custom rules (the loader the editor and CLI use). */
async function contextFor(policy: Policy, source: string, managed: ManagedConfig | undefined, req: HookRequest): Promise<DecideContext> {
  const { loadCustomRules } = await import('../../core/scan/customRules');
  const custom = policy.dataHandling?.gitleaksConfig ? await loadCustomRules(policy.dataHandling, source) : { problems: [] };
  for (const p of custom.problems) {
    writeOut(2, `ai-policy hook: custom rules: ${p}\n`);
    record('agent.hookError', { harness: 'rules', code: 'rules', action: 'continue' });
  }
  const state = agentStateDir();
  let scanner: Scanner | undefined;
  return {
    policy,
    who: await hookWho(policy, managed, new Date(), req),
    // Built on first use: compiling every rule costs more than a call that names no file needs.
    get scanner(): Scanner {
      return (scanner ??= new Scanner({ dataHandling: policy.dataHandling, gitleaks: 'gitleaks' in custom ? custom.gitleaks : undefined, validatedPolicy: true }));
    },
    maxBytes: 2 * 1024 * 1024,
    cacheFile: path.join(state, 'scan-cache.json'),
    // The hook answers within a second: folder walks stop here and go on from their cache next time.
    deadline: Date.now() + 600,
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

/** The managed file's values; a broken file gives none (its hooks mode stays enforce, see hooksMode). */
function managedValues(managedPath?: string): ManagedConfig | undefined {
  return readManagedConfig(managedPath).config;
}

const SILENT: HookAnswer = { stdout: '', stderr: '', exitCode: 0 };

const UNKNOWN = (harness: Harness): HookRequest => ({ harness, event: 'unknown', kind: 'tool', cwd: process.cwd(), files: [], commands: [], texts: [] });

/** Judges one payload; exported for the CLI and the hook bundle. */
export async function judge(harness: Harness, payload: string, opts: JudgeOptions = {}): Promise<HookAnswer> {
  const managed = managedValues(opts.managedPath);
  const mode = managed?.hooksMode ?? 'enforce';
  if (mode === 'off') return SILENT;
  let req: HookRequest;
  try {
    req = parsePayload(harness, payload);
  } catch (e) {
    return failed(harness, UNKNOWN(harness), 'payload', (e as Error).message, mode);
  }
  if (req.kind === 'other') return SILENT;
  const resolved: Resolved = await resolveHookPolicy({ policyFile: opts.policyFile, managedPath: opts.managedPath });
  if (!resolved.ok) return failed(harness, req, 'policy', resolved.error, mode);
  let d: Decision;
  try {
    d = decide(req, await contextFor(resolved.policy, resolved.source, managed, req));
  } catch (e) {
    writeOut(2, `ai-policy hook: ${(e as Error).stack ?? String(e)}\n`);
    return failed(harness, req, 'judge', `the call could not be judged (${(e as Error).message})`, mode, resolved.policy);
  }
  // Post-tool results are not calls of their own: the activity tally counts tool calls and prompts.
  if (req.kind === 'tool' || req.kind === 'prompt') {
    await noteCall({ harness, kind: req.kind, verdict: d.verdict === 'deny' ? (mode === 'audit' ? 'audit' : 'deny') : 'allow', payload, managedPath: opts.managedPath });
  }
  if (d.verdict === 'deny') {
    // What came back from a tool is recorded as an exposure (it reached the agent's process whatever the answer).
    record(req.kind === 'result' ? 'agent.exposed' : 'agent.blocked', {
      harness,
      tool: req.tool ?? req.event,
      action: d.subject,
      rules: d.rules,
      classes: d.classes,
      ...(d.file && req.kind !== 'result' ? { pathHash: sha256(d.file) } : {}),
      ...(req.mcp?.server ? { mcpServer: req.mcp.server } : {}),
      mode,
    });
    // Audit mode: the organization watches before it enforces; the agent is not told.
    if (mode === 'audit') return SILENT;
  }
  if (d.verdict === 'ask' && mode === 'audit') return SILENT;
  return answer(req, d);
}

async function failed(harness: Harness, req: HookRequest, code: string, message: string, mode: HooksMode = 'enforce', known?: Policy): Promise<HookAnswer> {
  const choice = mode === 'audit' ? 'allow' : await onErrorChoice(known);
  record('agent.hookError', { harness, code, action: choice });
  writeOut(2, `ai-policy hook: ${message}\n`);
  if (choice === 'allow') return SILENT;
  const d = errorDecision(message);
  const a = answer(req.kind === 'result' ? { ...req, kind: 'tool' } : req, d);
  // Exit 2 is every harness's "blocked" with the reason on stderr, whatever it makes of the JSON.
  const blocks = harness === 'claude' || harness === 'codex' || harness === 'vscode';
  return { stdout: a.stdout, stderr: denialMessage(d) + '\n', exitCode: blocks ? 2 : a.exitCode };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('hook', HELP, {
    args,
    options: { harness: { type: 'string' }, policy: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (typeof parsed === 'number') return parsed;
  const harness = parsed.values.harness;
  if (!harness || !isHarness(harness)) {
    writeOut(2, `ai-policy hook: --harness must be one of ${HARNESSES.join(', ')}\n${HELP}\n`);
    return 2;
  }
  let payload: string;
  try {
    payload = await readStdin(MAX_PAYLOAD);
  } catch (e) {
    const a = await failed(harness, UNKNOWN(harness), 'payload', (e as Error).message, hooksMode());
    writeOut(1, a.stdout);
    writeOut(2, a.stderr);
    return a.exitCode;
  }
  const a = await judge(harness, payload, { policyFile: parsed.values.policy });
  writeOut(1, a.stdout);
  writeOut(2, a.stderr);
  return a.exitCode;
}
