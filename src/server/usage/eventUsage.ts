// What the audit events add to the usage rollups, in the ingest transaction of the event itself:
// `agent.activity` (a hook's daily tally per harness), the inventory's `tools[].activeDays` (days a tool
// was active while the developer edited) and `disclosure.pr` (a pull request's AI-assisted commits).
// Shapes as sent by the hook and the disclosure check (see docs/server.md, "Adoption"); read defensively,
// since older or foreign events are replayed through this too.
import { dayOf, obj, str, type StoredEvent } from '../store/eventFold';
import type { DisclosureRow, UsageDelta } from './fields';
import { harnessTool } from './tools';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.min(Math.floor(v), 1e9) : 0);

/** A `YYYY-MM-DD` as a UTC epoch day, or undefined. */
export function epochDay(s: unknown): number | undefined {
  if (typeof s !== 'string' || !DAY.test(s)) return undefined;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) ? dayOf(t) : undefined;
}

/** The rollup rows one stored event adds (none for most types). */
export function eventUsage(e: StoredEvent): UsageDelta[] {
  const data = obj(e.data);
  if (e.type === 'agent.activity') {
    const tool = harnessTool(str(data.harness) ?? '');
    if (!tool) return [];
    const day = epochDay(data.day) ?? dayOf(e.at);
    const figures = { sessions: count(data.sessions), toolCalls: count(data.toolCalls), prompts: count(data.prompts), denials: count(data.denials) };
    return [{ day, developer: e.developer, tool, source: 'hook', figures }];
  }
  if (e.type === 'inventory') {
    const out: UsageDelta[] = [];
    // Only days near the inventory's own date: a set repeated in every inventory, taken as a union.
    const latest = dayOf(e.at) + 1;
    for (const raw of Array.isArray(data.tools) ? data.tools : []) {
      const t = obj(raw);
      const id = str(t.id);
      if (!id || !Array.isArray(t.activeDays)) continue;
      for (const d of t.activeDays.slice(-100)) {
        const day = epochDay(d);
        if (day !== undefined && day <= latest && day > latest - 31) out.push({ day, developer: e.developer, tool: id, source: 'editor', figures: {} });
      }
    }
    return out;
  }
  return [];
}

/** The pull request a `disclosure.pr` event reports, or undefined when it names no repository. */
export function disclosureOf(e: StoredEvent, id: string): DisclosureRow | undefined {
  if (e.type !== 'disclosure.pr') return undefined;
  const data = obj(e.data);
  const repository = str(data.repoHash) ?? str(data.repository);
  if (!repository) return undefined;
  const pr = typeof data.pr === 'number' || typeof data.pr === 'string' ? String(data.pr).slice(0, 40) : `event:${id}`;
  const commits = count(data.commits);
  const aiCommits = Math.min(commits, count(data.assistedCommits ?? data.aiCommits));
  const tools = Array.isArray(data.tools) ? [...new Set(data.tools.filter((t): t is string => typeof t === 'string' && t.length > 0 && t.length <= 60))].slice(0, 20) : [];
  const disclosed = typeof data.prDisclosed === 'boolean' ? data.prDisclosed : null;
  const aiAssisted = aiCommits > 0 || tools.length > 0 || data.aiAssisted === true;
  return { repository, pr, at: e.at, developer: e.developer, commits, aiCommits, aiAssisted, disclosed, tools };
}
