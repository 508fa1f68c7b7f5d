// The policy commands: acknowledge and complete training (the others are one-liners in index.ts).
import vscode = require('vscode');
import type { PolicyService } from '../services';
import { safeHref } from './markdown';

export async function acknowledgeCommand(store: PolicyService): Promise<void> {
  const loaded = store.current;
  if (!loaded) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No AI tool policy is in force yet.'));
    return;
  }
  if (store.isAcknowledged()) {
    void vscode.window.showInformationMessage(vscode.l10n.t('You have already acknowledged version {0} of the AI tool policy.', loaded.policy.version));
    return;
  }
  await store.acknowledge();
  void vscode.window.showInformationMessage(vscode.l10n.t('Thank you: version {0} of the AI tool policy is acknowledged.', loaded.policy.version));
}

/**
 * Check for Policy Updates: always answers, also when nothing changed. Returns the message it showed
 * (undefined when a failure was just reported with its own actions).
 */
export async function refreshCommand(store: PolicyService): Promise<string | undefined> {
  const before = store.current?.hash;
  await store.refresh();
  const l = store.current;
  const first = store.problems.find((p) => p.severity === 'error');
  if (first) {
    if (!store.failureRepeated) return undefined; // just reported, with its actions
    // Asked for explicitly: say it again even though this failure was reported before.
    const where = first.line ? ` (${first.line}:${first.col ?? 1})` : '';
    const message = vscode.l10n.t('The AI tool policy could not be updated{0}: {1}', where, first.message);
    void vscode.window.showWarningMessage(message);
    return message;
  }
  if (!l) {
    const message = vscode.l10n.t('No AI tool policy source is set: nothing to check.');
    const open = vscode.l10n.t('Open Policy Settings');
    void vscode.window.showInformationMessage(message, open).then((c) => c === open && vscode.commands.executeCommand('aiPolicy.openPolicySettings'));
    return message;
  }
  const message =
    l.hash === before
      ? vscode.l10n.t('You have the latest AI tool policy, version {0}, checked just now.', l.policy.version)
      : vscode.l10n.t('The AI tool policy is now version {0}.', l.policy.version);
  void vscode.window.showInformationMessage(message);
  return message;
}

export async function completeTrainingCommand(store: PolicyService, id?: string): Promise<void> {
  const open = store.trainingStates().filter((t) => t.state !== 'complete');
  if (!open.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No training is due.'));
    return;
  }
  let chosen = typeof id === 'string' ? open.find((t) => t.training.id === id) : undefined;
  if (!chosen) {
    const pick = await vscode.window.showQuickPick(
      open.map((t) => ({
        label: t.training.title,
        description: t.state === 'overdue' ? vscode.l10n.t('overdue since {0}', t.dueDate ?? '') : vscode.l10n.t('due by {0}', t.dueDate ?? ''),
        detail: t.training.basis,
        state: t,
      })),
      { title: vscode.l10n.t('Complete a required training'), placeHolder: vscode.l10n.t('Choose the training to open') },
    );
    chosen = pick?.state;
  }
  if (!chosen) return;
  const href = safeHref(chosen.training.url);
  if (href) await vscode.env.openExternal(vscode.Uri.parse(href, true));
  const done = vscode.l10n.t('I have completed it');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('When you have completed "{0}", confirm it here. Your confirmation is recorded for the audit trail.', chosen.training.title),
    done,
  );
  if (answer !== done) return;
  await store.completeTraining(chosen.training.id);
  void vscode.window.showInformationMessage(vscode.l10n.t('Recorded: "{0}" completed.', chosen.training.title));
}
