// Placeholder until tool detection lands.
import * as vscode from 'vscode';
import type { AuditService, InventoryItem, InventoryService, PolicyService } from '../services';

export class ToolInventory implements InventoryService, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<readonly InventoryItem[]>();
  readonly onDidChange = this.emitter.event;
  readonly items: readonly InventoryItem[] = [];
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly policy: PolicyService,
    readonly audit: AuditService,
  ) {}
  activeTools(): InventoryItem[] {
    return [];
  }
  async refresh(): Promise<void> {}
  dispose(): void {
    this.emitter.dispose();
  }
}
