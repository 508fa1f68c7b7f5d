// aiPolicy.addToIgnoreFiles: appends a file to the ignore files of the AI tools in use.
import vscode = require('vscode');
import { IGNORE_TARGETS, ignoreTargetsInUse } from '../../core/export/ignoreFiles';
import type { Services } from '../services';

/** `/path/to/file` as a gitignore line, with special characters escaped. */
export function ignoreLine(rel: string): string {
  return '/' + rel.split('\\').join('/').replace(/([*?[\]!#\\])/g, '\\$1').replace(/^\/+/, '');
}

/**
 * Adds `uri` to each target's ignore file in its workspace folder; returns the files changed. `targetsArg`
 * (export target ids such as `cursorignore`) overrides the targets of the tools in use.
 */
export async function addToIgnoreFiles(s: Services, uri: vscode.Uri | undefined, targetsArg?: string[]): Promise<string[]> {
  uri ??= vscode.window.activeTextEditor?.document.uri;
  if (!uri) return [];
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('AI ignore files are written only in trusted workspaces.'));
    return [];
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only files inside a workspace folder can be added to AI ignore files.'));
    return [];
  }
  let targets = targetsArg?.filter((t) => IGNORE_TARGETS[t]) ?? ignoreTargetsInUse(s.inventory.items, s.policy.current?.policy, vscode.env.appName);
  if (!targets.length) {
    const picks = await vscode.window.showQuickPick(
      Object.entries(IGNORE_TARGETS).map(([id, t]) => ({ label: t.file, description: t.tool, id })),
      { canPickMany: true, placeHolder: vscode.l10n.t('No active AI tool is known to read an ignore file. Choose the files to add this file to.') },
    );
    targets = (picks ?? []).map((p) => p.id);
  }
  const line = ignoreLine(vscode.workspace.asRelativePath(uri, false));
  const changed: string[] = [];
  for (const target of targets) {
    const file = vscode.Uri.joinPath(folder.uri, IGNORE_TARGETS[target].file);
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      text = '';
    }
    if (text.split(/\r?\n/).includes(line)) continue;
    const next = `${text}${text && !text.endsWith('\n') ? '\n' : ''}${line}\n`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(next));
    changed.push(IGNORE_TARGETS[target].file);
  }
  if (changed.length) {
    s.audit.record('ignoreFiles.added', { files: changed });
    void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} to {1}.', line, changed.join(', ')));
  }
  return changed;
}
