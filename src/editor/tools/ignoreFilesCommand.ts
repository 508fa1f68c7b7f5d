// aiPolicy.writeIgnoreFiles: writes the ignore files of the active AI tools into the workspace.
import vscode = require('vscode');
import { IGNORE_TARGETS, ignoreFile, ignoreTargetsInUse } from '../../core/export/ignoreFiles';
import type { Services } from '../services';

export function registerIgnoreFilesCommand(s: Services): void {
  s.context.subscriptions.push(
    vscode.commands.registerCommand('aiPolicy.writeIgnoreFiles', async (targetsArg?: string[]) => {
      if (!vscode.workspace.isTrusted) return void vscode.window.showWarningMessage(vscode.l10n.t('AI ignore files are written only in trusted workspaces.'));
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to write AI ignore files into.'));
      let targets = Array.isArray(targetsArg) ? targetsArg.filter((t) => IGNORE_TARGETS[t]) : ignoreTargetsInUse(s.inventory.items, s.policy.current?.policy, vscode.env.appName);
      if (!targets.length) {
        const picks = await vscode.window.showQuickPick(
          Object.entries(IGNORE_TARGETS).map(([id, t]) => ({ label: t.file, description: t.tool, id })),
          { canPickMany: true, placeHolder: vscode.l10n.t('No active AI tool reads an ignore file. Choose the files to write.') },
        );
        targets = (picks ?? []).map((p) => p.id);
      }
      const policy = s.policy.current?.policy;
      const written: string[] = [];
      for (const target of targets) {
        const uri = vscode.Uri.joinPath(folder.uri, IGNORE_TARGETS[target].file);
        const text = ignoreFile(target, policy);
        let existing: string | undefined;
        try {
          existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          existing = undefined;
        }
        if (existing === text) continue;
        if (existing !== undefined) {
          const overwrite = vscode.l10n.t('Overwrite');
          const answer = await vscode.window.showWarningMessage(
            vscode.l10n.t('{0} already exists in {1}. Replace it with the one generated from the policy?', IGNORE_TARGETS[target].file, folder.name),
            { modal: true },
            overwrite,
          );
          if (answer !== overwrite) continue;
        }
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        written.push(IGNORE_TARGETS[target].file);
      }
      if (written.length) {
        s.audit.record('ignoreFiles.written', { files: written });
        void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0}.', written.join(', ')));
      }
      return written;
    }),
  );
}
