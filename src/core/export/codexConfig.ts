// Codex `config.toml` from the policy: the OS sandbox for the commands it runs, approval before commands when
// the policy asks for confirmation, and its OpenTelemetry export to the audit server. The keys follow Codex's
// documented configuration (sandbox_mode, [sandbox_workspace_write], approval_policy, [otel]) as we know it; no
// vendor documentation could be fetched when this was written, so docs/enforcement.md says where to check them.
// Codex's sandbox limits writes and network, not reads: it cannot keep a command from reading `.env`.
import { smolToml } from '../lazyModules';
import type { Policy } from '../policy/types';
import { TOKEN_PLACEHOLDER, otlpBaseUrl } from './telemetry';
import { confirmationRequired } from './vscodePolicy';

export interface CodexConfig {
  sandbox_mode: 'workspace-write';
  approval_policy?: 'untrusted';
  sandbox_workspace_write: { network_access: false };
  otel?: {
    log_user_prompt: false;
    exporter: { 'otlp-http': { endpoint: string; protocol: 'json'; headers: Record<string, string> } };
  };
}

export function codexConfig(policy: Policy, opts: { auditEndpoint?: string } = {}): CodexConfig {
  const out: CodexConfig = { sandbox_mode: 'workspace-write', sandbox_workspace_write: { network_access: false } };
  // "untrusted": Codex asks before any command that is not a known read-only one.
  if (confirmationRequired(policy, 'terminal')) out.approval_policy = 'untrusted';
  const base = otlpBaseUrl(policy, opts.auditEndpoint);
  if (base) {
    out.otel = {
      log_user_prompt: false,
      exporter: { 'otlp-http': { endpoint: `${base}/v1/logs`, protocol: 'json', headers: { Authorization: `Bearer ${TOKEN_PLACEHOLDER}` } } },
    };
  }
  return out;
}

/** The `config.toml` text (for `~/.codex/config.toml`, or the managed `/etc/codex/managed_config.toml`). */
export function codexConfigToml(policy: Policy, opts: { auditEndpoint?: string } = {}): string {
  const config = codexConfig(policy, opts);
  const head = [
    `# Codex configuration from the ${policy.organization} AI tool policy v${policy.version}.`,
    '# The sandbox keeps commands from writing outside the workspace and from the network; it does not stop reads,',
    '# so the policy hook (ai-policy hooks install --harness codex) judges what a command reads.',
  ];
  if (config.otel) head.push(`# Replace ${TOKEN_PLACEHOLDER} with the audit server's ingest token or the developer's enrolled token.`);
  return `${head.join('\n')}\n${smolToml().stringify(config)}\n`;
}
