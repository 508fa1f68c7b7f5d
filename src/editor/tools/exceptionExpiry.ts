// One warning per exception, 14 days before it ends: which tools it approves here and the day it stops. The
// warned exceptions are kept in globalState, so a restart does not repeat it; a renewal (new end date) is new.
import vscode = require('vscode');
import { Disposable } from '../lifecycle';
import type { InventoryItem, Services } from '../services';
import { approvalText, expiryWarningsDue, warningKey, type ExpiryWarning } from './exceptionText';

const WARNED_KEY = 'aiPolicy.exceptions.expiryWarned';
/** Keys kept: enough for every exception a developer could hold, without growing for ever. */
const KEEP = 200;

export class ExceptionExpiry extends Disposable {
  /** Shown in this window (globalState is written asynchronously; two inventories in a row must not both warn). */
  private readonly shown = new Set<string>();

  constructor(private readonly s: Services) {
    super();
    this._register(s.inventory.onDidChange((items) => this.check(items)));
  }

  /** The keys warned about (`id@until`), for tests. */
  get warned(): string[] {
    return this.s.context.globalState.get<string[]>(WARNED_KEY, []);
  }

  private check(items: readonly InventoryItem[]): void {
    const due = expiryWarningsDue(items, [...this.warned, ...this.shown], new Date());
    if (!due.length) return;
    due.forEach((w) => this.shown.add(warningKey(w.note)));
    const warned = [...new Set([...this.warned, ...due.map((w) => warningKey(w.note))])].slice(-KEEP);
    this.s.context.globalState.update(WARNED_KEY, warned).then(undefined, (e: unknown) => this.s.log.error('Exceptions: could not remember the expiry warnings shown', e));
    for (const w of due) void this.warn(w);
  }

  private async warn(w: ExpiryWarning): Promise<void> {
    this.s.log.info(`Exceptions: ${w.note.id} ends on ${w.note.until} (${w.daysLeft} days left)`);
    const msg = vscode.l10n.t(
      '{0}: {1}. After that day your organization\'s AI tool policy applies to it as without the exception ({2} days left); ask for a renewal before then if you still need it.',
      w.names.join(', '),
      approvalText(w.note, vscode.l10n.t),
      w.daysLeft,
    );
    const show = vscode.l10n.t('Show AI Tools');
    if ((await vscode.window.showWarningMessage(msg, show)) === show && !this.isDisposed) await vscode.commands.executeCommand('aiPolicy.showTools');
  }
}
