// Which active AI tools are not cleared for the data classes found in a file. Pure: no editor state.
import type { InventoryItem } from '../services';

export interface Exposure {
  classes: string[];
  rules: string[];
  /** Names of active tools not cleared for at least one of the classes (for people). */
  tools: string[];
  /** The same tools' ids (for audit events: the server keys tools by id). */
  toolIds: string[];
}

/** Tools (by name) among `active` that are not cleared for `dataClass`. */
export function toolsNotCleared(active: readonly InventoryItem[], dataClass: string): string[] {
  return active.filter((t) => !t.dataClasses.includes(dataClass)).map((t) => t.name);
}

/** The exposure of a file with findings of these classes/rules, or undefined when every active tool is cleared. */
export function exposureOf(findings: readonly { dataClass: string; ruleId: string }[], active: readonly InventoryItem[]): Exposure | undefined {
  const classes = [...new Set(findings.map((f) => f.dataClass))].sort();
  const uncleared = classes.filter((c) => toolsNotCleared(active, c).length > 0);
  if (!uncleared.length) return undefined;
  const tools = [...new Set(uncleared.flatMap((c) => toolsNotCleared(active, c)))].sort();
  const rules = [...new Set(findings.filter((f) => uncleared.includes(f.dataClass)).map((f) => f.ruleId))].sort();
  const toolIds = [...new Set(active.filter((t) => uncleared.some((c) => !t.dataClasses.includes(c))).map((t) => t.id))].sort();
  return { classes: uncleared, rules, tools, toolIds };
}
