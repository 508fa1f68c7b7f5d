// ai-policy hooks flush: delivers what the agent hooks recorded (refusals, errors, the daily activity
// tally) without an editor, to the managed configuration's audit endpoint with its token. The hook runs
// the same once a day in a detached process (`hook.js --flush`) when an endpoint is configured.
import { version } from '../../../package.json';
import { flushSpool } from '../../core/hooks/flush';
import { agentStateDir } from '../../core/hooks/stateDir';
import { parseCommandArgs } from './commandArgs';

const HELP = `Usage: ai-policy hooks flush [--timeout SECONDS]

Folds the agent hooks' activity tally (complete UTC days: one agent.activity event per agent and day,
counts only), then sends it and the hooks' other recorded events (agent.blocked, agent.hookError) to
the audit endpoint of the managed configuration ("auditEndpoint", with "auditToken" or the
AI_POLICY_AUDIT_TOKEN environment variable), through a queue in the agent state folder: what cannot be
sent now is kept and sent by the next flush. The editor delivers the same events when it runs; the
hook itself starts a flush once a day. Exit code: 0 all sent, 1 some kept for later or not configured.`;

export async function run(args: string[], managedPath?: string): Promise<number> {
  const parsed = parseCommandArgs('hooks flush', HELP, { args, options: { timeout: { type: 'string', default: '15' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const seconds = Number(parsed.values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    process.stderr.write('ai-policy hooks flush: --timeout must be a positive number of seconds\n');
    return 2;
  }
  const r = await flushSpool({
    stateDir: agentStateDir(),
    managedPath,
    version,
    timeoutMs: seconds * 1000,
    log: (level, message) => {
      if (level !== 'info') process.stderr.write(`ai-policy hooks flush: ${message}\n`);
    },
  });
  if (!r.ok) {
    process.stderr.write(`ai-policy hooks flush: ${r.error}\n`);
    return 1;
  }
  const d = r.delivery;
  process.stdout.write(`${r.folded} day(s) of agent activity folded; ${r.taken} event(s) taken from the hooks; ${d.sent} sent, ${d.queued} kept for later${d.rejected ? `, ${d.rejected} refused by the endpoint` : ''}${d.parked ? `, ${d.parked} kept aside (refused by the endpoint's version; offered again later)` : ''}\n`);
  if (d.lastError) process.stderr.write(`ai-policy hooks flush: ${d.lastError}\n`);
  return d.queued ? 1 : 0;
}
