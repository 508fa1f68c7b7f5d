// Adds the policy's disclosure trailer (e.g. `Assisted-by: GitHub Copilot`) to the Git commit message box.
import vscode = require('vscode');
import { Disposable } from '../lifecycle';
import type { InventoryItem, Services } from '../services';
import { gitApi, gitInitialized, type GitRepository } from './git';
import { trailerValue, withTrailer } from './trailer';

/** Approved AI tools that have been active at some point in this editor session. */
export class SessionTools extends Disposable {
  private readonly seen = new Map<string, InventoryItem>();
  constructor(private readonly s: Services) {
    super();
    this._register(s.inventory.onDidChange(() => this.note()));
    this.note();
  }
  private note(): void {
    for (const t of this.s.inventory.activeTools()) if (t.status === 'approved' && t.source !== 'mcp') this.seen.set(t.id, t);
  }
  /** Display names, one per policy entry (Copilot and Copilot Chat are one tool). */
  names(): string[] {
    this.note();
    const policy = this.s.policy.current?.policy;
    const byEntry = new Map<string, string>();
    for (const t of this.seen.values()) {
      const entry = policy?.tools.find((p) => p.id === t.policyToolId);
      byEntry.set(entry?.id ?? t.id, entry?.name ?? t.name);
    }
    return [...byEntry.values()].sort();
  }
  ids(): string[] {
    return [...this.seen.keys()].sort();
  }
}

async function pickRepository(arg: unknown): Promise<GitRepository | undefined> {
  const api = await gitApi(true);
  if (api) await gitInitialized(api);
  const repos = api?.repositories ?? [];
  const root = (arg as { rootUri?: vscode.Uri } | undefined)?.rootUri;
  if (root) {
    const match = repos.find((r) => r.rootUri.toString() === root.toString());
    if (match) return match;
  }
  if (repos.length <= 1) return repos[0];
  const pick = await vscode.window.showQuickPick(
    repos.map((r) => ({ label: vscode.workspace.asRelativePath(r.rootUri, true), repo: r })),
    { placeHolder: vscode.l10n.t('Repository to add the AI disclosure to') },
  );
  return pick?.repo;
}

/** Why there is no repository to add the trailer to, in the words that fit this window. */
async function noRepositoryMessage(): Promise<string> {
  if (!vscode.workspace.isTrusted) return vscode.l10n.t('No Git repository is available: Git is off in Restricted Mode. Trust this folder to add the AI disclosure.');
  if (!(await gitApi(true))) return vscode.l10n.t('No Git repository is available: the built-in Git extension is disabled.');
  return vscode.l10n.t('No Git repository is open in this workspace, so there is no commit message to add the AI disclosure to. Initialize a repository (Source Control: Initialize Repository) or open one.');
}

export function registerDisclosure(s: Services, session: SessionTools): void {
  s.context.subscriptions.push(
    vscode.commands.registerCommand('aiPolicy.addDisclosure', async (arg?: unknown) => {
      const d = s.policy.current?.policy.disclosure;
      if (!d?.trailer) return void vscode.window.showInformationMessage(vscode.l10n.t('The AI tool policy asks for no commit disclosure.'));
      const repo = await pickRepository(arg);
      if (!repo) {
        const message = await noRepositoryMessage();
        void vscode.window.showWarningMessage(message);
        return message;
      }
      const names = session.names();
      if (!names.length) return void vscode.window.showInformationMessage(vscode.l10n.t('No approved AI tool has been active in this session; there is nothing to disclose.'));
      const before = repo.inputBox.value;
      const after = withTrailer(before, d.trailer, trailerValue(d, names));
      if (after === before) return;
      repo.inputBox.value = after;
      s.audit.record('disclosure.added', { trailer: d.trailer, tools: session.ids() });
    }),
  );
}
