// An inventory item with the extra details the tools view and status bar show.
import type { InventoryItem } from '../services';

export interface ToolItem extends InventoryItem {
  /** Condition summary (workspaces, repositories, expiry, note). */
  conditions: string[];
  /** Where to request access (https URL or mailto:). */
  requestAccess?: string;
  source: 'extension' | 'builtin' | 'model' | 'mcp';
}
