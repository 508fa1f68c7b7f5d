// The host test runs. Each run opens one VS Code session (fresh profile, a copy of a fixture workspace)
// and runs the listed suites inside its extension host.
//
// To add a suite: write test/host/suites/<area>.test.ts (mocha bdd, `import * as vscode from 'vscode'`)
// and add '<area>' to `suites` of every run whose workspace state it needs.
// To add a run: append an object below. Fields (see HostRun in test/harness/hostRun.ts): name, fixture
// (folder under test/host/fixtures), gitInit, trusted, machineSettings, userSettings, fakeExtensions
// (see FakeExtension in test/harness/fakeExtension.ts), env, suites, timeoutMs.
// Inside a suite, hostContext() (test/host/context.ts) returns the run's settings, trust and workspace folder.
// Run only some runs: AI_POLICY_HOST_RUNS=trusted,untrusted npm run test:host
import * as path from 'node:path';
import type { HostRun } from '../harness/hostRun';
import { repoRoot } from '../harness/workspaceSetup';
import { toolsFakes, toolsPolicy } from './toolsFakes';

const starterPolicy = path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml');

/** An installed AI chat extension the policy does not list, as many developers have. */
const fakeChat = {
  publisher: 'fake-ai',
  name: 'chat-helper',
  displayName: 'Fake AI Chat Helper',
  manifest: { categories: ['AI', 'Chat'], description: 'A stand-in AI chat assistant.' },
};

export const runs: HostRun[] = [
  {
    name: 'trusted',
    fixture: 'basic',
    gitInit: true,
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': starterPolicy },
    userSettings: { 'aiPolicy.scan.maxFileSizeMB': 2 },
    fakeExtensions: [fakeChat],
    suites: ['smoke'],
  },
  {
    name: 'untrusted',
    fixture: 'basic',
    trusted: false,
    machineSettings: { 'aiPolicy.policySource': starterPolicy },
    suites: ['smoke'],
  },
  {
    name: 'tools',
    fixture: 'tools-ws',
    gitInit: true,
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': toolsPolicy },
    fakeExtensions: toolsFakes,
    suites: ['tools'],
    timeoutMs: 300_000,
  },
  {
    name: 'tools-untrusted',
    fixture: 'tools-ws',
    trusted: false,
    machineSettings: { 'aiPolicy.policySource': toolsPolicy },
    fakeExtensions: toolsFakes,
    suites: ['tools'],
    timeoutMs: 300_000,
  },
];
