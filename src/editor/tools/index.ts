// Wires the tools area: status bar item, tools view, warnings, disclosure and ignore files.
import vscode = require('vscode');
import type { Services } from '../services';
import { registerDisclosure, SessionTools } from './disclosure';
import { ExceptionExpiry } from './exceptionExpiry';
import { registerIgnoreFilesCommand } from './ignoreFilesCommand';
import { StatusItem } from './statusItem';
import { statusSummary } from './statusText';
import { registerExceptionRequests } from './requestCommand';
import { registerToolCommands } from './toolCommands';
import { ToolsView } from './toolsView';
import { ToolWarnings } from './toolWarnings';

/** The tools area's UI parts, for the extension's test hooks. */
export interface ToolsUi {
  status: StatusItem;
  view: ToolsView;
  tree: vscode.TreeView<unknown>;
  warnings: ToolWarnings;
  session: SessionTools;
  expiry: ExceptionExpiry;
}

export function registerTools(s: Services): ToolsUi {
  const status = new StatusItem(s);
  const view = new ToolsView(s.inventory, s.requests);
  const tree = vscode.window.createTreeView('aiPolicy.tools', { treeDataProvider: view, showCollapseAll: true });
  const updateBadge = () => {
    const sum = statusSummary({ items: s.inventory.items, policy: s.policy.current?.policy, exposed: 0 });
    const bad = sum.prohibited + sum.unapproved;
    tree.badge = bad ? { value: bad, tooltip: vscode.l10n.t('{0} AI tools not approved here', bad) } : undefined;
  };
  const warnings = new ToolWarnings(s);
  const session = new SessionTools(s);
  const expiry = new ExceptionExpiry(s);
  s.context.subscriptions.push(status, view, tree, warnings, session, expiry, s.inventory.onDidChange(updateBadge));
  registerToolCommands(s);
  registerExceptionRequests(s);
  registerDisclosure(s, session);
  registerIgnoreFilesCommand(s);
  return { status, view, tree, warnings, session, expiry };
}
