// ai-policy export: derive enforcement configurations for other tools from the one policy.
import { EXPORT_TARGETS, exportTarget } from '../../core/export/targets';
import { parseCommandArgs } from './commandArgs';
import { loadPolicyFile } from './policyFile';

const HELP = `Usage: ai-policy export --policy FILE --target TARGET [--block-unlisted]

Targets:
  vscode-allowed-extensions   value for VS Code's "extensions.allowed" (approved and restricted: true,
                              prohibited: false, everything else allowed by "*": true;
                              --block-unlisted also sets catalogued AI tools the policy does not list to false)
  copilot-content-exclusion   YAML path list for a repository's GitHub Copilot content exclusion
  claude-settings             Claude Code .claude/settings.json with permissions.deny Read(...) rules
  cursorignore aiexclude aiignore codeiumignore continueignore clineignore rooignore aiderignore
                              ignore files (gitignore syntax; .aiexclude without "!" exceptions)
Ignore files and exclusions come from the sensitive path rules in force: the built-in ones and the policy's.
Exit code: 0 printed, 2 usage error or an unreadable or invalid policy (problems as file:line:col).`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('export', HELP, {
    args,
    options: { policy: { type: 'string' }, target: { type: 'string' }, 'block-unlisted': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.policy || !values.target) {
    process.stderr.write(`ai-policy export: --policy and --target are required\n${HELP}\n`);
    return 2;
  }
  if (!EXPORT_TARGETS.includes(values.target)) {
    process.stderr.write(`ai-policy export: unknown target "${values.target}"; one of: ${EXPORT_TARGETS.join(', ')}\n`);
    return 2;
  }
  const loaded = await loadPolicyFile(values.policy);
  if ('error' in loaded) {
    process.stderr.write(loaded.error + '\n');
    return 2;
  }
  process.stdout.write(exportTarget(values.target, loaded.policy, { blockUnlisted: values['block-unlisted'] }));
  return 0;
}
