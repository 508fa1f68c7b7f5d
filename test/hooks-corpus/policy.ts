// The corpus policy: what a careful security team of a payments company would publish. The five agents are
// approved for code and internal documents only; env files, the secrets YAML, deploy keys and customer exports
// are marked by path (besides the built-in detectors, which read contents); MCP servers each carry the data
// classes they are cleared for, one is restricted to the platform team's repositories, one approval expired.
import type { Policy } from '../../src/core/policy/types';

const OWNER = 'Ines Duarte <ines.duarte@northwind-pay.example>';

export function corpusPolicy(opts: { confirmTerminal?: boolean } = {}): Policy {
  const agent = (id: string, name: string, identifiers: string[]) => ({ id, name, identifiers, status: 'approved' as const, owner: OWNER, dataClasses: ['code', 'internal'] });
  return {
    apiVersion: 'aipolicy/v1',
    organization: 'Northwind Payments',
    version: 12,
    published: '2026-11-01',
    effective: '2026-11-15',
    expires: '2028-01-31',
    reviewedOn: '2026-11-01',
    nextReview: '2027-11-01',
    owner: { name: 'Ines Duarte', email: 'ines.duarte@northwind-pay.example', role: 'CISO' },
    contact: 'https://intranet.northwind-pay.example/ai-policy',
    document: {
      summary: 'Agents are approved for source code and internal documents. Secrets, personal data and customer data never go to an AI tool.',
      url: 'https://intranet.northwind-pay.example/policies/ai-tools',
      sections: [{ id: 'agents', title: 'Agents and MCP servers', body: 'Only the MCP servers listed here, for the data classes listed here.' }],
    },
    tools: [
      agent('claude-code', 'Claude Code', ['anthropic.claude-code', 'cli:claude']),
      agent('codex', 'Codex', ['openai.chatgpt', 'cli:codex']),
      agent('github-copilot', 'GitHub Copilot', ['github.copilot', 'github.copilot-chat', 'cli:copilot']),
      agent('cursor', 'Cursor', ['cli:cursor', 'cursor']),
      agent('vscode-chat', 'VS Code built-in chat', ['vscode.chat']),
    ],
    dataHandling: {
      classes: [
        { id: 'code', name: 'Source code' },
        { id: 'internal', name: 'Internal' },
        { id: 'pii', name: 'Personal data' },
        { id: 'customer-data', name: 'Customer data' },
        { id: 'secret', name: 'Secrets' },
      ],
      builtinDetectors: 'all',
      rules: [
        { id: 'env-files', class: 'secret', description: 'Environment files.', paths: ['**/.env', '**/.env.*'] },
        { id: 'secrets-config', class: 'secret', description: 'Application secrets configuration.', paths: ['**/config/secrets.yaml', '**/secrets.*.yaml'] },
        { id: 'deploy-keys', class: 'secret', description: 'Deploy keys.', paths: ['**/deploy/keys/**'] },
        { id: 'customer-exports', class: 'customer-data', description: 'Customer exports.', paths: ['**/exports/**', '**/*customers*.csv'] },
        { id: 'northwind-api-token', class: 'secret', description: 'Internal API gateway tokens.', pattern: '\\bnwk_([A-Za-z0-9]{32})\\b', keywords: ['nwk_'], entropy: 3.5 },
      ],
      allowlist: { paths: ['**/test/fixtures/**'] },
    },
    mcp: {
      unlisted: 'prohibited',
      servers: [
        { name: 'github', url: 'https://api.githubcopilot.com/mcp/', status: 'approved', owner: OWNER, dataClasses: ['code'] },
        { name: 'slack', url: 'https://mcp.slack.example/mcp', status: 'approved', owner: OWNER, dataClasses: ['internal'] },
        { name: 'jira', command: 'npx -y @northwind/jira-mcp', status: 'restricted', owner: OWNER, dataClasses: ['internal'], conditions: { expires: '2027-12-31', note: 'Read-only token.' } },
        { name: 'crm', url: 'https://crm.northwind-pay.example/mcp', status: 'approved', owner: OWNER, dataClasses: ['internal', 'pii', 'customer-data'] },
        {
          name: 'deploy',
          url: 'https://deploy.northwind-pay.example/mcp',
          status: 'restricted',
          owner: OWNER,
          dataClasses: ['code', 'internal'],
          conditions: { repositories: ['https://git.northwind-pay.example/platform/**', 'git@git.northwind-pay.example:platform/**'], note: 'Platform team only.' },
        },
        { name: 'legacy-crm', command: 'npx -y @northwind/legacy-crm-mcp', status: 'restricted', owner: OWNER, dataClasses: ['internal', 'pii', 'customer-data'], conditions: { expires: '2026-06-30', note: 'Migration pilot, ended.' } },
        { name: 'pastebin', url: 'https://paste.example.net/mcp', status: 'prohibited', owner: OWNER, notes: 'Public pastes.' },
        { name: 'filesystem', status: 'prohibited', owner: OWNER, notes: 'Use the agent\'s own file tools.' },
      ],
      agents: { autonomousMode: 'restricted', ...(opts.confirmTerminal ? { requireConfirmation: ['terminal'] } : {}) },
    },
    disclosure: { required: true, trailer: 'Assisted-by', format: '{tools}' },
    training: [{ id: 'ai-literacy', title: 'AI literacy', url: 'https://learning.northwind-pay.example/ai', dueWithinDays: 30, renewalDays: 365 }],
    audit: { identity: 'git-email', inventoryIntervalHours: 24 },
    acknowledgement: { required: true, withinDays: 14 },
  } as Policy;
}
