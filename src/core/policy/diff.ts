// What changed between two policy versions, as short sentences a developer can read.
import type { Policy, PolicyTool } from './types';

export function diffPolicies(before: Policy, after: Policy): string[] {
  const out: string[] = [];
  if (before.version !== after.version) out.push(`Version ${before.version} → ${after.version}.`);
  field('Effective date', before.effective, after.effective);
  field('Expiry date', before.expires, after.expires);
  field('Next review', before.nextReview, after.nextReview);
  field('Policy owner', before.owner.name, after.owner.name);
  field('Contact', before.contact, after.contact);
  if (before.document.summary.trim() !== after.document.summary.trim()) out.push('The summary was rewritten.');
  byKey(before.document.sections ?? [], after.document.sections ?? [], (s) => s.id ?? s.title, (s) => `section "${s.title}"`, (a, b) => a.body.trim() === b.body.trim() && a.title === b.title);

  const oldTools = new Map(before.tools.map((t) => [t.id, t]));
  for (const t of after.tools) {
    const o = oldTools.get(t.id);
    if (!o) out.push(`New tool: ${t.name} (${t.status}${t.dataClasses.length ? ` for ${t.dataClasses.join(', ')}` : ''}).`);
    else toolChanges(o, t);
  }
  for (const t of before.tools) if (!after.tools.some((n) => n.id === t.id)) out.push(`Tool removed: ${t.name}.`);

  byKey(before.dataHandling.classes, after.dataHandling.classes, (c) => c.id, (c) => `data class "${c.name}"`, (a, b) => a.name === b.name && a.description === b.description);
  byKey(before.dataHandling.rules ?? [], after.dataHandling.rules ?? [], (r) => r.id, (r) => `data rule "${r.id}"`, same);
  if (!same(before.dataHandling.allowlist, after.dataHandling.allowlist)) out.push('The data allowlist changed.');
  if (!same(before.dataHandling.builtinDetectors, after.dataHandling.builtinDetectors)) out.push('The built-in detectors changed.');

  byKey(before.mcp?.servers ?? [], after.mcp?.servers ?? [], (s) => s.name, (s) => `MCP server "${s.name}" (${s.status})`, same);
  field('Unlisted MCP servers', before.mcp?.unlisted, after.mcp?.unlisted);
  field('Autonomous agent mode', before.mcp?.agents?.autonomousMode, after.mcp?.agents?.autonomousMode);
  if (!same(before.disclosure, after.disclosure)) {
    const d = after.disclosure;
    out.push(d ? `Disclosure changed: ${d.required ? 'required' : 'optional'}, trailer "${d.trailer}:".` : 'Disclosure rules were removed.');
  }
  byKey(before.training ?? [], after.training ?? [], (t) => t.id, (t) => `training "${t.title}"`, same);
  field('Acknowledgement deadline (days)', before.acknowledgement?.withinDays, after.acknowledgement?.withinDays);
  field('Audit identity', before.audit?.identity, after.audit?.identity);
  field('Audit endpoint', before.audit?.endpoint, after.audit?.endpoint);
  return out;

  function field(label: string, a: unknown, b: unknown): void {
    if (a !== b) out.push(`${label}: ${show(a)} → ${show(b)}.`);
  }

  function toolChanges(a: PolicyTool, b: PolicyTool): void {
    if (a.status !== b.status) out.push(`${b.name}: status ${a.status} → ${b.status}.`);
    const added = b.dataClasses.filter((c) => !a.dataClasses.includes(c));
    const removed = a.dataClasses.filter((c) => !b.dataClasses.includes(c));
    if (added.length) out.push(`${b.name}: now cleared for ${added.join(', ')}.`);
    if (removed.length) out.push(`${b.name}: no longer cleared for ${removed.join(', ')}.`);
    if (a.owner !== b.owner) out.push(`${b.name}: owner ${a.owner} → ${b.owner}.`);
    if (!same(a.conditions, b.conditions)) out.push(`${b.name}: conditions changed.`);
    if (!same(a.identifiers, b.identifiers)) out.push(`${b.name}: covered identifiers changed.`);
  }

  function byKey<T>(a: T[], b: T[], key: (x: T) => string, label: (x: T) => string, eq: (x: T, y: T) => boolean): void {
    const old = new Map(a.map((x) => [key(x), x]));
    const now = new Map(b.map((x) => [key(x), x]));
    for (const [k, x] of now) {
      const o = old.get(k);
      if (!o) out.push(`Added ${label(x)}.`);
      else if (!eq(o, x)) out.push(`Changed ${label(x)}.`);
    }
    for (const [k, x] of old) if (!now.has(k)) out.push(`Removed ${label(x)}.`);
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(v: unknown): string {
  return v === undefined || v === '' ? '(none)' : String(v);
}
