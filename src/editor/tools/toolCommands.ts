// The tools view's actions: reveal in the Extensions view, open the policy section, copy or open the access request.
import vscode = require('vscode');
import type { InventoryItem, Services } from '../services';

/** The tool id a command was given: a string, or a tools view node (a tool or one of its detail rows). */
function toolIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.toLowerCase();
  if (!arg || typeof arg !== 'object' || !('tool' in arg)) return undefined;
  const tool = arg.tool;
  return tool && typeof tool === 'object' && 'id' in tool && typeof tool.id === 'string' ? tool.id : undefined;
}

/** The tool as the inventory has it now. */
function toolOf(arg: unknown, s: Services): InventoryItem | undefined {
  const id = toolIdOf(arg);
  return id === undefined ? undefined : s.inventory.items.find((t) => t.id === id);
}

/** The access request address: the tool's, else the policy contact. */
export function accessRequest(t: InventoryItem | undefined, s: Services): string | undefined {
  if (t?.requestAccess) return t.requestAccess;
  const contact = s.policy.current?.policy.contact;
  if (!contact) return undefined;
  return /^[^@\s]+@[^@\s]+$/.test(contact) ? `mailto:${contact}?subject=${encodeURIComponent(`AI tool access request: ${t?.name ?? ''}`)}` : contact;
}

export function registerToolCommands(s: Services): void {
  const reg = (id: string, fn: (arg: unknown) => unknown) => s.context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg('aiPolicy.showTools', () => vscode.commands.executeCommand('workbench.view.extension.aiPolicy'));
  reg('aiPolicy.refreshTools', () => s.inventory.refresh());
  reg('aiPolicy.revealExtension', async (arg) => {
    const t = toolOf(arg, s);
    if (!t || t.source !== 'extension') return;
    await vscode.commands.executeCommand('workbench.extensions.search', `@id:${t.id}`);
  });
  reg('aiPolicy.openToolPolicy', async (arg) => {
    const t = toolOf(arg, s);
    await vscode.commands.executeCommand('aiPolicy.showPolicy', t?.policyToolId ? `tool:${t.policyToolId}` : 'tools');
  });
  reg('aiPolicy.copyAccessRequest', async (arg) => {
    const t = toolOf(arg, s);
    const target = accessRequest(t, s);
    if (!target) return vscode.window.showInformationMessage(vscode.l10n.t('The policy names no access request address.'));
    await vscode.env.clipboard.writeText(target);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the access request address for {0}.', t?.name ?? ''), 3000);
  });
  reg('aiPolicy.openAccessRequest', async (arg) => {
    const t = toolOf(arg, s);
    const target = accessRequest(t, s);
    if (!target) return vscode.window.showInformationMessage(vscode.l10n.t('The policy names no access request address.'));
    await vscode.env.openExternal(vscode.Uri.parse(target));
  });
}
