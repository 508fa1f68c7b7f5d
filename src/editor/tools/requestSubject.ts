// What a "Request an exception" command was invoked for: a tools view node, a tool id, or the exposure
// warning's `{ toolId, dataClass }`; and the repository name (owner/name) of the workspace's remote.
import type { RequestedThing } from '../../core/policy/exceptionRequest';
import { normalizeRemote } from '../../core/tools/conditions';
import type { InventoryItem } from '../services';

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj | undefined => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x ? x : undefined);

/** The inventory item as the request names it: an MCP server by name, a listed tool by its policy id. */
function fromItem(t: InventoryItem, dataClass?: string): RequestedThing {
  if (t.source === 'mcp' || t.id.startsWith('mcp:')) return { mcpServer: t.id.replace(/^mcp:/, ''), ...(dataClass ? { dataClass } : {}) };
  return { tool: t.policyToolId ?? t.id, toolName: t.name, ...(dataClass ? { dataClass } : {}) };
}

export function thingOf(arg: unknown, items: readonly InventoryItem[]): RequestedThing | undefined {
  const find = (id: string): InventoryItem | undefined => items.find((t) => t.id === id.toLowerCase() || t.id === id);
  if (typeof arg === 'string') {
    const t = find(arg);
    return t ? fromItem(t) : arg.startsWith('mcp:') ? { mcpServer: arg.slice(4) } : { tool: arg };
  }
  const o = obj(arg);
  if (!o) return undefined;
  const node = obj(o.tool);
  const dataClass = str(o.dataClass);
  if (node && typeof node.id === 'string') return fromItem(find(node.id) ?? (node as unknown as InventoryItem), dataClass);
  const toolId = str(o.toolId);
  if (toolId) {
    const t = find(toolId);
    return t ? fromItem(t, dataClass) : toolId.startsWith('mcp:') ? { mcpServer: toolId.slice(4), ...(dataClass ? { dataClass } : {}) } : { tool: toolId, ...(dataClass ? { dataClass } : {}) };
  }
  const mcpServer = str(o.mcpServer);
  return mcpServer ? { mcpServer, ...(dataClass ? { dataClass } : {}) } : undefined;
}

/** `git@github.com:acme/payments.git` → `acme/payments` (the first remote's last two path parts). */
export function repositoryName(remotes: readonly string[]): string | undefined {
  const parts = remotes.length ? normalizeRemote(remotes[0]).split('/').filter(Boolean) : [];
  return parts.length >= 3 ? parts.slice(-2).join('/') : undefined;
}
