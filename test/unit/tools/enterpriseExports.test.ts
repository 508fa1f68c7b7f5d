// VS Code enterprise policy files and agents' hook configurations, parsed back by each format's rules.
import * as assert from 'node:assert/strict';
import plist from 'plist';
import { isPolicyHookCommand, HOOK_EVENTS } from '../../../src/core/hooks/harnesses';
import { EXPORT_TARGETS, exportTarget } from '../../../src/core/export/targets';
import { VSCODE_POLICY_NAMES, vscodePolicies } from '../../../src/core/export/vscodePolicy';
import { testPolicy } from './testPolicy';

/** The values of a Windows .reg file under one key: name → string | number (dword). */
function parseReg(text: string): { header: string; key: string; values: Record<string, string | number> } {
  assert.ok(!/[^\r]\n/.test(text), '.reg lines end with CRLF');
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '', 'ends with a line break');
  const [header, blank, keyLine, ...rest] = lines;
  assert.equal(blank, '');
  const key = /^\[(.+)\]$/.exec(keyLine)?.[1];
  assert.ok(key, `key line: ${keyLine}`);
  const values: Record<string, string | number> = {};
  for (const line of rest.filter(Boolean)) {
    const m = /^"((?:[^"\\]|\\.)*)"=(?:dword:([0-9a-f]{8})|"((?:[^"\\]|\\.)*)")$/.exec(line);
    assert.ok(m, `a value line: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    values[unescape(m[1])] = m[2] !== undefined ? parseInt(m[2], 16) : unescape(m[3]);
  }
  return { header, key, values };
}

describe('tools: enterprise exports', () => {
  const policy = testPolicy();

  it('offers the VS Code policy and agent hook targets', () => {
    for (const t of ['vscode-policy-json', 'vscode-mobileconfig', 'vscode-reg', 'claude-managed-settings', 'copilot-hooks', 'cursor-hooks']) assert.ok(EXPORT_TARGETS.includes(t), t);
  });

  it('maps the policy onto VS Code policy names only', () => {
    const v = vscodePolicies(policy);
    for (const k of Object.keys(v)) assert.ok(k in VSCODE_POLICY_NAMES, k);
    assert.equal(v.ChatAgentMode, true, 'restricted autonomous mode keeps agent mode on');
    assert.equal(v.ChatToolsAutoApprove, false, 'confirmation is required');
    assert.equal(v.ChatToolsTerminalEnableAutoApprove, false, 'terminal confirmation is required');
    assert.equal(v.ChatHooks, true);
    assert.deepEqual(v.ChatDeniedMcpServers, [{ serverName: 'shell' }]);
    assert.equal(v.ChatMCP, undefined, 'unlisted servers only warn: MCP access stays as it is');
    assert.equal(v.ChatAllowedMcpServers, undefined);

    const strict = testPolicy();
    strict.mcp = { ...strict.mcp!, unlisted: 'prohibited', agents: { autonomousMode: 'prohibited' } };
    const s = vscodePolicies(strict);
    assert.equal(s.ChatMCP, 'all');
    assert.deepEqual(s.ChatAllowedMcpServers, [{ serverUrl: 'https://api.githubcopilot.com/mcp/' }, ...(strict.mcp.servers.filter((x) => x.status !== 'prohibited' && !x.url).map((x) => ({ serverName: x.name })))]);
    assert.equal(s.ChatAgentMode, false);
    assert.equal(s.ChatToolsAutoApprove, undefined, 'no confirmation required: left to VS Code');

    const none = testPolicy();
    none.mcp = { servers: none.mcp!.servers.filter((x) => x.status === 'prohibited'), unlisted: 'prohibited' };
    assert.equal(vscodePolicies(none).ChatMCP, 'none');
  });

  it('vscode-policy-json: a flat object; object values are JSON-encoded strings', () => {
    const v = JSON.parse(exportTarget('vscode-policy-json', policy)) as Record<string, unknown>;
    for (const [k, val] of Object.entries(v)) assert.ok(typeof val === 'string' || typeof val === 'boolean', `${k} is flat`);
    const allowed = JSON.parse(v.AllowedExtensions as string) as Record<string, unknown>;
    assert.equal(allowed['*'], true);
    assert.equal(allowed['codeium.codeium'], false);
    assert.deepEqual(JSON.parse(v.ChatDeniedMcpServers as string), [{ serverName: 'shell' }]);
    assert.equal(v.ChatToolsAutoApprove, false);
  });

  it('vscode-mobileconfig: a plist configuration profile with a com.microsoft.VSCode payload', () => {
    const text = exportTarget('vscode-mobileconfig', policy);
    const profile = plist.parse(text) as Record<string, unknown>;
    assert.equal(profile.PayloadType, 'Configuration');
    assert.match(String(profile.PayloadUUID), /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    const [payload] = profile.PayloadContent as Record<string, unknown>[];
    assert.equal(payload.PayloadType, 'com.microsoft.VSCode');
    assert.notEqual(payload.PayloadUUID, profile.PayloadUUID);
    assert.equal(payload.ChatToolsAutoApprove, false);
    assert.equal(payload.ChatHooks, true);
    assert.equal((JSON.parse(payload.AllowedExtensions as string) as Record<string, unknown>)['codeium.codeium'], false);
    assert.equal(exportTarget('vscode-mobileconfig', policy), text, 'the same policy gives the same profile (stable UUIDs)');
    const odd = testPolicy();
    odd.organization = 'R&D <Labs>';
    assert.equal((plist.parse(exportTarget('vscode-mobileconfig', odd)) as Record<string, unknown>).PayloadOrganization, 'R&D <Labs>');
  });

  it('vscode-reg: HKLM\\SOFTWARE\\Policies\\Microsoft\\VSCode, booleans as dwords, objects as JSON strings', () => {
    const reg = parseReg(exportTarget('vscode-reg', policy));
    assert.equal(reg.header, 'Windows Registry Editor Version 5.00');
    assert.equal(reg.key, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\VSCode');
    assert.equal(reg.values.ChatToolsAutoApprove, 0);
    assert.equal(reg.values.ChatHooks, 1);
    assert.equal((JSON.parse(reg.values.AllowedExtensions as string) as Record<string, unknown>)['codeium.codeium'], false);
    assert.deepEqual(JSON.parse(reg.values.ChatDeniedMcpServers as string), [{ serverName: 'shell' }]);
  });

  it('claude-managed-settings: permissions.deny and the policy hook on every event', () => {
    const v = JSON.parse(exportTarget('claude-managed-settings', policy)) as { permissions: { deny: string[] }; hooks: Record<string, { hooks: { command: string }[] }[]> };
    assert.ok(v.permissions.deny.includes('Read(./.env)'), v.permissions.deny.join(' '));
    for (const ev of HOOK_EVENTS.claude) assert.equal(v.hooks[ev][0].hooks[0].command, 'ai-policy hook --harness claude');
  });

  it('copilot-hooks and cursor-hooks: version 1 files whose commands are the policy hook', () => {
    const c = JSON.parse(exportTarget('copilot-hooks', policy)) as { version: number; hooks: Record<string, { bash: string; powershell: string }[]> };
    assert.equal(c.version, 1);
    for (const ev of HOOK_EVENTS.copilot) assert.ok(isPolicyHookCommand(c.hooks[ev][0].bash), ev);
    const cur = JSON.parse(exportTarget('cursor-hooks', policy, { runtime: '/opt/code/code', hookScript: '/opt/ai policy/hook.js', electron: true })) as { version: number; hooks: Record<string, { command: string }[]> };
    assert.equal(cur.version, 1);
    for (const ev of HOOK_EVENTS.cursor) assert.equal(cur.hooks[ev][0].command, "ELECTRON_RUN_AS_NODE=1 /opt/code/code '/opt/ai policy/hook.js' --harness cursor");
  });
});
