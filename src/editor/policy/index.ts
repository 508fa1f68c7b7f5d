// Wires the policy feature: viewer, acknowledgement prompt and commands.
import vscode = require('vscode');
import { MANAGED_LABELS } from '../managedLabels';
import type { Services } from '../services';
import { AckPrompter } from './ackPrompt';
import { acknowledgeCommand, completeTrainingCommand, refreshCommand } from './commands';
import { noticeManagedOverrides } from './managedNotice';
import { PolicyDiagnostics } from './policyDiagnostics';
import { PolicyViewer } from './viewerPanel';

export function registerPolicy(s: Services): void {
  const store = s.policy;
  const acknowledge = () => acknowledgeCommand(store);
  const completeTraining = (id?: string) => completeTrainingCommand(store, id);
  const machine = {
    state: () => ({ managed: s.config.managed.keys.map((k) => MANAGED_LABELS[k]()), drift: s.enforcement.drift.map((d) => ({ ...d })) }),
    events: [s.enforcement.onDidChange, s.config.onDidChange],
  };
  const viewer = new PolicyViewer(s.context.extensionUri, store, { acknowledge, completeTraining }, machine);
  noticeManagedOverrides(s);
  const prompter = new AckPrompter(store, s.log, { read: () => viewer.show(), acknowledge });
  s.context.subscriptions.push(
    viewer,
    viewer.registerSerializer(),
    prompter,
    new PolicyDiagnostics(),
    vscode.commands.registerCommand('aiPolicy.showPolicy', (target?: unknown) => viewer.show(target)),
    vscode.commands.registerCommand('aiPolicy.acknowledge', acknowledge),
    vscode.commands.registerCommand('aiPolicy.refreshPolicy', () => refreshCommand(store)),
    vscode.commands.registerCommand('aiPolicy.completeTraining', (id?: unknown) => completeTraining(typeof id === 'string' ? id : undefined)),
    // In a remote window the machine-scoped settings (policy source, key, endpoints) are on the Remote tab only.
    vscode.commands.registerCommand('aiPolicy.openPolicySettings', () =>
      vscode.env.remoteName
        ? vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query: `@ext:${s.context.extension.id}` })
        : vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${s.context.extension.id}`),
    ),
  );
}
