// What the editor's own AI features do with an exposed file, said in the warning: whether the chat attaches it on
// its own (implicit context) and whether Copilot completes in it, from the effective settings; and what no setting
// stops (attaching or selecting it on purpose, an AI fix run on one of its lines).
import vscode = require('vscode');
import { COMPLETION_IDS, EDITOR_CHAT_IDS, editorExposure } from '../../core/enforcement/editorContext';

const among = (ids: readonly string[], of: readonly string[]) => ids.some((id) => of.includes(id.toLowerCase()));

/**
 * The sentences for the warning: about the chat when the editor's chat is among the active tools not cleared for
 * the file, about completions when Copilot is; '' when neither is.
 */
export function editorContextNote(doc: vscode.TextDocument, unclearedToolIds: readonly string[]): string {
  const chat = among(unclearedToolIds, EDITOR_CHAT_IDS);
  const copilot = among(unclearedToolIds, COMPLETION_IDS);
  if (!chat && !copilot) return '';
  const config = vscode.workspace.getConfiguration(undefined, doc);
  const { implicitContext, completions } = editorExposure(
    { implicitContext: config.get('chat.implicitContext.enabled'), copilotEnable: config.get('github.copilot.enable') },
    doc.languageId,
  );
  const chatNote = implicitContext
    ? vscode.l10n.t("The editor's chat attaches this file on its own while it is open.")
    : vscode.l10n.t("The editor's chat does not attach it on its own.");
  const completionNote = completions ? vscode.l10n.t('Copilot completions run in it.') : vscode.l10n.t('Copilot completions are off for it.');
  return [
    chat ? chatNote : '',
    copilot ? completionNote : '',
    vscode.l10n.t('Not stopped: attaching or selecting it in a chat, or an AI fix on its lines.'),
  ]
    .filter(Boolean)
    .join(' ');
}
