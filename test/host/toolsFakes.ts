// The AI tool stand-ins and policy the tools host runs and UI checks share.
import * as path from 'node:path';
import type { FakeExtension } from '../harness/fakeExtension';
import { repoRoot } from '../harness/workspaceSetup';

export const toolsPolicy = path.join(repoRoot(), 'test', 'host', 'fixtures', 'policies', 'tools.aipolicy.yaml');

/**
 * A catalogued id the policy approves (Cline; it activates, so it counts for disclosure), an extension found only by its
 * `AI`/`Chat` categories (unlisted), and one the policy prohibits. A fake `GitHub.copilot` is not loaded by VS Code 1.139,
 * so the approved catalog id is Cline's.
 */
export const toolsFakes: FakeExtension[] = [
  {
    publisher: 'saoudrizwan',
    name: 'claude-dev',
    displayName: 'Cline (test stand-in)',
    manifest: { categories: ['AI'], activationEvents: ['onStartupFinished'], capabilities: { untrustedWorkspaces: { supported: true } } },
    main: 'exports.activate = () => {};',
  },
  { publisher: 'fake-ai', name: 'chat-helper', displayName: 'Fake AI Chat Helper', manifest: { categories: ['AI', 'Chat'], description: 'A stand-in AI chat assistant.' } },
  { publisher: 'fake-ai', name: 'banned-bot', displayName: 'Banned Bot', manifest: { categories: ['AI'], description: 'An assistant the policy prohibits.' } },
];
