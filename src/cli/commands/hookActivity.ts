// The hook's share of the activity count: one tally line per judged call and, on the first call of each
// UTC day, the fold of the complete days; when the managed configuration names an audit endpoint, that
// first call also starts the delivery (`hooks flush`) as a detached process, so a machine with agents and no editor
// delivers its spool once a day. The agent never waits for either, and neither can change the verdict.
import { readManagedConfig } from '../../core/managed/managedConfig';
import { claimDailyFold, countCall, foldActivity, sessionIdOf, type CallKind, type CallVerdict } from '../../core/hooks/activity';
import { agentStateDir } from '../../core/hooks/stateDir';
import { childProcess } from '../../core/nodeBuiltins';

export interface CallFacts {
  harness: string;
  kind: CallKind;
  verdict: CallVerdict;
  /** The raw payload, read only for its session id. */
  payload: string;
  managedPath?: string;
}

function sessionOf(payload: string): string | undefined {
  try {
    return sessionIdOf(JSON.parse(payload));
  } catch {
    return undefined; // the judge has already accepted it; a payload that fails here is simply not attributed
  }
}

/** Starts the delivery detached, with this process's runtime (Node, or Electron as Node). */
function spawnFlush(): void {
  const script = process.argv[1];
  // Run as `ai-policy hook ...` the CLI has `hooks flush`; the hook bundle takes `--flush`.
  const args = process.argv[2] === 'hook' ? ['hooks', 'flush'] : ['--flush'];
  const child = childProcess().spawn(process.execPath, [script, ...args], { detached: true, stdio: 'ignore', windowsHide: true, env: process.env });
  child.on('error', (e) => process.stderr.write(`ai-policy hook: could not start the daily delivery: ${e.stack ?? e.message}\n`));
  child.unref();
}

/** Counts one call; on the day's first call folds yesterday's tally and starts the delivery (tests pass `spawn`). */
export async function noteCall(facts: CallFacts, now = new Date(), spawn: () => void = spawnFlush): Promise<void> {
  const dir = agentStateDir();
  try {
    countCall(dir, { harness: facts.harness, kind: facts.kind, verdict: facts.verdict, sessionId: sessionOf(facts.payload) }, now);
    if (!claimDailyFold(dir, now)) return;
    await foldActivity(dir, now);
    if (readManagedConfig(facts.managedPath).config?.auditEndpoint) spawn();
  } catch (e) {
    process.stderr.write(`ai-policy hook: could not count this call: ${(e as Error).stack ?? String(e)}\n`);
  }
}
