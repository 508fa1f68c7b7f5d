// The extension's one log channel.
import vscode = require('vscode');

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('AI Tool Policy', { log: true });
}
