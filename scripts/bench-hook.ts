// Benchmark of the agent hook: the whole process of one hook call (dist/hook.js reading the policy the editor
// mirrors), for an allowed call and a denied call, against a bare `node -e 0`, all in the same run and
// interleaved so that the machine's load touches each alike. Prints medians of RUNS calls and the ratio.
// Goal: an allowed call costs at most 3x a bare Node start. BENCH_HOOK_BASELINE=/path/to/other/hook.js adds the
// same hook.js calls through another build (e.g. the last commit's), interleaved in the same run, for a before/after.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MirroredPolicy } from '../src/core/hooks/resolve';
import { AGENT_POLICY_FILE } from '../src/core/hooks/stateDir';
import { validatePolicyText } from '../src/core/policy/validate';

const repoRoot = path.resolve(__dirname, '..', '..');
const hookJs = path.join(repoRoot, 'dist', 'hook.js');
const cliJs = path.join(repoRoot, 'dist', 'cli.js');
const RUNS = Math.max(10, Number(process.env.BENCH_HOOK_RUNS ?? 15));
const print = (s = '') => process.stdout.write(s + '\n');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Case {
  name: string;
  args: string[];
  input?: string;
  /** What a correct call prints: nothing when allowed, a deny answer when denied. */
  check?: (stdout: string) => boolean;
}

function main(): void {
  if (!fs.existsSync(hookJs)) throw new Error(`${hookJs} is missing: run node esbuild.js first`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hook-'));
  try {
    const ws = path.join(root, 'ws');
    const state = path.join(root, 'state');
    fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.env'), `API_KEY=${'x'.repeat(8)}\n`);
    fs.writeFileSync(path.join(ws, 'src', 'app.ts'), 'export const port = Number(process.env.PORT ?? 3000);\n');

    // The mirror exactly as the editor writes it (src/editor/agents/agentHooks.ts): verified policy as JSON.
    const sample = path.join(repoRoot, 'policy-samples', 'strict.aipolicy.yaml');
    const text = fs.readFileSync(sample, 'utf8');
    const result = validatePolicyText(text, { file: sample });
    if (!result.policy) throw new Error(`${sample} does not validate`);
    const mirror: MirroredPolicy = { source: sample, hash: 'bench', version: result.policy.version, savedAt: new Date().toISOString(), policy: result.policy };
    fs.mkdirSync(path.join(state, 'ai-tool-policy'), { recursive: true });
    fs.writeFileSync(path.join(state, 'ai-tool-policy', AGENT_POLICY_FILE), JSON.stringify(mirror));

    const payload = (file: string) => JSON.stringify({ session_id: 'b', transcript_path: '/tmp/t.jsonl', cwd: ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: path.join(ws, file) }, tool_use_id: 't' });
    const bash = (command: string) => JSON.stringify({ session_id: 'b', transcript_path: '/tmp/t.jsonl', cwd: ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: 't' });
    const allowed = (o: string) => o === '';
    // The strict sample asks a person to confirm terminal commands: an allowed command answers "ask", not "deny".
    const notDenied = (o: string) => !o.includes('"deny"');
    const denied = (o: string) => o.includes('"deny"');
    const cases: Case[] = [
      { name: 'node -e 0 (bare start)', args: ['-e', '0'] },
      { name: 'hook.js allowed (Read src/app.ts)', args: [hookJs, '--harness', 'claude'], input: payload('src/app.ts'), check: allowed },
      { name: 'hook.js denied (Read .env)', args: [hookJs, '--harness', 'claude'], input: payload('.env'), check: denied },
      { name: 'hook.js Bash allowed (npm test)', args: [hookJs, '--harness', 'claude'], input: bash('npm test -- --grep env'), check: notDenied },
      { name: 'hook.js Bash denied (python -c open)', args: [hookJs, '--harness', 'claude'], input: bash(`f=.env; python3 -c "print(open('$f').read())"`), check: denied },
      { name: 'hook.js Bash denied (grep -r .)', args: [hookJs, '--harness', 'claude'], input: bash('grep -r KEY .'), check: denied },
      { name: 'cli.js hook allowed (full CLI)', args: [cliJs, 'hook', '--harness', 'claude'], input: payload('src/app.ts'), check: allowed },
      { name: 'hook.js allowed, --policy YAML', args: [hookJs, '--harness', 'claude', '--policy', sample], input: payload('src/app.ts'), check: allowed },
    ];
    const baseline = process.env.BENCH_HOOK_BASELINE;
    if (baseline) {
      if (!fs.existsSync(baseline)) throw new Error(`BENCH_HOOK_BASELINE ${baseline} is missing`);
      for (const c of cases.filter((x) => x.args[0] === hookJs)) cases.push({ ...c, name: `${c.name.replace('hook.js', 'baseline')}`, args: [baseline, ...c.args.slice(1)] });
    }
    const env = { ...process.env, XDG_STATE_HOME: state };
    const times = cases.map(() => [] as number[]);
    // One warm-up round (file cache), then RUNS interleaved rounds.
    for (let round = -1; round < RUNS; round++) {
      cases.forEach((c, i) => {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, c.args, { cwd: ws, input: c.input ?? '', encoding: 'utf8', env });
        const ms = performance.now() - t0;
        if (r.status !== 0 || (c.check && !c.check(r.stdout))) throw new Error(`${c.name}: unexpected answer (exit ${r.status}): ${r.stdout}${r.stderr}`);
        if (round >= 0) times[i].push(ms);
      });
    }
    const base = median(times[0]);
    print(`whole-process time of one hook call, median of ${RUNS} interleaved runs (policy: the editor's mirror of ${path.basename(sample)})`);
    cases.forEach((c, i) => {
      const m = median(times[i]);
      print(`  ${c.name.padEnd(36)} ${m.toFixed(0).padStart(5)} ms  (${(m / base).toFixed(2)}x bare node; min ${Math.min(...times[i]).toFixed(0)}, max ${Math.max(...times[i]).toFixed(0)})`);
    });
    for (const [label, i] of [['allowed read', 1], ['denied read', 2], ['allowed command', 3], ['denied command', 4]] as const) {
      const ratio = median(times[i]) / base;
      const before = cases.findIndex((c) => c.name === cases[i].name.replace('hook.js', 'baseline'));
      print(`${label} / bare node: ${ratio.toFixed(2)}x (goal <= 2.5x) ${ratio <= 2.5 ? 'met' : 'NOT met'}${before > 0 ? `; baseline ${(median(times[before]) / base).toFixed(2)}x` : ''}`);
    }
    print(`hook bundle: ${(fs.statSync(hookJs).size / 1024).toFixed(0)} KB; cli bundle: ${(fs.statSync(cliJs).size / 1024).toFixed(0)} KB`);
    print(`machine load average (1 min): ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main();
