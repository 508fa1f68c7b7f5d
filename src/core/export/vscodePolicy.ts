// VS Code's own enterprise policies derived from the policy, and the three files that deliver them: the
// Linux policy file (/etc/vscode/policy.json), a macOS configuration profile and a Windows .reg file.
// Only policy names VS Code itself registers are used (see docs/enforcement.md for each one's minimum version).
import { sha256 } from '../sha256';
import type { McpServerPolicy, Policy } from '../policy/types';
import { vscodeAllowedExtensions } from './enforcement';

export type VscodePolicyValue = boolean | string | Record<string, unknown> | unknown[];

/** The VS Code policy names this export writes, each with the setting it controls. */
export const VSCODE_POLICY_NAMES = {
  AllowedExtensions: 'extensions.allowed',
  ChatMCP: 'chat.mcp.access',
  ChatAllowedMcpServers: 'chat.mcp.allowedServers',
  ChatDeniedMcpServers: 'chat.mcp.deniedServers',
  ChatAgentMode: 'chat.agent.enabled',
  ChatToolsAutoApprove: 'chat.tools.global.autoApprove',
  ChatToolsTerminalEnableAutoApprove: 'chat.tools.terminal.enableAutoApprove',
  ChatHooks: 'chat.useHooks',
  ChatAgentSandboxEnabled: 'chat.agent.sandbox.enabled',
  ChatAgentSandboxAllowUnsandboxedCommands: 'chat.agent.sandbox.allowUnsandboxedCommands',
} as const;

export type VscodePolicyName = keyof typeof VSCODE_POLICY_NAMES;

function serverMatch(s: McpServerPolicy): Record<string, string> {
  return s.url ? { serverUrl: s.url } : { serverName: s.name };
}

/** Whether the policy wants a human to confirm an action (`terminal`, `file-write`, …) or any action at all. */
export function confirmationRequired(policy: Policy, action?: string): boolean {
  const agents = policy.mcp?.agents;
  if (!agents) return false;
  const list = agents.requireConfirmation ?? [];
  if (action) return list.includes(action);
  return list.length > 0 || agents.autonomousMode === 'restricted';
}

/**
 * The policy values, by VS Code policy name. A name is left out when the policy says nothing that maps onto it,
 * so VS Code's default (or the user's setting) stays in force there.
 */
export function vscodePolicies(policy: Policy, opts: { blockUnlisted?: boolean } = {}): Partial<Record<VscodePolicyName, VscodePolicyValue>> {
  const out: Partial<Record<VscodePolicyName, VscodePolicyValue>> = {};
  if (policy.tools?.length) out.AllowedExtensions = vscodeAllowedExtensions(policy, opts);
  const mcp = policy.mcp;
  if (mcp) {
    const usable = mcp.servers.filter((s) => s.status !== 'prohibited');
    const denied = mcp.servers.filter((s) => s.status === 'prohibited');
    if (mcp.unlisted === 'prohibited') {
      out.ChatMCP = usable.length ? 'all' : 'none';
      if (usable.length) out.ChatAllowedMcpServers = usable.map(serverMatch);
    }
    if (denied.length) out.ChatDeniedMcpServers = denied.map(serverMatch);
    const agents = mcp.agents;
    if (agents) {
      out.ChatAgentMode = agents.autonomousMode !== 'prohibited';
      if (confirmationRequired(policy)) out.ChatToolsAutoApprove = false;
      if (confirmationRequired(policy, 'terminal')) out.ChatToolsTerminalEnableAutoApprove = false;
      // The agent's terminal runs in VS Code's OS sandbox, with no retry outside it (denyRead: vscode-settings).
      out.ChatAgentSandboxEnabled = 'on';
      out.ChatAgentSandboxAllowUnsandboxedCommands = false;
    }
  }
  out.ChatHooks = true;
  return out;
}

/** `/etc/vscode/policy.json`: a flat object; object and array values are JSON-encoded strings. */
export function vscodePolicyJson(policy: Policy, opts: { blockUnlisted?: boolean } = {}): string {
  const flat: Record<string, boolean | string> = {};
  for (const [k, v] of Object.entries(vscodePolicies(policy, opts))) flat[k] = typeof v === 'object' ? JSON.stringify(v) : v;
  return JSON.stringify(flat, null, 2) + '\n';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A stable UUID (RFC 4122 layout) from a name, so re-exporting the same policy replaces the same profile. */
function nameUuid(name: string): string {
  const h = sha256(name);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/** A macOS configuration profile (.mobileconfig) with a `com.microsoft.VSCode` payload. */
export function vscodeMobileconfig(policy: Policy, opts: { blockUnlisted?: boolean } = {}): string {
  const entries = Object.entries(vscodePolicies(policy, opts))
    .map(([k, v]) => `\t\t\t<key>${xml(k)}</key>\n\t\t\t${typeof v === 'boolean' ? (v ? '<true/>' : '<false/>') : `<string>${xml(typeof v === 'object' ? JSON.stringify(v) : v)}</string>`}`)
    .join('\n');
  const org = xml(policy.organization);
  const id = `com.microsoft.VSCode.aitoolpolicy`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadDisplayName</key>
			<string>VS Code AI tool policy</string>
			<key>PayloadIdentifier</key>
			<string>${id}.settings</string>
			<key>PayloadType</key>
			<string>com.microsoft.VSCode</string>
			<key>PayloadUUID</key>
			<string>${nameUuid(`${policy.organization}/vscode/settings`)}</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
${entries}
		</dict>
	</array>
	<key>PayloadDescription</key>
	<string>VS Code enterprise policies from the ${org} AI tool policy v${xml(String(policy.version))}</string>
	<key>PayloadDisplayName</key>
	<string>${org}: VS Code AI tool policy</string>
	<key>PayloadIdentifier</key>
	<string>${id}</string>
	<key>PayloadOrganization</key>
	<string>${org}</string>
	<key>PayloadScope</key>
	<string>System</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>${nameUuid(`${policy.organization}/vscode`)}</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;
}

/** The registry key VS Code reads its policies from on Windows. */
export const VSCODE_REG_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\VSCode';

const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A Windows `.reg` file: booleans as REG_DWORD 0/1, strings (and JSON-encoded objects) as REG_SZ. */
export function vscodeReg(policy: Policy, opts: { blockUnlisted?: boolean } = {}): string {
  const lines = ['Windows Registry Editor Version 5.00', '', `[${VSCODE_REG_KEY}]`];
  for (const [k, v] of Object.entries(vscodePolicies(policy, opts))) {
    lines.push(typeof v === 'boolean' ? `${regString(k)}=dword:0000000${v ? 1 : 0}` : `${regString(k)}=${regString(typeof v === 'object' ? JSON.stringify(v) : v)}`);
  }
  return lines.join('\r\n') + '\r\n';
}
