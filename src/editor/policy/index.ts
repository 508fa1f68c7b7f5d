// Wires the policy feature: viewer, acknowledgement prompt and commands.
import vscode = require('vscode');
import type { Services } from '../services';
import { AckPrompter } from './ackPrompt';
import { acknowledgeCommand, completeTrainingCommand } from './commands';
import { PolicyDiagnostics } from './policyDiagnostics';
import { PolicyViewer } from './viewerPanel';

export function registerPolicy(s: Services): void {
  const store = s.policy;
  const acknowledge = () => acknowledgeCommand(store);
  const completeTraining = (id?: string) => completeTrainingCommand(store, id);
  const viewer = new PolicyViewer(s.context.extensionUri, store, { acknowledge, completeTraining });
  const prompter = new AckPrompter(store, s.log, { read: () => viewer.show(), acknowledge });
  s.context.subscriptions.push(
    viewer,
    prompter,
    new PolicyDiagnostics(),
    vscode.commands.registerCommand('aiPolicy.showPolicy', (target?: unknown) => viewer.show(target)),
    vscode.commands.registerCommand('aiPolicy.acknowledge', acknowledge),
    vscode.commands.registerCommand('aiPolicy.refreshPolicy', async () => {
      await store.refresh();
      const l = store.current;
      const first = store.problems.find((p) => p.severity === 'error');
      if (first) {
        if (!store.failureRepeated) return; // just reported, with its actions
        // Asked for explicitly: say it again even though this failure was reported before.
        const where = first.line ? ` (${first.line}:${first.col ?? 1})` : '';
        void vscode.window.showWarningMessage(vscode.l10n.t('The AI tool policy could not be updated{0}: {1}', where, first.message));
        return;
      }
      void vscode.window.setStatusBarMessage(l ? vscode.l10n.t('AI tool policy version {0} is current.', l.policy.version) : vscode.l10n.t('No AI tool policy configured.'), 4000);
    }),
    vscode.commands.registerCommand('aiPolicy.completeTraining', (id?: unknown) => completeTraining(typeof id === 'string' ? id : undefined)),
    // In a remote window the machine-scoped settings (policy source, key, endpoints) are on the Remote tab only.
    vscode.commands.registerCommand('aiPolicy.openPolicySettings', () =>
      vscode.env.remoteName
        ? vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query: `@ext:${s.context.extension.id}` })
        : vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${s.context.extension.id}`),
    ),
  );
}
