// ai-policy exceptions list|pull: the policy's time-boxed exceptions.
import { exceptionLines } from './exceptionsList';
import { parseCommandArgs } from './commandArgs';
import { loadPolicyFile } from './policyFile';

const HELP = `Usage: ai-policy exceptions list --policy FILE
       ai-policy exceptions pull --server URL [--token ADMIN] --policy FILE

  list   each exception with its end date, marked in force, expiring within 30 days,
         expired, or not yet in force
  pull   fetch the approved decisions from the audit server (GET /v1/exceptions?status=approved,
         admin token) and add them to FILE as its next version (version + 1), keeping
         comments and layout; written only when the result validates. Sign it afterwards.
         The admin token comes from --token or, better (other users of the machine cannot
         read it in the process list), from the AI_POLICY_ADMIN_TOKEN environment variable.

Exit code: 0 done, 1 failed, 2 usage error.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('exceptions', HELP, {
    args,
    allowPositionals: true,
    options: { policy: { type: 'string' }, server: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (typeof parsed === 'number') return parsed;
  const [action, ...extra] = parsed.positionals;
  const { policy, server } = parsed.values;
  const token = parsed.values.token || process.env.AI_POLICY_ADMIN_TOKEN || undefined;
  const usage = (message: string): number => (process.stderr.write(`ai-policy exceptions: ${message}\n${HELP}\n`), 2);
  if (extra.length) return usage(`unexpected ${extra.join(' ')}`);
  if (!policy) return usage('--policy FILE is required');
  const out = (line: string) => void process.stdout.write(line + '\n');
  if (action === 'list') {
    const loaded = await loadPolicyFile(policy);
    if ('error' in loaded) return process.stderr.write(loaded.error + '\n'), 1;
    const lines = exceptionLines(loaded.policy, new Date());
    for (const l of lines.length ? lines : [`${policy}: no exceptions`]) out(l);
    return 0;
  }
  if (action === 'pull') {
    if (!server || !token) return usage('pull needs --server URL and the admin token (--token ADMIN or AI_POLICY_ADMIN_TOKEN)');
    const { pull } = await import('./exceptionsPull');
    try {
      return await pull(policy, server, token, out);
    } catch (e) {
      process.stderr.write(`ai-policy exceptions pull: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      return 1;
    }
  }
  return usage(action ? `unknown action "${action}"` : 'say list or pull');
}
