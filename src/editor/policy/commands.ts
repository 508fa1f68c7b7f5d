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
