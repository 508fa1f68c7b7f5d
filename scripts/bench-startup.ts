// Start-up cost of the shipped extension, without the editor: the production bundle (dist/extension.js, built by
// `node esbuild.js --production` first) required in plain Node with a stub for `vscode`, timed as whole processes
// against a bare `node -e 0` in the same run (interleaved, median of several), plus the bundle sizes. The require is
// also timed with the Node built-ins the code uses loaded beforehand, which is what the extension host pays.
// The memory the extension adds is measured in scripts/startupMemory.ts. Activation inside the real VS Code is read
// from "Developer: Show Running Extensions" by scripts/bench-activation.ts.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startupMemory, type StartupMemory } from './startupMemory';

const repoRoot = path.resolve(__dirname, '..', '..');
const dist = path.join(repoRoot, 'dist');
const bundle = path.join(dist, 'extension.js');
const print = (s = '') => process.stdout.write(s + '\n');
const RUNS = Number(process.env.STARTUP_RUNS ?? 11);

/**
 * Node built-ins the extension's code requires somewhere (at its top level or inside functions). VS Code's
 * extension host has loaded all of them before any extension starts, so there the bundle does not pay for them.
 */
const HOST_BUILTINS = ['node:crypto', 'node:child_process', 'node:http', 'node:https', 'node:fs/promises', 'node:os', 'node:url', 'node:stream', 'node:perf_hooks'];

/** Requires the bundle with `vscode` answered by a stub whose members are permissive proxies; `preload` first. */
const loadBundle = (preload: string[] = []) => `
for (const m of ${JSON.stringify(preload)}) require(m);
const Module = require('node:module');
const stub = () => new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => '' : stub()), apply: () => stub(), construct: () => stub() });
const load = Module._load;
Module._load = function (req, ...rest) { return req === 'vscode' ? stub() : load.call(this, req, ...rest); };
const t0 = performance.now();
require(${JSON.stringify(bundle)});
process.stdout.write(String(performance.now() - t0));
`;

function wall(args: string[]): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ').slice(0, 60)} exited with ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => (n / 1024).toFixed(0);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const MEMORY_RUNS = 3;

function main(): void {
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.js'), '--production'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('production build failed');
  const bare: number[] = [];
  const whole: number[] = [];
  const required: number[] = [];
  wall(['-e', loadBundle()]); // warm the file cache
  const loadBefore = os.loadavg()[0];
  const preloaded: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(wall(['-e', '0']).ms);
    const r = wall(['-e', loadBundle()]);
    whole.push(r.ms);
    required.push(Number(r.out));
    preloaded.push(Number(wall(['-e', loadBundle(HOST_BUILTINS)]).out));
  }
  // dist/extension.js is the launcher; the code is in dist/extensionMain.js, loaded with V8's code cache.
  const size = fs.statSync(fs.existsSync(path.join(dist, 'extensionMain.js')) ? path.join(dist, 'extensionMain.js') : bundle).size;
  const lazyDir = path.join(dist, 'lazy');
  const lazy = fs.existsSync(lazyDir) ? fs.readdirSync(lazyDir).filter((f) => f.endsWith('.js')).map((f) => `${f} ${kb(fs.statSync(path.join(lazyDir, f)).size)} KB`) : [];
  print(`main bundle dist/extensionMain.js: ${kb(size)} KB (goal <= 450 KB)${lazy.length ? `; loaded on demand: ${lazy.join(', ')}` : ''}`);
  print(`bare node -e 0, whole process: median ${median(bare).toFixed(0)} ms over ${RUNS} runs`);
  print(`node requiring the bundle (vscode stubbed), whole process: median ${median(whole).toFixed(0)} ms = ${(median(whole) / median(bare)).toFixed(2)}x bare (goal <= 1.3x; the first run writes the code cache the others use)`);
  print(`  of which require() of the bundle: median ${median(required).toFixed(0)} ms`);
  print(`  machine load average (1 min) ${loadBefore.toFixed(1)} before the runs, ${os.loadavg()[0].toFixed(1)} after, on ${os.cpus().length} CPUs (the ratio grows with load)`);
  print(`  require() of the bundle with the Node built-ins it uses already loaded (as in VS Code's extension host): median ${median(preloaded).toFixed(0)} ms`);

  const starter = path.join(repoRoot, 'policy-samples', 'starter.aipolicy.yaml');
  const mem: StartupMemory[] = [];
  for (let i = 0; i < MEMORY_RUNS; i++) mem.push(startupMemory(bundle, starter, HOST_BUILTINS));
  const step = (pick: (m: StartupMemory) => { heapUsed: number; rss: number }) =>
    `heap +${mb(median(mem.map((m) => pick(m).heapUsed)))} MB, RSS +${mb(median(mem.map((m) => pick(m).rss)))} MB`;
  print(`memory the extension adds to a Node process (vscode stubbed, built-ins preloaded, after a full GC, median of ${MEMORY_RUNS}):`);
  print(`  bundle required: ${step((m) => m.loaded)}`);
  print(`  activate() and the starter policy loaded${mem.every((m) => m.policyLoaded) ? '' : ' (NOT every run finished loading the policy)'}: ${step((m) => m.activated)}`);
  print(`  (what VS Code keeps for the extension's commands, views and diagnostics is not included)`);
}

main();
