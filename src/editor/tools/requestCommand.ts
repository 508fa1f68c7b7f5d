// Wires exception requests: the command (offered from the status bar tooltip, the tools view, the exposure
// warning and named in the agent hook's denial) and the pending requests the tools view lists.
import vscode = require('vscode');
import type { Services } from '../services';
import { requestException } from './requestDialog';

export const REQUEST_COMMAND = 'aiPolicy.requestException';

export function registerExceptionRequests(s: Services): void {
  s.context.subscriptions.push(
    vscode.commands.registerCommand(REQUEST_COMMAND, (arg: unknown) =>
      requestException(s, arg).catch((e: unknown) => {
        s.log.error('Request an exception failed', e);
        void vscode.window.showErrorMessage(vscode.l10n.t('The exception request could not be recorded: {0}', e instanceof Error ? e.message : String(e)));
      }),
    ),
  );
}
