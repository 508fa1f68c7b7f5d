// The test tiers that `npm test` runs, each returning pass/fail counts.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runs } from '../host/runs';
import { runHostRun, type TierResult } from './hostRun';
import { startPostgres, type TestPostgres } from './postgres';
import { repoRoot } from './workspaceSetup';

function exec(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot(), env, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** `tsc --noEmit`: counts as one check. */
export async function typecheck(): Promise<TierResult> {
  const code = await exec(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [repoRoot()] }), '--noEmit', '-p', '.']);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

interface LintResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: { line?: number; column?: number; severity: number; message: string; ruleId: string | null }[];
}

/** ESLint over the repository (the flat config in eslint.config.mjs): counts as one check, like the type check. */
export async function lint(): Promise<TierResult> {
  const root = repoRoot();
  const eslint = path.join(path.dirname(require.resolve('eslint/package.json', { paths: [root] })), 'bin', 'eslint.js');
  const child = spawn(process.execPath, [eslint, '--format', 'json', '.'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('close', (c) => resolve(c ?? 1));
  });
  let results: LintResult[];
  try {
    results = JSON.parse(out) as LintResult[];
  } catch {
    return { passed: 0, failed: 0, error: `eslint exited with code ${code} without a report` };
  }
  for (const r of results.filter((x) => x.messages.length > 0)) {
    console.log(path.relative(root, r.filePath));
    for (const m of r.messages) console.log(`  ${m.line ?? 0}:${m.column ?? 0}  ${m.severity === 2 ? 'error' : 'warning'}  ${m.message}  ${m.ruleId ?? ''}`);
  }
  const failed = results.filter((r) => r.errorCount > 0).length;
  console.log(`eslint: ${results.length} files, ${failed} with errors`);
  if (code !== 0 && failed === 0) return { passed: 0, failed: 1, error: `eslint exited with code ${code}` };
  return failed === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** Mocha under this Node over compiled test files (out/test/<dir>/**\/*.test.js). */
export function mochaTier(dir: string, extraArgs: string[] = []): Promise<TierResult> {
  return mochaFiles(dir, [`out/test/${dir}/**/*.test.js`], extraArgs);
}

/** Mocha under this Node over the given compiled test files (globs relative to the repository). */
export async function mochaFiles(dir: string, files: string[], extraArgs: string[] = []): Promise<TierResult> {
  const root = repoRoot();
  const resultFile = path.join(root, 'test-output', 'results', `${dir}-${process.pid}.json`);
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  fs.rmSync(resultFile, { force: true });
  const mocha = require.resolve('mocha/bin/mocha.js', { paths: [root] });
  const code = await exec(
    process.execPath,
    [mocha, ...files, '--reporter', path.join(root, 'out/test/harness/countingReporter.js'), ...extraArgs],
    { ...process.env, AI_POLICY_TEST_RESULT: resultFile },
  );
  if (!fs.existsSync(resultFile)) return { passed: 0, failed: 0, error: `mocha exited with code ${code} before running tests` };
  const counts = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passed: number; failed: number; pending?: number };
  fs.rmSync(resultFile, { force: true });
  const r: TierResult = { passed: counts.passed, failed: counts.failed, skipped: counts.pending ?? 0 };
  return code !== 0 && r.failed === 0 ? { ...r, error: `mocha exited with code ${code}` } : r;
}

/**
 * The PostgreSQL tier: starts a throwaway PostgreSQL (test/harness/postgres.ts), re-runs the server's
    const suites = ['store', 'report', 'history', 'people', 'versionSkew', 'usageTotals'].map((n) => `out/test/unit/server/${n}.test.js`);
 * then the PostgreSQL-only suites in test/pg (several instances on one database, faults, start errors).
 */
export async function pgTier(): Promise<TierResult> {
  let pgServer: TestPostgres;
  try {
    pgServer = await startPostgres();
  } catch (e) {
    return { passed: 0, failed: 0, error: `could not start a test PostgreSQL: ${e instanceof Error ? e.message : String(e)}` };
  }
  const before = process.env.AI_POLICY_TEST_PG;
  process.env.AI_POLICY_TEST_PG = pgServer.url();
  process.env.AI_POLICY_TEST_PG_PORT = String(pgServer.port);
  try {
    const suites = ['store', 'report', 'history', 'people', 'versionSkew', 'usageTotals', 'exceptionQueue'].map((n) => `out/test/unit/server/${n}.test.js`);
    return await mochaFiles('pg', [...suites, 'out/test/pg/**/*.test.js'], ['--timeout', '120000']);
  } finally {
    if (before === undefined) delete process.env.AI_POLICY_TEST_PG;
    else process.env.AI_POLICY_TEST_PG = before;
    pgServer.stop();
  }
}

/** Every run in test/host/runs.ts (or those named in $AI_POLICY_HOST_RUNS), one VS Code session each. */
export async function hostTier(): Promise<TierResult> {
  const only = process.env.AI_POLICY_HOST_RUNS?.split(',').map((s) => s.trim()).filter(Boolean);
  const selected = only ? runs.filter((r) => only.includes(r.name)) : runs;
  const total: TierResult = { passed: 0, failed: 0, skipped: 0 };
  const errors: string[] = [];
  for (const run of selected) {
    const r = await runHostRun(run).catch((e: Error): TierResult => ({ passed: 0, failed: 0, error: e.message }));
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped = (total.skipped ?? 0) + (r.skipped ?? 0);
    if (r.error) errors.push(`run "${run.name}": ${r.error}`);
    if (r.passed + r.failed === 0 && !r.error) errors.push(`run "${run.name}" ran no tests`);
  }
  if (selected.length === 0) errors.push(`no host runs selected (AI_POLICY_HOST_RUNS=${process.env.AI_POLICY_HOST_RUNS ?? ''})`);
  return errors.length > 0 ? { ...total, error: errors.join('; ') } : total;
}
