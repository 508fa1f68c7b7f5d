// A policy for the tools tests: the starter sample plus a prohibited tool, a conditioned one and MCP rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import type { Policy, PolicyException } from '../../../src/core/policy/types';
import { repoRoot } from '../../harness/workspaceSetup';

export const REPO = repoRoot();
export const MANIFESTS = path.join(REPO, 'test/unit/tools/manifests');

export function testPolicy(): Policy {
  const p = parse(fs.readFileSync(path.join(REPO, 'policy-samples/starter.aipolicy.yaml'), 'utf8')) as Policy;
  p.tools.push(
    { id: 'windsurf', name: 'Windsurf Plugin', identifiers: ['Codeium.codeium'], status: 'prohibited', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: [] },
    {
      id: 'continue',
      name: 'Continue',
      identifiers: ['continue.continue'],
      status: 'restricted',
      owner: 'Sam Ortiz <sam.ortiz@example.com>',
      dataClasses: ['code'],
      conditions: { workspaces: ['**/oss-*'], repositories: ['github.com/example-corp/*'], note: 'Open-source work only.' },
      requestAccess: 'mailto:ai-policy@example.com',
    },
  );
  p.catalog = [{ id: 'acme.internal-helper', name: 'Acme Internal Helper', kind: 'chat' }];
  p.mcp = {
    unlisted: 'warn',
    servers: [
      { name: 'github', url: 'https://api.githubcopilot.com/mcp/', status: 'approved', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: ['code'] },
      { name: 'filesystem', command: 'npx', status: 'approved', owner: 'Dana Whitfield <dana.whitfield@example.com>' },
      { name: 'shell', command: 'mcp-shell', status: 'prohibited', owner: 'Dana Whitfield <dana.whitfield@example.com>' },
    ],
    agents: { autonomousMode: 'restricted', requireConfirmation: ['terminal'] },
  };
  return p;
}

export function writeTestPolicy(dir: string, policy: Policy = testPolicy()): string {
  const file = path.join(dir, 'policy.aipolicy.yaml');
  fs.writeFileSync(file, stringify(policy));
  return file;
}

/** An exception of the test policy: Jane's person-scoped approval of windsurf for December 2026, with overrides. */
export const testException = (over: Partial<PolicyException> = {}): PolicyException => ({
  id: 'exc-1',
  who: { developer: 'jane@example.com' },
  what: { tool: 'windsurf' },
  scope: 'person',
  from: '2026-12-01',
  until: '2026-12-31',
  reason: 'migration',
  approvedBy: 'Dana Whitfield <dana.whitfield@example.com>',
  ...over,
});
