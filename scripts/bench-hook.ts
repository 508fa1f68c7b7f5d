// Benchmark of the agent hook: the whole process of one hook call (dist/hook.js reading the policy the editor
// mirrors), for an allowed call and a denied call, against a bare `node -e 0`, all in the same run and
// interleaved so that the machine's load touches each alike. Prints medians of RUNS calls and the ratio.
// Goal: an allowed call costs at most 3x a bare Node start. The exception cases show what looking up the developer
// (git config user.email, only while a person's exception is in force) adds to a call. BENCH_HOOK_BASELINE=
// /path/to/other/hook.js adds the same hook.js calls through another build (e.g. the last commit's), interleaved in
// the same run, for a before/after.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MirroredPolicy } from '../src/core/hooks/resolve';
import { AGENT_POLICY_FILE } from '../src/core/hooks/stateDir';
import { stringify } from 'yaml';
import { pseudonymize } from '../src/core/audit/identity';
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
  /** Another HOME (its .gitconfig names the developer). */
  home?: string;
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
    // The same policy with a person's exception in force today for the unlisted "sentry" MCP server.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const key = result.policy.audit?.pseudonymize?.hmacKey;
    const developer = key ? pseudonymize('jane@example.com', key) : 'jane@example.com';
    const withException = { ...result.policy, version: result.policy.version + 1, exceptions: { granted: [{ id: 'exc-bench', who: { developer }, what: { mcpServer: 'sentry' }, scope: 'person', from: day(-1), until: day(10), reason: 'bench', approvedBy: 'Priya Raman <priya.raman@northwind.example>' }] } };
    const excFile = path.join(root, 'exception.aipolicy.yaml');
    fs.writeFileSync(excFile, stringify(withException));
    const homeOf = (email: string) => {
      const home = path.join(root, email.replace(/\W/g, '_'));
      fs.mkdirSync(home);
      fs.writeFileSync(path.join(home, '.gitconfig'), `[user]\n\temail = ${email}\n`);
      return home;
    };
    const jane = homeOf('jane@example.com');
    const bob = homeOf('bob@example.com');
    const sentry = JSON.stringify({ session_id: 'b', transcript_path: '/tmp/t.jsonl', cwd: ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'mcp__sentry__list_issues', tool_input: {}, tool_use_id: 't' });
    const github = sentry.replace('mcp__sentry__list_issues', 'mcp__github__list_issues');
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
      { name: 'hook.js Read, MCP exception in force', args: [hookJs, '--harness', 'claude', '--policy', excFile], input: payload('src/app.ts'), check: allowed, home: jane },
      { name: 'hook.js MCP github, --policy YAML', args: [hookJs, '--harness', 'claude', '--policy', sample], input: github, check: allowed },
      { name: 'hook.js MCP github, exception in force', args: [hookJs, '--harness', 'claude', '--policy', excFile], input: github, check: allowed, home: jane },
      { name: 'hook.js MCP allowed by her exception', args: [hookJs, '--harness', 'claude', '--policy', excFile], input: sentry, check: allowed, home: jane },
      { name: 'hook.js MCP denied to another dev', args: [hookJs, '--harness', 'claude', '--policy', excFile], input: sentry, check: denied, home: bob },
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
        const r = spawnSync(process.execPath, c.args, { cwd: ws, input: c.input ?? '', encoding: 'utf8', env: c.home ? { ...env, HOME: c.home, GIT_CONFIG_NOSYSTEM: '1' } : env });
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
    const idle = median(times[8]) - median(times[7]);
    const lookup = median(times[10]) - median(times[9]);
    print(`a person's MCP exception in force, call it cannot concern (Read): ${idle >= 0 ? '+' : ''}${idle.toFixed(0)} ms (no developer lookup)`);
    print(`a person's MCP exception in force, MCP call (developer looked up): ${lookup >= 0 ? '+' : ''}${lookup.toFixed(0)} ms per call`);
    print(`hook bundle: ${(fs.statSync(hookJs).size / 1024).toFixed(0)} KB; cli bundle: ${(fs.statSync(cliJs).size / 1024).toFixed(0)} KB`);
    print(`machine load average (1 min): ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main();
