// Which tool a usage row belongs to. Agents are counted under the id a policy lists them by (the first of
// the harness's identifiers, e.g. `anthropic.claude-code`), so the hooks, the agent's own telemetry and
// the editor's inventory of the same product land on one tool; other identifiers are aliases for the
// policy lookup. Vendors come from the tool catalog.
import { HARNESS_IDENTIFIERS, HARNESS_NAMES } from '../../core/hooks/decide';
import { isHarness } from '../../core/hooks/request';
import { BUILTIN_CATALOG } from '../../core/tools/catalog';

export interface UsageTool {
  id: string;
  name: string;
  vendor: string;
  /** Identifiers under which a policy may list it. */
  identifiers: readonly string[];
}

const VENDORS: Record<string, string> = { claude: 'Anthropic', codex: 'OpenAI', copilot: 'GitHub', vscode: 'Microsoft', cursor: 'Anysphere' };

const AGENTS: UsageTool[] = [
  ...Object.entries(HARNESS_IDENTIFIERS).map(([h, ids]) => ({ id: ids[0], name: HARNESS_NAMES[h as keyof typeof HARNESS_NAMES], vendor: VENDORS[h] ?? h, identifiers: ids })),
  { id: 'cli:gemini', name: 'Gemini CLI', vendor: 'Google', identifiers: ['cli:gemini', 'google.gemini-cli-vscode-ide-companion'] },
];

/** The tool id a hook harness (`claude`, `codex`...) is counted under, or undefined for an unknown harness. */
export function harnessTool(harness: string): string | undefined {
  return isHarness(harness) ? HARNESS_IDENTIFIERS[harness][0] : undefined;
}

/** The tool id of an OTLP sender that names no known agent: `otel:` and its service name, bounded. */
export function otelTool(serviceName: string): string {
  const slug = serviceName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').slice(0, 60);
  return `otel:${slug || 'unknown'}`;
}

const byId = new Map<string, UsageTool>();
for (const t of AGENTS) byId.set(t.id.toLowerCase(), t);
for (const c of BUILTIN_CATALOG) if (!byId.has(c.id.toLowerCase())) byId.set(c.id.toLowerCase(), { id: c.id, name: c.name, vendor: c.vendor ?? 'unknown', identifiers: [c.id] });

/** Name, vendor and policy identifiers of a tool id (a tool nobody catalogued is its own name, vendor unknown). */
export function describeTool(id: string, name?: string | null): UsageTool {
  const known = byId.get(id.toLowerCase());
  if (known) return known;
  if (id.startsWith('otel:')) return { id, name: name ?? id.slice(5), vendor: 'unknown', identifiers: [id] };
  return { id, name: name ?? id, vendor: id.includes('.') ? id.slice(0, id.indexOf('.')) : 'unknown', identifiers: [id] };
}

/**
 * The usage rollups' tool ids that stand for any of these ids (a policy tool id and its identifiers): the ids
 * themselves and the agent counted under one of them (`cli:claude` is counted as `anthropic.claude-code`).
 */
export function usageToolIds(ids: Iterable<string>): string[] {
  const wanted = new Set([...ids].map((i) => i.toLowerCase()));
  const out = new Set(wanted);
  for (const t of AGENTS) if (t.identifiers.some((i) => wanted.has(i.toLowerCase()))) out.add(t.id.toLowerCase());
  return [...out];
}
