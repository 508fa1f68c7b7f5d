// ai-policy export: derive enforcement configurations for other tools from the one policy.
import { EXPORT_TARGETS, exportTarget } from '../../core/export/targets';
import { policyForScope } from '../../core/tools/exceptionScope';
import { describeException } from './exceptionsList';
import { parseCommandArgs } from './commandArgs';
import { isEditorRuntime, managedPolicyFile } from './managedSource';
import { loadPolicyFile } from './policyFile';

const HELP = `Usage: ai-policy export [--policy FILE] --target TARGET [--block-unlisted]
                         [--runtime PATH --hook-script FILE] [--audit-endpoint URL]
                         [--developer ID] [--team T]... [--repository URL]...

Targets:
  vscode-allowed-extensions   value for VS Code's "extensions.allowed" (approved and restricted: true,
                              prohibited: false, everything else allowed by "*": true;
                              --block-unlisted also sets catalogued AI tools the policy does not list to false)
  vscode-policy-json          VS Code's Linux policy file /etc/vscode/policy.json (AllowedExtensions, ChatMCP,
                              ChatAllowedMcpServers, ChatDeniedMcpServers, ChatAgentMode, ChatToolsAutoApprove,
                              ChatToolsTerminalEnableAutoApprove, ChatHooks, ChatAgentSandboxEnabled,
                              ChatAgentSandboxAllowUnsandboxedCommands)
  vscode-mobileconfig         the same policies as a macOS configuration profile
  vscode-reg                  the same policies as a Windows .reg file (HKLM\\Software\\Policies\\Microsoft\\VSCode)
  vscode-settings             VS Code settings that keep sensitive files out of the editor's chat (implicit context),
                              Copilot completions (per language) and the agent sandbox's reads
  claude-managed-settings     Claude Code managed-settings.json: Read denials for files that are secrets by name,
                              the Bash sandbox, telemetry to the audit server (env) and the policy hook
  codex-config                Codex config.toml: workspace-write sandbox without network, approval before
                              commands when the policy asks for it, [otel] export to the audit server
  copilot-hooks               GitHub Copilot hooks file (.github/hooks/*.json) running the policy hook
  cursor-hooks                Cursor hooks.json running the policy hook
  copilot-content-exclusion   YAML path list for a repository's GitHub Copilot content exclusion
  claude-settings             Claude Code .claude/settings.json with permissions.deny Read(...) rules for files
                              that are secrets by name (.env, keys, credential files)
  cursorignore aiexclude aiignore codeiumignore continueignore clineignore rooignore aiderignore
                              ignore files (gitignore syntax; .aiexclude without "!" exceptions)
Ignore files and exclusions come from the sensitive path rules in force: the built-in ones and the policy's.
Telemetry goes to the policy's audit endpoint, or --audit-endpoint URL; the token is a placeholder to replace.
Hook targets run "ai-policy hook --harness H"; with --runtime and --hook-script they run that bundle instead
(the editor's runtime runs it with ELECTRON_RUN_AS_NODE=1).
Without --policy, the policy source of the organization's managed configuration is used when it is a file.
Exit code: 0 printed, 2 usage error or an unreadable or invalid policy (problems as file:line:col).`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('export', HELP, {
    args,
    options: {
      policy: { type: 'string' },
      target: { type: 'string' },
      'block-unlisted': { type: 'boolean' },
      runtime: { type: 'string' },
      'hook-script': { type: 'string' },
      'audit-endpoint': { type: 'string' },
      developer: { type: 'string' },
      team: { type: 'string', multiple: true },
      repository: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const policyFile = values.policy ?? managedPolicyFile();
  if (typeof policyFile === 'object') {
    process.stderr.write(`ai-policy export: ${policyFile.error}\n`);
    return 2;
  }
  if (!policyFile || !values.target) {
    process.stderr.write(`ai-policy export: --policy and --target are required\n${HELP}\n`);
    return 2;
  }
  if (Boolean(values.runtime) !== Boolean(values['hook-script'])) {
    process.stderr.write('ai-policy export: --runtime and --hook-script go together\n');
    return 2;
  }
  const endpoint = values['audit-endpoint'];
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    process.stderr.write(`ai-policy export: --audit-endpoint "${endpoint}" is not an http(s) URL\n`);
    return 2;
  }
  if (!EXPORT_TARGETS.includes(values.target)) {
    process.stderr.write(`ai-policy export: unknown target "${values.target}"; one of: ${EXPORT_TARGETS.join(', ')}\n`);
    return 2;
  }
  const loaded = await loadPolicyFile(policyFile);
  if ('error' in loaded) {
    process.stderr.write(loaded.error + '\n');
    return 2;
  }
  const scoped = policyForScope(loaded.policy, { developer: values.developer?.trim() || undefined, teams: values.team, repositories: values.repository, now: new Date() });
  for (const e of scoped.applied) process.stderr.write(`ai-policy export: applied exception ${e.id} (${describeException(e)})\n`);
  if (scoped.notApplied.length) {
    process.stderr.write(`ai-policy export: ${scoped.notApplied.length} exception(s) in force not applied (another scope: use --developer, --team or --repository): ${scoped.notApplied.map((e) => e.id).join(', ')}\n`);
  }
  process.stdout.write(exportTarget(values.target, scoped.policy, {
      blockUnlisted: values['block-unlisted'],
      runtime: values.runtime,
      hookScript: values['hook-script'],
      electron: values.runtime ? isEditorRuntime(values.runtime) : undefined,
      auditEndpoint: values['audit-endpoint'],
    }),);
  return 0;
}
