// Asks the developer to acknowledge a new policy version: non-modal, paced, and it stops once the
// version is acknowledged or its deadline has passed (the viewer and status bar still show it).
import vscode = require('vscode');
import { Disposable, toDisposable } from '../lifecycle';
import type { PolicyService } from '../services';

const HOUR = 3_600_000;
/** Normal pace: at most once a day. Near the deadline: every four hours. */
export function promptGapMs(daysLeft: number | undefined): number {
  return daysLeft !== undefined && daysLeft <= 2 ? 4 * HOUR : 24 * HOUR;
}

export class AckPrompter extends Disposable {
  constructor(
    private readonly store: PolicyService,
    private readonly log: vscode.LogOutputChannel,
    private readonly actions: { read(): void; acknowledge(): Promise<void> },
  ) {
    super();
    this._register(store.onDidChange(() => void this.check()));
    const timer = setInterval(() => void this.check(), HOUR / 2);
    this._register(toDisposable(() => clearInterval(timer)));
  }

  /** Shows the prompt when it is due. Returns whether it was shown. */
  async check(now = new Date()): Promise<boolean> {
    const loaded = this.store.current;
    const state = this.store.acknowledgementState(now);
    if (!loaded || !state?.required || state.acknowledged || state.overdue) return false;
    const key = `${loaded.policy.version}:${loaded.hash}`;
    const last = this.store.developer.prompt();
    if (last?.key === key && now.getTime() - Date.parse(last.lastShownAt) < promptGapMs(state.daysLeft)) return false;
    await this.store.developer.notePrompt(key, now);
    if (this.isDisposed) return false;
    const read = vscode.l10n.t('Read');
    const acknowledge = vscode.l10n.t('Acknowledge');
    const later = vscode.l10n.t('Later');
    const due = state.dueAt ? new Date(state.dueAt).toLocaleDateString(vscode.env.language) : '';
    const message = vscode.l10n.t('{0} published AI tool policy version {1}. Please read and acknowledge it by {2}.', loaded.policy.organization, loaded.policy.version, due);
    this.log.info(`Asked to acknowledge policy version ${loaded.policy.version} (due ${state.dueAt ?? 'n/a'}).`);
    void vscode.window.showInformationMessage(message, read, acknowledge, later).then(async (choice) => {
      const stale = this.store.current?.hash !== loaded.hash;
      // An answer to an older version's prompt never acknowledges a newer one unseen.
      if (choice === read || (choice === acknowledge && stale)) this.actions.read();
      else if (choice === acknowledge) await this.actions.acknowledge();
      // Later or dismissed: the pacing above brings it back.
    });
    return true;
  }
}
