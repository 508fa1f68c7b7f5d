// The agents feature: the command that installs the policy hook into AI agents.
import vscode = require('vscode');
import type { Services } from '../services';

export function registerAgents(s: Services): void {
  s.context.subscriptions.push(
    vscode.commands.registerCommand('aiPolicy.installAgentHooks', async () => {
      const user = vscode.l10n.t('For my user (every project)');
      const project = vscode.l10n.t('For this project only');
      const choices = vscode.workspace.isTrusted && vscode.workspace.workspaceFolders?.length ? [user, project] : [user];
      const pick = choices.length === 1 ? user : await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Install the policy hook into AI agents') });
      if (!pick) return;
      await s.agents.install(pick === project ? 'project' : 'user');
    }),
  );
}
