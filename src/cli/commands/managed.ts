// ai-policy managed [--file FILE]: shows this machine's managed configuration and whether it is usable.
import { managedConfigPath, readManagedConfig } from '../../core/managed/managedConfig';
import { parseCommandArgs } from './commandArgs';

const HELP = `Usage: ai-policy managed [--file FILE]

Shows the organization's managed configuration (${managedConfigPath()} on this platform), which wins
over user settings for the policy source, public key, audit endpoints and token, developer id and hooks mode in
the editor, the CLI and the agent hooks. --file checks another file (for example before deploying it).
Exit code: 0 usable or absent, 1 present but unusable.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('managed', HELP, { args, options: { file: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const file = parsed.values.file;
  const r = readManagedConfig(file ?? managedConfigPath(), { checkOwner: file ? false : undefined });
  if (r.error) {
    process.stderr.write(`${r.error}\n`);
    return 1;
  }
  if (!r.config) {
    process.stdout.write(`${r.path}: no managed configuration (user settings apply)\n`);
    return 0;
  }
  process.stdout.write(`${r.path}: ok\n`);
  for (const [k, v] of Object.entries(r.config)) process.stdout.write(`  ${k}: ${k === 'auditToken' ? '(set)' : k === 'publicKey' && String(v).includes('BEGIN') ? '(PEM key)' : String(v)}\n`);
  return 0;
}
