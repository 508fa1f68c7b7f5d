// Runs host test suites inside the extension host of a real VS Code (see launcher.ts) and reports counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostContext } from '../host/context';
import { fakeExtensionId } from './fakeExtension';
import { launch, type LaunchOptions } from './launcher';
import { repoRoot } from './workspaceSetup';

/** One VS Code session: a workspace in a given state (as launch() takes it) and the suites that run against it. */
export interface HostRun extends Pick<LaunchOptions, 'fixture' | 'gitInit' | 'trusted' | 'machineSettings' | 'userSettings' | 'fakeExtensions' | 'locale'> {
  /** Unique; names test-output/runs/host-<name>-<pid>. */
  name: string;
  /** Environment of the extension host (suites read it with process.env). */
  env?: Record<string, string>;
  /** Suite names: test/host/suites/<name>.test.ts. */
  suites: readonly string[];
  /** Default 180 s for the whole run. */
  timeoutMs?: number;
}

export interface TierResult {
  passed: number;
  failed: number;
  /** Tests that skipped themselves because the run's setting does not apply (e.g. git in Restricted Mode). */
  skipped?: number;
  /** Whether the tier failed for a reason besides failed tests (crash, timeout, no tests). */
  error?: string;
}

export async function runHostRun(run: HostRun): Promise<TierResult> {
  const root = repoRoot();
  const suites = run.suites.map((s) => path.join(root, 'out', 'test', 'host', 'suites', `${s}.test.js`));
  const missing = suites.filter((s) => !fs.existsSync(s));
  if (missing.length > 0) return { passed: 0, failed: 0, error: `suite files missing (build first): ${missing.join(', ')}` };
  const resultFile = path.join(root, 'test-output', 'results', `host-${run.name}-${process.pid}.json`);
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  fs.rmSync(resultFile, { force: true });

  const session = await launch({
    name: `host-${run.name}`,
    fixture: run.fixture,
    gitInit: run.gitInit,
    trusted: run.trusted,
    machineSettings: run.machineSettings,
    userSettings: run.userSettings,
    fakeExtensions: run.fakeExtensions,
    locale: run.locale,
    env: (dirs) => ({
      ...run.env,
      AI_POLICY_HOST_SUITES: JSON.stringify(suites),
      AI_POLICY_TEST_RESULT: resultFile,
      AI_POLICY_TEST_CONTEXT: JSON.stringify(contextOf(run, dirs.workspace)),
    }),
    extensionTestsPath: path.join(root, 'out', 'test', 'host', 'index'),
  });
  const timeoutMs = run.timeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    console.log(`Running extension tests in VS Code ${session.vscodeVersion} (run "${run.name}", ${run.trusted === false ? 'untrusted' : 'trusted'} workspace)`);
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([session.exited, timeout]);
    if (code === 'timeout') {
      const shot = await session.screenshot(`host-${run.name}-timeout`).catch(() => 'none');
      return { ...readResult(resultFile), error: `timed out after ${timeoutMs / 1000} s (screenshot ${shot}, logs ${session.dirs.run})` };
    }
    const result = readResult(resultFile);
    if (code !== 0 && result.failed === 0) return { ...result, error: `extension host exited with code ${code} (logs ${session.dirs.run})` };
    return result;
  } finally {
    clearTimeout(timer);
    await session.close();
    fs.rmSync(resultFile, { force: true });
  }
}

function contextOf(run: HostRun, workspaceDir: string | undefined): HostContext {
  return {
    run: run.name,
    trusted: run.trusted ?? true,
    gitInit: run.gitInit ?? false,
    workspaceDir,
    machineSettings: run.machineSettings ?? {},
    userSettings: run.userSettings ?? {},
    fakeExtensions: (run.fakeExtensions ?? []).map(fakeExtensionId),
  };
}

function readResult(file: string): TierResult {
  if (!fs.existsSync(file)) return { passed: 0, failed: 0 };
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { passed: number; failed: number; pending?: number };
  return { passed: r.passed, failed: r.failed, skipped: r.pending ?? 0 };
}
