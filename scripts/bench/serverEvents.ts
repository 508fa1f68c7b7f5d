// The synthetic fleet the server benchmarks send: event i of n, over 180 days, 2000 developers on 2500
// machines, a mix of inventories, exposures, policy, training and tool events.
import { randomUUID } from 'node:crypto';
import type { IncomingEvent } from '../../src/server/validate';

const TYPES = ['inventory', 'inventory', 'inventory', 'exposure', 'exposure', 'policy.loaded', 'policy.acknowledged', 'training.completed', 'tool.added', 'disclosure.added'] as const;
const TOOLS = [
  { id: 'github.copilot', name: 'GitHub Copilot', status: 'approved' },
  { id: 'github.copilot-chat', name: 'GitHub Copilot Chat', status: 'approved' },
  { id: 'continue.continue', name: 'Continue', status: 'restricted' },
  { id: 'acme.ai-helper', name: 'Acme AI Helper', status: 'unlisted' },
  { id: 'codeium.codeium', name: 'Codeium', status: 'prohibited' },
];
const START = Date.UTC(2026, 5, 1);
const SPAN = 180 * 86_400_000;

/** Event i of n: time grows with i over 180 days; 2000 developers on 2500 machines; tool sets change now and then. */
export function makeEvent(i: number, n: number): IncomingEvent {
  const type = TYPES[i % TYPES.length];
  const dev = i % 2000;
  const time = new Date(START + Math.floor((i / n) * SPAN)).toISOString();
  const era = Math.floor((i / n) * 6); // the tool set of a developer changes about monthly
  const tools = TOOLS.filter((_, k) => (dev + era * 7 + k * 3) % 5 < 2 + ((dev + k) % 3)).map((t) => ({ ...t, version: '1.0.0', enabled: true, active: i % 2 === 0 }));
  const data: Record<string, unknown> =
    type === 'inventory'
      ? { reason: 'interval', tools }
      : type === 'exposure'
        ? { classes: [i % 3 ? 'secret' : 'pii'], rules: ['aws-access-key'], tools: ['github.copilot'], toolNames: ['GitHub Copilot'], pathHash: 'ab'.repeat(32) }
        : type === 'policy.acknowledged' || type === 'policy.loaded'
          ? { version: 1 + (i % 5), hash: 'cd'.repeat(32) }
          : type === 'training.completed'
            ? { training: i % 2 ? 'ai-basics' : 'secure-coding', title: 'Training' }
            : type === 'tool.added'
              ? { tool: { id: TOOLS[i % TOOLS.length].id, status: TOOLS[i % TOOLS.length].status } }
              : { tools: ['github.copilot'], trailer: 'Assisted-by' };
  return {
    id: randomUUID(), type, time, developer: `dev${dev}@example.com`, machine: `m${(dev * 5 + (i % 2)) % 2500}`,
    editor: { name: 'Visual Studio Code', version: '1.99.0' }, extensionVersion: '0.1.0', policyVersion: 1 + (i % 5), data,
  };
}
