// Placeholder status bar item until the tools area lands.
import * as vscode from 'vscode';
import type { Services } from '../services';
export function registerTools(s: Services): void {
  const item = vscode.window.createStatusBarItem('aiPolicy.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'AI Tool Policy';
  item.text = '$(shield) AI Policy';
  item.show();
  s.context.subscriptions.push(item);
}
