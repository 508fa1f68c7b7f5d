// Where the inventory's raw facts come from: installed extensions, chat settings, language models, mcp.json.
import vscode = require('vscode');
import { errorText } from '../../core/errorText';
import type { Policy } from '../../core/policy/types';
import { builtinTools } from '../../core/tools/builtin';
import { buildCatalog } from '../../core/tools/catalog';
import { classifyExtension } from '../../core/tools/classify';
import type { ConditionContext } from '../../core/tools/conditions';
import { toManifest } from '../../core/tools/manifest';
import { compareMcpServers, parseMcpConfig, type McpServerConfig } from '../../core/tools/mcp';
import { exceptionNotes } from '../../core/tools/exceptions';
import { policyStatus } from '../../core/tools/policyStatus';
import type { InventoryItem } from '../services';

type Status = InventoryItem['status'];
const asStatus = (s: Status | 'not-ai'): Status => (s === 'not-ai' ? 'unlisted' : s);

export function extensionItems(policy: Policy | undefined, ctx: ConditionContext, log: vscode.LogOutputChannel): InventoryItem[] {
  const catalog = buildCatalog(policy);
  const out: InventoryItem[] = [];
  for (const ext of vscode.extensions.all) {
    let c;
    try {
      // packageJSON has its %placeholders% already resolved by the editor.
      c = classifyExtension(toManifest(ext.packageJSON as Record<string, unknown>), policy, ctx, catalog);
    } catch (e) {
      log.debug(errorText(`Skipping ${ext.id}: its manifest could not be classified:`, e));
      continue;
    }
    if (!c.ai) continue;
    // VS Code's own extensions that add chat tools are part of its built-in chat (listed as vscode.chat).
    if (c.kind === 'ai-feature' && (ext.packageJSON as { isBuiltin?: boolean }).isBuiltin) continue;
    out.push({
      id: ext.id.toLowerCase(),
      name: c.tool?.name && c.name === c.id ? c.tool.name : c.name,
      version: c.version,
      kind: c.kind,
      status: asStatus(c.status),
      enabled: true,
      active: ext.isActive,
      dataClasses: c.dataClasses,
      owner: c.owner,
      policyToolId: c.tool?.id,
      reasons: c.reasons,
      conditions: c.conditions,
      requestAccess: c.requestAccess,
      source: 'extension',
      exceptions: exceptionNotes(c.exceptions),
    });
  }
  return out;
}

export function builtinItems(policy: Policy | undefined, ctx: ConditionContext): InventoryItem[] {
  const chat = vscode.workspace.getConfiguration('chat');
  const settings = { disableAIFeatures: chat.get<boolean>('disableAIFeatures'), agentEnabled: chat.get<boolean>('agent.enabled') };
  return builtinTools(settings, policy, ctx).map((t) => ({
    id: t.id,
    name: t.tool?.name && t.kind === 'chat' ? t.tool.name : t.name,
    version: vscode.version,
    kind: t.kind,
    status: asStatus(t.status),
    enabled: t.enabled,
    active: t.enabled,
    dataClasses: t.dataClasses,
    owner: t.owner,
    policyToolId: t.tool?.id,
    reasons: t.reasons,
    conditions: t.conditions,
    requestAccess: t.requestAccess,
    source: 'builtin',
    exceptions: exceptionNotes(t.exceptions),
  }));
}

export async function modelItems(policy: Policy | undefined, ctx: ConditionContext): Promise<InventoryItem[]> {
  if (!vscode.lm?.selectChatModels) return [];
  let models: readonly vscode.LanguageModelChat[];
  try {
    models = await vscode.lm.selectChatModels({});
  } catch {
    return [];
  }
  return models.map((m) => {
    const id = `lm:${m.vendor}/${m.id}`.toLowerCase();
    const st = policyStatus([id, `lm:${m.vendor}`.toLowerCase()], policy, ctx);
    return {
      id,
      name: m.name,
      version: m.version,
      kind: 'model',
      status: asStatus(st.status),
      enabled: true,
      active: false,
      dataClasses: st.dataClasses,
      owner: st.owner,
      policyToolId: st.tool?.id,
      reasons: [`language model from ${m.vendor}, available through vscode.lm`, ...st.reasons],
      conditions: st.conditions,
      requestAccess: st.requestAccess,
      source: 'model',
      exceptions: exceptionNotes(st.exceptions),
    };
  });
}

/** The mcp.json files to read: each workspace folder's `.vscode/mcp.json` (trusted only) and the user's. */
export function mcpConfigUris(context: vscode.ExtensionContext): { uri: vscode.Uri; scope: 'workspace' | 'user' }[] {
  const out: { uri: vscode.Uri; scope: 'workspace' | 'user' }[] = [];
  if (vscode.workspace.isTrusted) {
    for (const f of vscode.workspace.workspaceFolders ?? []) out.push({ uri: vscode.Uri.joinPath(f.uri, '.vscode', 'mcp.json'), scope: 'workspace' });
  }
  // globalStorageUri is <user>/globalStorage/<extension id>; the user's mcp.json sits in <user>.
  out.push({ uri: vscode.Uri.joinPath(context.globalStorageUri, '..', '..', 'mcp.json'), scope: 'user' });
  return out;
}

export async function mcpItems(context: vscode.ExtensionContext, policy: Policy | undefined, ctx: ConditionContext, log: vscode.LogOutputChannel): Promise<InventoryItem[]> {
  const servers: (McpServerConfig & { scope: string })[] = [];
  for (const { uri, scope } of mcpConfigUris(context)) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue;
    }
    try {
      servers.push(...parseMcpConfig(text).map((s) => ({ ...s, scope })));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      log.warn(`${scope} mcp.json is not valid JSON: ${uri.fsPath}${/^\d+:\d+: /.test(why) ? ':' : ': '}${why}`);
    }
  }
  return compareMcpServers(servers, policy, ctx).map((s, i) => ({
    id: `mcp:${s.name}`,
    name: `MCP: ${s.name}`,
    kind: 'mcp',
    status: s.status,
    enabled: true,
    active: false,
    dataClasses: s.dataClasses,
    owner: s.owner,
    reasons: [`configured in the ${servers[i].scope} mcp.json (${s.type})`, ...s.reasons],
    conditions: s.conditions,
    source: 'mcp',
    exceptions: exceptionNotes(s.exceptions),
  }));
}
