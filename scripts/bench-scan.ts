// Benchmark of the sensitive-data detector. Prints: in-process throughput on ordinary code, whole-process
// time of `ai-policy scan` (the production build, made first) against secretlint on the same files, findings on
// ordinary code (false alarms), the longest slice of a sliced scan of a 5 MB file, and recall / false-positive
// share per family on the labelled development samples (AI_POLICY_CORPUS, or ../shared/corpus next to the
// repository).
// Runnable alone: node out/scripts/bench-scan.js [--corpus-only] [--list-failures] (the labelled samples only; each
// missed sample and each false alarm printed).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { Scanner } from '../src/core/scan';
import { scanSliced } from '../src/core/scan/sliced';
import { buildCorpus, buildRealTree } from './bench/corpusFiles';
import { evaluate, loadSamples, negativeClasses } from './bench/corpusEval';
import { generateSamples } from '../test/unit/scan/samples/generate';

const repoRoot = path.resolve(__dirname, '..', '..');
const print = (s = '') => process.stdout.write(s + '\n');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function inProcess(scanner: Scanner, dir: string): void {
  const files = fs.readdirSync(dir).sort().map((n) => ({ n, t: fs.readFileSync(path.join(dir, n), 'utf8') }));
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.t), 0);
  let best = Infinity;
  let bestCpu = Infinity;
  for (let run = 0; run < 10; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const f of files) scanner.scanText(f.t, f.n);
    const c = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  const rate = (ms: number) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(0);
  print(`in-process: ${files.length} files, ${mb(bytes)} MB, best of 10: ${best.toFixed(0)} ms wall = ${rate(best)} MB/s; ${bestCpu.toFixed(0)} ms CPU = ${rate(bestCpu)} MB/s (goal >= 150)`);
  print(`machine load average (1 min): ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs (wall-clock figures suffer when it exceeds the CPU count)`);
  const alarms = new Map<string, number>();
  let planted = 0;
  for (const f of files) {
    const found = scanner.scanText(f.t, f.n).findings;
    if (f.n === 'planted-config.js') planted = found.length;
    else for (const x of found) alarms.set(x.ruleId, (alarms.get(x.ruleId) ?? 0) + 1);
  }
  const total = [...alarms.values()].reduce((a, b) => a + b, 0);
  print(`planted secrets found: ${planted} of 5`);
  print(`findings on ordinary code (false alarms): ${total}${total ? ` (${[...alarms].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);
}

const TIME = '/usr/bin/time';

/** Wall time of one process run, and its CPU time (user + system) where /usr/bin/time can tell it. */
function timeOnce(cmd: string, args: string[], cwd: string): { ms: number; cpuMs?: number; status: number | null } {
  const withTime = fs.existsSync(TIME);
  const t0 = performance.now();
  const r = withTime
    ? spawnSync(TIME, ['-f', 'cpu %U %S', cmd, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })
    : spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  const ms = performance.now() - t0;
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  const status = withTime && m ? Number(/exited with non-zero status (\d+)/.exec(r.stderr)?.[1] ?? 0) : r.status;
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, status };
}

type Timing = { ms: number; cpuMs?: number; status: number | null };
const best = (a: Timing, b: Timing): Timing => ({ ms: Math.min(a.ms, b.ms), cpuMs: b.cpuMs === undefined ? a.cpuMs : Math.min(a.cpuMs ?? Infinity, b.cpuMs), status: b.status });

function wholeProcess(dir: string, label: string): void {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const sl = path.join(repoRoot, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const rc = path.join(os.tmpdir(), 'ai-policy-bench-secretlintrc.json');
  fs.writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const hasSecretlint = fs.existsSync(sl);
  let ours: Timing = { ms: Infinity, status: null };
  let theirs: Timing = { ms: Infinity, status: null };
  // Interleaved runs, best of three each, so that a burst of load hits both alike.
  for (let run = 0; run < 3; run++) {
    ours = best(ours, timeOnce(process.execPath, [cli, 'scan', '--format', 'sarif', dir], repoRoot));
    if (hasSecretlint) theirs = best(theirs, timeOnce(process.execPath, [sl, '--secretlintrc', rc, '--format', 'json', `${dir}/**/*`], repoRoot));
  }
  const cpu = (t: Timing) => (t.cpuMs === undefined ? '' : `, ${t.cpuMs.toFixed(0)} ms CPU`);
  print(`whole process, ${label}: ai-policy scan --format sarif ${ours.ms.toFixed(0)} ms wall${cpu(ours)} (exit ${ours.status})`);
  if (!hasSecretlint) {
    print('whole process: secretlint not installed; comparison skipped');
    return;
  }
  print(`whole process, ${label}: secretlint (recommended preset) ${theirs.ms.toFixed(0)} ms wall${cpu(theirs)} (exit ${theirs.status})`);
  const cpuRatio = ours.cpuMs !== undefined && theirs.cpuMs ? `; CPU ${(ours.cpuMs / theirs.cpuMs).toFixed(3)}` : '';
  print(`whole-process ratio ai-policy / secretlint, ${label}: wall ${(ours.ms / theirs.ms).toFixed(3)}${cpuRatio} (goal <= 0.2)`);
}

async function slices(scanner: Scanner, dir: string): Promise<void> {
  const base = fs.readFileSync(path.join(dir, fs.readdirSync(dir).sort().find((n) => n.includes('_tsc.js')) ?? 'planted-config.js'), 'utf8');
  const text = base.repeat(Math.ceil((5 * 1024 * 1024) / base.length)).slice(0, 5 * 1024 * 1024);
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  // Garbage collection pauses inside the scan, so that a long slice can be told from a long step.
  const gcs: { start: number; ms: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration });
  });
  obs.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  const stats: { slices: number; longestMs: number; longestStep?: string } = { slices: 0, longestMs: 0 };
  await scanSliced(scanner.detector, { text, path: 'big.js' }, { stats });
  running = false;
  const total = performance.now() - t0;
  await new Promise((r) => setImmediate(r));
  obs.disconnect();
  const inScan = gcs.filter((g) => g.start >= t0 && g.start <= t0 + total);
  const gcMax = Math.max(0, ...inScan.map((g) => g.ms));
  print(`sliced scan of a 5 MB file: ${total.toFixed(0)} ms total in ${stats.slices} slices; longest slice ${stats.longestMs.toFixed(1)} ms (ending in ${stats.longestStep}), longest event-loop block ${longest.toFixed(1)} ms (goal <= 10); garbage collection during the scan: ${inScan.length} pauses, longest ${gcMax.toFixed(1)} ms`);
}

function corpus(scanner: Scanner): void {
  // Beside the checkout, or beside the folder of worktrees that holds it.
  const dir = process.env.AI_POLICY_CORPUS ?? [path.resolve(repoRoot, '..', 'shared', 'corpus'), path.resolve(repoRoot, '..', '..', 'shared', 'corpus')].find((d) => fs.existsSync(d)) ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
  if (!fs.existsSync(dir)) {
    print(`labelled samples: ${dir} not found (set AI_POLICY_CORPUS); section skipped`);
    return;
  }
  const r = evaluate(scanner, loadSamples(dir));
  let tp = 0, found = 0, fp = 0, flagged = 0;
  print('family                                      recall        fp flagged');
  for (const f of r.families) {
    tp += f.tp; found += f.found; fp += f.fp; flagged += f.flagged;
    const rec = f.tp ? `${f.found}/${f.tp} ${(f.found / f.tp).toFixed(2)}` : '-';
    const fps = f.fp ? `${f.flagged}/${f.fp} ${((100 * f.flagged) / f.fp).toFixed(0)}%` : '-';
    print(`  ${f.family.padEnd(42)}${rec.padEnd(14)}${fps}`);
  }
  print(`overall recall: ${found}/${tp} = ${(found / tp).toFixed(3)} (goal >= 0.99)`);
  print(`overall false positives flagged: ${flagged}/${fp} = ${((100 * flagged) / fp).toFixed(1)}% (goal <= 2%)`);
  print('negative samples by why they are not a credential or personal data:   flagged');
  for (const c of negativeClasses(r.negatives)) print(`  ${c.name.padEnd(78)}${c.flagged}/${c.total} ${c.total ? ((100 * c.flagged) / c.total).toFixed(0) : 0}%`);
  print(`(${r.crossLabelled} fp samples whose exact text is a tp of another family, or that the detector names as another family of the samples, were left out of the fp share)`);
  if (process.argv.includes('--list-failures')) {
    const show = (s: { rule: string; text: string; path?: string }) => `  ${s.rule}${s.path ? ` (${s.path})` : ''}: ${JSON.stringify(s.text.length > 300 ? `${s.text.slice(0, 300)}…` : s.text)}`;
    print(`missed (${r.misses.length}):`);
    for (const s of r.misses) print(show(s));
    print(`false alarms (${r.flags.length}):`);
    for (const s of r.flags) print(show(s));
  }
}

/** The per-family samples the unit tests build from documented formats: each found, each near miss not. */
function generated(scanner: Scanner): void {
  const by = new Map<string, { tp: number; found: number; fp: number; flagged: number }>();
  for (let n = 0; n < 20; n++) {
    for (const c of generateSamples(n)) {
      const f = by.get(c.family) ?? { tp: 0, found: 0, fp: 0, flagged: 0 };
      by.set(c.family, f);
      f.tp++;
      if (scanner.scanText(c.hit, c.path ?? 'sample.txt').findings.some((x) => x.kind === 'content')) f.found++;
      f.fp++;
      if (scanner.scanText(c.miss, c.path ?? 'sample.txt').findings.some((x) => x.kind === 'content')) f.flagged++;
    }
  }
  let tp = 0, found = 0, fp = 0, flagged = 0;
  print('generated samples (documented formats, 20 seeds): family   recall   near misses flagged');
  for (const [family, f] of [...by].sort(([a], [b]) => a.localeCompare(b))) {
    tp += f.tp; found += f.found; fp += f.fp; flagged += f.flagged;
    print(`  ${family.padEnd(42)}${`${f.found}/${f.tp}`.padEnd(14)}${f.flagged}/${f.fp}`);
  }
  print(`generated samples: recall ${found}/${tp} = ${(found / tp).toFixed(3)}; near misses flagged ${flagged}/${fp}`);
}

async function main(): Promise<void> {
  const scanner = new Scanner();
  if (process.argv.includes('--corpus-only')) {
    corpus(scanner);
    generated(scanner);
    return;
  }
  // The command line as it ships (minified): `npm run bench:scan` builds the development bundles first.
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.js'), '--production'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('production build failed');
  const dir = path.join(os.tmpdir(), 'ai-policy-bench-scan');
  const { files, bytes } = buildCorpus(repoRoot, dir);
  print(`corpus: ${files} ordinary source files (${mb(bytes)} MB) + 1 file with planted secrets, in ${dir}`);
  inProcess(scanner, dir);
  wholeProcess(dir, 'large files');
  const tree = path.join(os.tmpdir(), 'ai-policy-bench-real-tree');
  const t = buildRealTree(repoRoot, tree);
  print(`real-shaped tree: ${t.files} files, every file of whole packages and of this repository's src, test and docs, nested (${mb(t.bytes)} MB, file-size median ${(t.median / 1024).toFixed(1)} KB) + 1 file with planted secrets, in ${tree}`);
  wholeProcess(tree, `real-shaped tree (median file ${(t.median / 1024).toFixed(1)} KB)`);
  await slices(scanner, dir);
  corpus(scanner);
  generated(scanner);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
