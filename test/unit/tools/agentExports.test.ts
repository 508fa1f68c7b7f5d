// The agents' enforcement exports: Claude Code's Read denials, Bash sandbox and telemetry; Codex's config.toml;
// the editor's own chat and completions (vscode-settings). Each parsed back by its format's rules.
import * as assert from 'node:assert/strict';
import ignore from 'ignore';
import { parse as parseToml } from 'smol-toml';
import { completionsOn, editorContextSettings, editorExposure, implicitContextOff } from '../../../src/core/enforcement/editorContext';
import { HOOK_EVENTS } from '../../../src/core/hooks/harnesses';
import { claudePaths } from '../../../src/core/export/claudeSettings';
import { pathDenials } from '../../../src/core/export/pathDenials';
import { exportTarget } from '../../../src/core/export/targets';
import { otlpBaseUrl, TOKEN_PLACEHOLDER } from '../../../src/core/export/telemetry';
import { vscodePolicies } from '../../../src/core/export/vscodePolicy';
import type { Policy } from '../../../src/core/policy/types';
import { testPolicy } from './testPolicy';

/** Secrets by name: a static rule must refuse each. */
const SECRETS = ['.env', 'api/.env', '.env.production', 'web/.env.local', 'deploy/id_rsa', 'id_ed25519', '.aws/credentials', 'keys/server.pem', 'infra/terraform.tfstate', 'gcp-service-account.json', '.npmrc'];
/** Templates, public keys and test fixtures: a static rule must let each through (the hook judges data files by content). */
const ALLOWED = ['.env.example', 'config/.env.sample', '.env.template', 'example.env', 'deploy/id_rsa.pub', 'test/fixtures/users.db', 'data/app.sqlite', 'backup/site.bak', 'contacts/ann.vcf', 'test/fixtures/customers.csv', 'exports/report.json', 'src/index.ts'];

function withAudit(endpoint: string | undefined): Policy {
  const p = testPolicy();
  p.audit = endpoint ? { identity: 'git-email', endpoint } : { identity: 'git-email' };
  return p;
}

interface ManagedSettings {
  permissions: { deny: string[] };
  sandbox: { enabled: boolean; failIfUnavailable: boolean; allowUnsandboxedCommands: boolean; filesystem: { denyRead: string[] } };
  env?: Record<string, string>;
  hooks: Record<string, { hooks: { command: string }[] }[]>;
}

describe('tools: agent exports', () => {
  it('names files that are secrets by name, and no template, public key or data fixture (gitignore rules)', () => {
    const { workspace } = pathDenials(testPolicy());
    const ig = ignore().add(workspace);
    for (const f of SECRETS) assert.ok(ig.ignores(f), `${f} is refused by ${workspace.join(' ')}`);
    for (const f of ALLOWED) assert.ok(!ig.ignores(f), `${f} is let through`);
  });

  it('Claude paths: the same files in Claude Code rule syntax, plus credential files in the home folder', () => {
    const paths = claudePaths(testPolicy());
    const ig = ignore().add(paths.filter((p) => p.startsWith('./')).map((p) => p.slice(2)));
    for (const f of SECRETS) assert.ok(ig.ignores(f), f);
    for (const f of ALLOWED) assert.ok(!ig.ignores(f), f);
    for (const h of ['~/.aws/credentials', '~/.ssh/id_rsa', '~/.ssh/id_ed25519', '~/.netrc', '~/.git-credentials', '~/.docker/config.json', '~/.kube/config']) assert.ok(paths.includes(h), h);
    assert.ok(!paths.some((p) => p.startsWith('~/.ssh/') && p.endsWith('.pub')));
    assert.ok(!paths.includes('~/.env'), 'environment files are workspace files');
  });

  it('claude-managed-settings: Read denials, the Bash sandbox with the same paths, and the policy hook', () => {
    const v = JSON.parse(exportTarget('claude-managed-settings', withAudit(undefined))) as ManagedSettings;
    assert.deepEqual(v.sandbox, { enabled: true, failIfUnavailable: true, allowUnsandboxedCommands: false, filesystem: { denyRead: claudePaths(testPolicy()) } });
    assert.deepEqual(v.permissions.deny, v.sandbox.filesystem.denyRead.map((p) => `Read(${p})`));
    for (const ev of HOOK_EVENTS.claude) assert.equal(v.hooks[ev][0].hooks[0].command, 'ai-policy hook --harness claude');
    assert.equal(v.env, undefined, 'no audit endpoint: no telemetry, nothing leaves the machine');
  });

  it('claude-managed-settings: the env block points Claude Code telemetry at the audit server, prompts off', () => {
    const v = JSON.parse(exportTarget('claude-managed-settings', withAudit('https://audit.example.com/v1/events'))) as ManagedSettings;
    assert.deepEqual(v.env, {
      CLAUDE_CODE_ENABLE_TELEMETRY: '1',
      OTEL_METRICS_EXPORTER: 'otlp',
      OTEL_LOGS_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'https://audit.example.com',
      OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer ${TOKEN_PLACEHOLDER}`,
    });
    assert.ok(!('OTEL_LOG_USER_PROMPTS' in (v.env ?? {})));
    const over = JSON.parse(exportTarget('claude-managed-settings', withAudit(undefined), { auditEndpoint: 'http://127.0.0.1:8443/' })) as ManagedSettings;
    assert.equal(over.env?.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://127.0.0.1:8443');
  });

  it('OTLP base URL: the audit endpoint without its /v1/* path; only http(s)', () => {
    assert.equal(otlpBaseUrl(withAudit('https://audit.example.com/v1/events')), 'https://audit.example.com');
    assert.equal(otlpBaseUrl(withAudit('https://example.com/audit/v1/events?x=1')), 'https://example.com/audit');
    const otlpOnly = testPolicy();
    otlpOnly.audit = { identity: 'git-email', otlpEndpoint: 'https://otel.example.com/v1/logs' };
    assert.equal(otlpBaseUrl(otlpOnly), 'https://otel.example.com');
    assert.equal(otlpBaseUrl(withAudit(undefined)), undefined);
    assert.throws(() => otlpBaseUrl(withAudit(undefined), 'ftp://audit.example.com'), /not an http\(s\) URL/);
  });

  it('codex-config: a workspace-write sandbox without network, approval before commands, [otel] to the audit server', () => {
    const text = exportTarget('codex-config', withAudit('https://audit.example.com/v1/events'));
    assert.match(text, /^# Codex configuration from the Example Corp AI tool policy/);
    const c = JSON.parse(JSON.stringify(parseToml(text))) as Record<string, Record<string, unknown>>;
    assert.equal(c.sandbox_mode, 'workspace-write');
    assert.deepEqual(c.sandbox_workspace_write, { network_access: false });
    assert.equal(c.approval_policy, 'untrusted', 'the policy asks for confirmation before terminal commands');
    assert.deepEqual(c.otel, {
      log_user_prompt: false,
      exporter: { 'otlp-http': { endpoint: 'https://audit.example.com/v1/logs', protocol: 'json', headers: { Authorization: `Bearer ${TOKEN_PLACEHOLDER}` } } },
    });
    const plain = testPolicy();
    plain.mcp = { ...plain.mcp!, agents: { autonomousMode: 'allowed' } };
    const p = parseToml(exportTarget('codex-config', plain)) as Record<string, unknown>;
    assert.equal(p.approval_policy, undefined);
    assert.equal(p.otel, undefined);
  });

  it('vscode-settings: implicit chat context off, no Copilot completions in .env files, literal sandbox denyRead', () => {
    const s = JSON.parse(exportTarget('vscode-settings', testPolicy())) as Record<string, unknown>;
    assert.deepEqual(s['chat.implicitContext.enabled'], { panel: 'never' }, 'the built-in chat is cleared for code only');
    assert.deepEqual(s['github.copilot.enable'], { '*': true, plaintext: false, markdown: false, scminput: false, dotenv: false });
    const linux = s['chat.agent.sandbox.fileSystem.linux'] as { denyRead: string[] };
    assert.deepEqual(s['chat.agent.sandbox.fileSystem.mac'], linux);
    for (const p of ['.env', '.env.production', '~/.aws/credentials', '~/.ssh/id_rsa']) assert.ok(linux.denyRead.includes(p), p);
    for (const p of linux.denyRead) assert.doesNotMatch(p, /[*?[\]{}]/, 'the setting takes literal paths only');

    const trusting = testPolicy();
    for (const t of trusting.tools) t.dataClasses = ['code', 'internal', 'pii', 'customer-data', 'secret'];
    delete trusting.mcp;
    assert.deepEqual(editorContextSettings(trusting), {}, 'tools cleared for every class, no agent rules: nothing to set');
  });

  it('VS Code policies: the agent terminal sandbox on, without unsandboxed retries, when the policy governs agents', () => {
    const v = vscodePolicies(testPolicy());
    assert.equal(v.ChatAgentSandboxEnabled, 'on');
    assert.equal(v.ChatAgentSandboxAllowUnsandboxedCommands, false);
    const none = testPolicy();
    delete none.mcp;
    assert.equal(vscodePolicies(none).ChatAgentSandboxEnabled, undefined);
  });

  it('what the editor stops for one file, from the effective settings', () => {
    assert.ok(!implicitContextOff(undefined) && !implicitContextOff({ panel: 'always' }));
    assert.ok(implicitContextOff({ panel: 'never' }));
    assert.ok(!implicitContextOff({ panel: 'never', editor: 'first' }), 'another chat location still attaches it');
    assert.ok(completionsOn(undefined, 'dotenv') && !completionsOn(undefined, 'plaintext'));
    assert.ok(!completionsOn({ dotenv: false }, 'dotenv') && completionsOn({ dotenv: false }, 'typescript'));
    assert.ok(!completionsOn({ '*': false }, 'dotenv'));
    assert.deepEqual(editorExposure({ implicitContext: { panel: 'never' }, copilotEnable: { dotenv: false } }, 'dotenv'), { implicitContext: false, completions: false });
    assert.deepEqual(editorExposure({ implicitContext: undefined, copilotEnable: undefined }, 'dotenv'), { implicitContext: true, completions: true });
  });
});
