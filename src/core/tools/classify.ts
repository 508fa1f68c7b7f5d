// Decides whether an extension is an AI tool, of what kind, and why; then its status under the policy.
import type { Policy } from '../policy/types';
import { buildCatalog, type Catalog } from './catalog';
import { extensionId, type ExtensionManifest } from './manifest';
import { describeContributions, findSignals, type Signals } from './signals';
import { policyStatus, type ConditionContext, type StatusResult } from './policyStatus';

/** `ai-feature`: an extension whose main purpose is not AI but which adds an AI feature (a chat participant, LM tools). */
export type ToolKind = 'assistant' | 'agent' | 'completion' | 'chat' | 'model-provider' | 'ai-feature' | 'none' | string;

export interface AiClassification {
  id: string;
  ai: boolean;
  kind: ToolKind;
  reasons: string[];
  catalogName?: string;
}

export function classifyManifest(m: ExtensionManifest, catalog: Catalog = buildCatalog()): AiClassification {
  const id = extensionId(m);
  if (catalog.isNotAi(id)) return { id, ai: false, kind: 'none', reasons: ['this policy extension itself'] };
  const entry = catalog.get(id);
  const s = findSignals(m);
  if (entry) {
    const where = entry.source === 'policy' ? 'the policy catalog' : 'the built-in AI tool catalog';
    return { id, ai: true, kind: entry.kind, catalogName: entry.name, reasons: [`listed in ${where} as ${entry.name}${entry.vendor ? ` (${entry.vendor})` : ''}`] };
  }
  const reasons: string[] = [];
  if (s.categories.length) reasons.push(`marketplace category ${s.categories.map((c) => `"${c}"`).join(' and ')}`);
  if (s.words.length) reasons.push(`name or description mentions ${s.words.map((w) => `"${w}"`).join(', ')}`);
  else if (s.aiWord) reasons.push('name or description mentions "AI"');
  if (s.strongKeywords.length) reasons.push(`keywords ${s.strongKeywords.map((k) => `"${k}"`).join(', ')}`);
  const contrib = s.contributions.length ? `contributes ${describeContributions(s.contributions)}` : '';

  const primary = s.categories.length > 0 || s.words.length > 0 || s.strongKeywords.length > 0 || (s.aiWord && s.keywords.length > 0);
  if (primary) {
    if (contrib) reasons.push(contrib);
    return { id, ai: true, kind: kindOf(m, s), reasons: ['AI assistant: ' + reasons.join('; ')] };
  }
  if (s.contributions.includes('languageModelChatProviders')) {
    return { id, ai: true, kind: 'model-provider', reasons: [`provides language models to the editor (${contrib})`] };
  }
  if (s.contributions.length || s.aiWord || s.keywords.includes('ai')) {
    const why = [contrib, s.aiWord ? 'mentions "AI"' : '', s.keywords.includes('ai') ? 'keyword "ai"' : '']
      .filter(Boolean)
      .join('; ');
    const what = m.categories?.filter((c) => c.toLowerCase() !== 'other').join(', ');
    return {
      id,
      ai: true,
      kind: 'ai-feature',
      reasons: [`AI feature, not an assistant: ${why}, but its name, description and categories describe another purpose${what ? ` (${what})` : ''}`],
    };
  }
  return { id, ai: false, kind: 'none', reasons: ['no AI category, contribution or wording in its manifest'] };
}

function kindOf(m: ExtensionManifest, s: Signals): ToolKind {
  const text = `${m.displayName ?? ''} ${m.description ?? ''} ${(m.keywords ?? []).join(' ')}`.toLowerCase();
  if (/\b(agent|agentic|autonomous)\b/.test(text)) return 'agent';
  if (s.contributions.includes('chatParticipants') || s.categories.some((c) => c.toLowerCase() === 'chat') || /\bchat\b/.test(text)) return 'chat';
  if (/\b(autocomplete|auto-complete|completions?|inline suggestions?)\b/.test(text)) return 'completion';
  return 'assistant';
}

export interface ToolClassification extends AiClassification, Omit<StatusResult, 'reasons'> {
  version?: string;
  name: string;
}

/** Classifies a manifest and then places it under the policy (status `not-ai` for non-AI extensions). */
export function classifyExtension(m: ExtensionManifest, policy: Policy | undefined, ctx: ConditionContext, catalog = buildCatalog(policy)): ToolClassification {
  const c = classifyManifest(m, catalog);
  const name = m.displayName || c.catalogName || extensionId(m);
  const st = policyStatus([c.id], policy, ctx);
  // A tool the policy names is an AI tool by the organization's word, whatever its manifest says.
  if (!c.ai && !st.tool) return { ...c, name, version: m.version, status: 'not-ai', dataClasses: [], conditions: [] };
  const ai = c.ai || !!st.tool;
  const reasons = [...c.reasons, ...st.reasons];
  if (!c.ai) reasons.unshift('named by the policy');
  return { ...c, ...st, ai, kind: c.ai ? c.kind : 'assistant', name, version: m.version, reasons };
}
