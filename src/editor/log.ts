// The extension's one log channel.
import * as vscode from 'vscode';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('AI Tool Policy', { log: true });
}
