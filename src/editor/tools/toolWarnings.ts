// One non-modal warning per editor session for each prohibited or unlisted tool, with what to do.
import vscode = require('vscode');
import { Disposable } from '../lifecycle';
import type { InventoryItem, Services } from '../services';
import { accessRequest } from './toolCommands';

export class ToolWarnings extends Disposable {
  private readonly warned = new Set<string>();

  constructor(private readonly s: Services) {
    super();
    this._register(s.inventory.onDidChange((items) => this.check(items)));
  }

  /** Ids warned about in this session (for tests). */
  get warnedIds(): string[] {
    return [...this.warned];
  }

  private check(items: readonly InventoryItem[]): void {
    if (!this.s.policy.current) return;
    const fresh = items.filter(
      (t) => t.enabled && (t.status === 'prohibited' || (t.status === 'unlisted' && t.kind !== 'ai-feature')) && !this.warned.has(t.id),
    );
    if (!fresh.length) return;
    fresh.forEach((t) => this.warned.add(t.id));
    // Several at once (the first inventory of a session) become one message, not a pile of toasts.
    if (fresh.length > 2) return void this.summary(fresh);
    for (const t of fresh) void this.one(t);
  }

  private async one(t: InventoryItem): Promise<void> {
    const owner = t.owner ? vscode.l10n.t(' Owner: {0}.', t.owner) : '';
    const msg =
      t.status === 'prohibited'
        ? vscode.l10n.t('{0} is prohibited by your organization\'s AI tool policy. Disable or uninstall it; do not use it for company work.{1}', t.name, owner)
        : vscode.l10n.t('{0} is an AI tool that your organization\'s policy does not list. Request access before using it for company work.', t.name);
    const actions = [vscode.l10n.t('Request Access'), vscode.l10n.t('Show AI Tools')];
    if (t.source === 'extension') actions.push(vscode.l10n.t('Show Extension'));
    const pick = await vscode.window.showWarningMessage(msg, ...actions);
    if (this.isDisposed) return;
    if (pick === actions[0]) {
      const target = accessRequest(t, this.s);
      if (target) await vscode.env.openExternal(vscode.Uri.parse(target));
    } else if (pick === actions[1]) await vscode.commands.executeCommand('aiPolicy.showTools');
    else if (pick && pick === actions[2]) await vscode.commands.executeCommand('workbench.extensions.search', `@id:${t.id}`);
  }

  private async summary(tools: InventoryItem[]): Promise<void> {
    const prohibited = tools.filter((t) => t.status === 'prohibited').length;
    const msg = vscode.l10n.t(
      '{0} AI tools are not approved by your organization\'s policy ({1} prohibited): {2}. Open the AI tools view to see what to do.',
      tools.length,
      prohibited,
      tools.map((t) => t.name).join(', '),
    );
    const show = vscode.l10n.t('Show AI Tools');
    if ((await vscode.window.showWarningMessage(msg, show)) === show && !this.isDisposed) await vscode.commands.executeCommand('aiPolicy.showTools');
  }
}
