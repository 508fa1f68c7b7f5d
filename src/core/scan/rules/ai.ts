// AI model providers.
import type { Rule } from '../types';
import { keyed, LB, RB, token } from './define';

/** Real tokens mix cases and digits at random; identifiers like `hf_requiredCharacteristic…` do not. */
const mixed = (s: string) => /[a-z]/.test(s) && /[A-Z]/.test(s) && !/[a-z]{12}/.test(s);

export const aiRules: Rule[] = [
  token('openai-api-key', 'OpenAI API key', 'openai', ['t3blbkfj'],
    String.raw`\b(sk-(?:(?:proj|svcacct|admin)-)?[\w-]{20,}T3BlbkFJ[\w-]{20,})${RB}`),
  token('anthropic-api-key', 'Anthropic API key', 'anthropic', ['sk-ant-api', 'sk-ant-sid'],
    String.raw`\b(sk-ant-(?:api|sid)\d\d-[\w-]{80,100}AA)${RB}`),
  // Admin keys manage an organization's members, workspaces and keys: a family of their own.
  token('anthropic-admin-api-key', 'Anthropic Admin API key', 'anthropic', ['sk-ant-admin'],
    String.raw`\b(sk-ant-admin\d\d-[\w-]{80,100}AA)${RB}`),
  token('huggingface-token', 'Hugging Face access token', 'huggingface', ['hf_'],
    String.raw`${LB}(hf_[A-Za-z]{34})${RB}`, { validate: mixed }),
  token('huggingface-org-token', 'Hugging Face organization token', 'huggingface', ['api_org_'],
    String.raw`${LB}(api_org_[A-Za-z]{34})${RB}`, { validate: mixed }),
  token('groq-api-key', 'Groq API key', 'groq', ['gsk_'], String.raw`\b(gsk_[A-Za-z0-9]{52})\b`),
  token('replicate-api-token', 'Replicate API token', 'replicate', ['r8_'], String.raw`\b(r8_[A-Za-z0-9]{37})\b`),
  token('perplexity-api-key', 'Perplexity API key', 'perplexity', ['pplx-'], String.raw`\b(pplx-[A-Za-z0-9]{48})\b`),
  token('xai-api-key', 'xAI API key', 'xai', ['xai-'], String.raw`\b(xai-[A-Za-z0-9]{80})\b`),
  token('openrouter-api-key', 'OpenRouter API key', 'openrouter', ['sk-or-v1-'], String.raw`\b(sk-or-v1-[a-f0-9]{64})\b`),
  token('langsmith-api-key', 'LangSmith API key', 'langchain', ['lsv2_'], String.raw`\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b`),
  token('pinecone-api-key', 'Pinecone API key', 'pinecone', ['pcsk_'], String.raw`\b(pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{60,70})\b`),
  keyed('cohere-api-key', 'Cohere API key', 'cohere', ['cohere', 'co_api_key'], '[A-Za-z0-9]{40}', { entropy: 3.5 }),
  keyed('mistral-api-key', 'Mistral API key', 'mistral', ['mistral'], '[A-Za-z0-9]{32}', { entropy: 3.5 }),
  keyed('deepseek-api-key', 'DeepSeek API key', 'deepseek', ['deepseek'], 'sk-[a-f0-9]{32}'),
  keyed('privateai-api-key', 'Private AI API key', 'privateai', ['private-ai', 'private_ai', 'privateai'], '[A-Za-z0-9]{32}', { entropy: 3.5 }),
];
