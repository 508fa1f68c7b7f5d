// The tools view's actions: reveal in the Extensions view, open the policy section, copy or open the access request.
import vscode = require('vscode');
import type { Services } from '../services';
import type { ToolItem } from './toolItem';
import type { ToolsNode } from './toolsView';

function toolOf(arg: unknown, s: Services): ToolItem | undefined {
  const node = arg as ToolsNode | undefined;
  if (node && typeof node === 'object' && 'tool' in node) return node.tool;
  if (typeof arg === 'string') return (s.inventory.items as readonly ToolItem[]).find((t) => t.id === arg.toLowerCase());
  return undefined;
}

/** The access request address: the tool's, else the policy contact. */
export function accessRequest(t: ToolItem | undefined, s: Services): string | undefined {
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
