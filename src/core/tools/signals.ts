// What an extension manifest says about AI: categories, contributions and words in its texts.
import type { ExtensionManifest } from './manifest';

/** Contribution points through which an extension talks to, or provides, language models. */
export const AI_CONTRIBUTIONS = ['chatParticipants', 'languageModelTools', 'languageModelChatProviders', 'mcpServerDefinitionProviders'] as const;
export type AiContribution = (typeof AI_CONTRIBUTIONS)[number];

const AI_CATEGORIES = ['ai', 'chat'];

/** Words that, in a display name or description, mark an AI assistant. Case-insensitive, whole words. */
const STRONG_WORDS = [
  'copilot', 'llm', 'llms', 'gpt', 'gpt-4', 'gpt-4o', 'gpt-5', 'chatgpt', 'openai', 'ollama', 'claude', 'anthropic', 'gemini',
  'codellama', 'llama', 'mistral', 'deepseek', 'qwen', 'large language model', 'large language models',
  'ai assistant', 'ai coding assistant', 'coding assistant', 'code assistant', 'ai pair programmer', 'pair programmer',
  'ai-powered', 'ai powered', 'powered by ai', 'ai autocomplete', 'ai code completion', 'ai completions', 'autopilot',
  'coding agent', 'ai agent', 'autonomous coding agent', 'agentic',
];
/** Keywords that mark an AI tool when the manifest lists them. */
const AI_KEYWORDS = new Set([
  'ai', 'copilot', 'llm', 'gpt', 'chatgpt', 'openai', 'ollama', 'claude', 'anthropic', 'gemini', 'codellama', 'llama',
  'mistral', 'deepseek', 'code assistant', 'ai assistant', 'coding assistant', 'local ai', 'autocomplete', 'code completion',
  'agent', 'autonomous', 'mcp', 'chat', 'pair programming',
]);
/** Keywords specific enough to count as a strong mark on their own. */
const STRONG_KEYWORDS = new Set(['copilot', 'llm', 'gpt', 'chatgpt', 'openai', 'ollama', 'claude', 'anthropic', 'codellama', 'llama', 'ai assistant', 'code assistant', 'coding assistant', 'local ai']);

export interface Signals {
  categories: string[];
  contributions: AiContribution[];
  /** Strong words found in the display name or description. */
  words: string[];
  /** `AI` written as a word (upper case) in the display name or description. */
  aiWord: boolean;
  keywords: string[];
  strongKeywords: string[];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const WORD_RE = new RegExp(`(?<![\\w-])(${STRONG_WORDS.map(escape).join('|')})(?![\\w-])`, 'gi');

export function findSignals(m: ExtensionManifest): Signals {
  const text = `${m.displayName ?? ''}\n${m.description ?? ''}`;
  const words = [...new Set([...text.matchAll(WORD_RE)].map((x) => x[1].toLowerCase()))];
  const keywords = (m.keywords ?? []).map((k) => k.toLowerCase()).filter((k) => AI_KEYWORDS.has(k));
  const contributions = AI_CONTRIBUTIONS.filter((c) => {
    const v = m.contributes?.[c];
    return Array.isArray(v) ? v.length > 0 : !!v;
  });
  return {
    categories: (m.categories ?? []).filter((c) => AI_CATEGORIES.includes(c.toLowerCase())),
    contributions,
    words,
    aiWord: /(?<![\w-])AI(?![\w-])/.test(text),
    keywords,
    strongKeywords: keywords.filter((k) => STRONG_KEYWORDS.has(k)),
  };
}

const CONTRIBUTION_LABEL: Record<AiContribution, string> = {
  chatParticipants: 'a chat participant',
  languageModelTools: 'language model tools',
  languageModelChatProviders: 'a language model provider',
  mcpServerDefinitionProviders: 'MCP server definitions',
};
export function describeContributions(c: readonly AiContribution[]): string {
  return c.map((x) => CONTRIBUTION_LABEL[x]).join(', ');
}
