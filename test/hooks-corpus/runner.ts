// Runs one corpus case through a real hook bundle as the harness would (a child process, the payload on stdin,
// the World's environment) and reads the answer as that harness reads it. AI_POLICY_HOOK_JS points the runner at
// another bundle (e.g. a branch built into a temporary copy).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { CorpusCase } from './shapes';
import type { World } from './world';

export type Verdict = 'allow' | 'deny' | 'ask';

export interface Outcome {
  verdict: Verdict;
  /** What the harness would do and why, in a few words (for failure lists). */
  detail: string;
  ms: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** The bundle to run: AI_POLICY_HOOK_JS, else dist/hook.js of the checkout `repoRoot`. */
export function hookBundle(repoRoot: string): string {
  return process.env.AI_POLICY_HOOK_JS ? path.resolve(process.env.AI_POLICY_HOOK_JS) : path.join(repoRoot, 'dist', 'hook.js');
}

/** Replaces {{NAME}} in every string of the payload (JSON-escaped), or in a raw payload as is. */
export function render(c: CorpusCase, w: World): string {
  const raw = typeof c.payload === 'string';
  const text = raw ? (c.payload as string) : JSON.stringify(c.payload);
  return text.replace(/\{\{([A-Z0-9_]+)\}\}/g, (m, name: string) => {
    const v = w.vars[name];
    if (v === undefined) throw new Error(`${c.id}: unknown placeholder ${m}`);
    return raw ? v : JSON.stringify(v).slice(1, -1);
  });
}

function policyArgs(c: CorpusCase, w: World): string[] {
  switch (c.policy ?? 'default') {
    case 'default':
      return ['--policy', w.policyFile];
    case 'confirm-terminal':
      return ['--policy', w.confirmPolicyFile];
    case 'broken':
      return ['--policy', w.brokenPolicyFile];
    case 'missing':
      // No --policy, an empty state folder (no editor mirror) and no managed file on this machine.
      return [];
  }
}

/**
 * The harness's reading of an answer. Exit 2 blocks in every harness; another non-zero exit is a hook error,
 * which the harnesses report and then let the call go on. On exit 0 the JSON answer decides.
 */
export function verdictOf(exitCode: number | null, stdout: string): { verdict: Verdict; detail: string } {
  if (exitCode === 2) return { verdict: 'deny', detail: 'exit 2' };
  if (exitCode !== 0) return { verdict: 'allow', detail: `hook error (exit ${exitCode}): the harness goes on` };
  const text = stdout.trim();
  if (!text) return { verdict: 'allow', detail: 'no answer' };
  let out: Record<string, unknown>;
  try {
    out = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { verdict: 'allow', detail: 'answer is not JSON: ignored' };
  }
  const specific = (out.hookSpecificOutput ?? {}) as Record<string, unknown>;
  const decision = specific.permissionDecision ?? out.permissionDecision ?? out.permission;
  if (decision === 'deny' || out.decision === 'block' || out.continue === false) return { verdict: 'deny', detail: String(decision ?? out.decision ?? 'continue: false') };
  if (decision === 'ask') return { verdict: 'ask', detail: 'ask' };
  return { verdict: 'allow', detail: `answer ${text.slice(0, 80)}` };
}

/** Runs one case; resolves with the harness's verdict and the wall time of the whole hook process. */
export function runCase(c: CorpusCase, w: World, hookJs: string, nodeArgs: readonly string[] = []): Promise<Outcome> {
  const input = render(c, w);
  const state = c.policy === 'missing' ? path.join(w.root, 'state-empty') : w.state;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, hookJs, '--harness', c.harness, ...policyArgs(c, w)], { cwd: w.ws, env: { ...w.env, XDG_STATE_HOME: state } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // A hook that stops reading early (an oversized payload) closes stdin: that is an answer, not a runner error.
    child.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') reject(e);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ ...verdictOf(code, stdout), ms, exitCode: code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** Runs cases `jobs` at a time; the outcomes in the cases' order. */
export async function runCases(cases: readonly CorpusCase[], w: World, hookJs: string, jobs: number): Promise<Outcome[]> {
  const out: Outcome[] = new Array<Outcome>(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const i = next++;
      out[i] = await runCase(cases[i], w, hookJs);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return out;
}

/** What a case does, in one line with its {{PLACEHOLDERS}} (no secret values): the command, file, prompt or tool input. */
export function summary(c: CorpusCase, max = 160): string {
  const one = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\s*\n\s*/g, ' ⏎ ');
  const cut = (t: string) => (t.length > max ? t.slice(0, max) + '…' : t);
  if (typeof c.payload === 'string') return cut(`raw stdin: ${c.payload.includes('PAD_9MIB') ? '(9 MiB)' : one(c.payload || '(empty)')}`);
  const p = (c.payload ?? {}) as Record<string, unknown>;
  const parse = (v: unknown): unknown => {
    try {
      return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
    } catch {
      return v;
    }
  };
  const input = parse(p.toolArgs ?? p.tool_input ?? p.toolInput) as Record<string, unknown> | string | undefined;
  const where = p.url ?? p.command;
  const tool = `${String(p.toolName ?? p.tool_name ?? p.hook_event_name ?? p.hookEventName)}${p.tool_input !== undefined && where ? ` (${String(where)})` : ''}`;
  if (input && typeof input === 'object' && !Array.isArray(input) && (input.command ?? input.cmd) !== undefined) return cut(`${tool}: ${one(input.command ?? input.cmd)}`);
  if (input !== undefined) return cut(`${tool} ${one(input)}`);
  if (p.command !== undefined) return cut(`${String(p.hook_event_name)}: ${one(p.command)}`);
  if (p.file_path !== undefined) return cut(`${String(p.hook_event_name)} ${one(p.file_path)}`);
  if (p.prompt !== undefined) return cut(`prompt: ${one(p.prompt)}${Array.isArray(p.attachments) && p.attachments.length ? ` + ${one(p.attachments)}` : ''}`);
  return cut(one(p));
}

/** A case passes when the harness's verdict is the expected one. */
export function passes(c: CorpusCase, o: Outcome): boolean {
  return o.verdict === c.expect;
}
