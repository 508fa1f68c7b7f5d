// The AI assistant stand-in and policies of the exposure host runs and UI check.
import * as path from 'node:path';
import type { FakeExtension } from '../harness/fakeExtension';
import { repoRoot } from '../harness/workspaceSetup';

const policies = path.join(repoRoot(), 'test', 'host', 'fixtures', 'policies');
/** The assistant is unlisted: cleared for nothing. */
export const exposurePolicy = path.join(policies, 'exposure.aipolicy.yaml');
/** The assistant (and the built-in chat) are cleared for code, secrets and personal data. */
export const exposureClearedPolicy = path.join(policies, 'exposure-cleared.aipolicy.yaml');

export const exposureAssistant: FakeExtension = {
  publisher: 'fake-ai',
  name: 'exposure-assistant',
  displayName: 'Exposure Test Assistant',
  manifest: {
    categories: ['AI', 'Chat'],
    activationEvents: ['onStartupFinished'],
    capabilities: { untrustedWorkspaces: { supported: true } },
  },
  main: 'exports.activate = () => {};',
};

/** A key in the documented AWS access key ID format, assembled at run time. */
export function plantedKey(): string {
  return ['AK', 'IA', 'QYLPMN5HHHFPZAM2'].join('');
}
