// What the editor's own AI features do with an exposed file, said in the warning: whether the chat attaches it on
// its own (implicit context) and whether Copilot completes in it, from the effective settings; and what no setting
// stops (attaching or selecting it on purpose, an AI fix run on one of its lines).
import vscode = require('vscode');
import { COMPLETION_IDS, EDITOR_CHAT_IDS, editorExposure } from '../../core/enforcement/editorContext';

const EDITOR_AI_IDS = new Set<string>([...EDITOR_CHAT_IDS, ...COMPLETION_IDS]);

/** The sentence for the warning, or '' when none of the uncleared tools is the editor's chat or Copilot. */
export function editorContextNote(doc: vscode.TextDocument, unclearedToolIds: readonly string[]): string {
  if (!unclearedToolIds.some((id) => EDITOR_AI_IDS.has(id.toLowerCase()))) return '';
  const config = vscode.workspace.getConfiguration(undefined, doc);
  const { implicitContext, completions } = editorExposure(
    { implicitContext: config.get('chat.implicitContext.enabled'), copilotEnable: config.get('github.copilot.enable') },
    doc.languageId,
  );
  return [
    implicitContext
      ? vscode.l10n.t("The editor's chat attaches this file on its own while it is open.")
      : vscode.l10n.t("The editor's chat does not attach it on its own."),
    completions ? vscode.l10n.t('Copilot completions run in it.') : vscode.l10n.t('Copilot completions are off for it.'),
    vscode.l10n.t('Not stopped: attaching or selecting it in a chat, or an AI fix on its lines.'),
  ].join(' ');
}
