// The host test runs. Each run opens one VS Code session (fresh profile, a copy of a fixture workspace)
// and runs the listed suites inside its extension host.
//
// To add a suite: write test/host/suites/<area>.test.ts (mocha bdd, `import * as vscode from 'vscode'`)
// and add '<area>' to `suites` of every run whose workspace state it needs.
// To add a run: append an object below. Fields (see HostRun in test/harness/hostRun.ts): name, fixture
// (folder under test/host/fixtures), gitInit, trusted, machineSettings, userSettings, fakeExtensions
// (see FakeExtension in test/harness/fakeExtension.ts), locale, env, suites, timeoutMs.
// Inside a suite, hostContext() (test/host/context.ts) returns the run's settings, trust and workspace folder.
// Run only some runs: AI_POLICY_HOST_RUNS=trusted,untrusted npm run test:host
import * as path from 'node:path';
import type { HostRun } from '../harness/hostRun';
import { repoRoot } from '../harness/workspaceSetup';
import { toolsFakes, toolsPolicy } from './toolsFakes';
import { exposureAssistant, exposureClearedPolicy, exposurePolicy } from './exposureFakes';
import { writeExceptionsPolicy } from './exceptionsFakes';
import { exceptionsFlow, writeExceptionsFlow } from './exceptionsFlowFakes';

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
    // The editor in German: the extension's German bundles load and every message it shows is translated.
    name: 'german',
    fixture: 'basic',
    trusted: true,
    locale: 'de',
    machineSettings: { 'aiPolicy.policySource': starterPolicy },
    suites: ['l10n'],
  },
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
    suites: ['smoke', 'messages'],
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
  {
    name: 'audit',
    fixture: 'audit-ws',
    gitInit: true,
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': starterPolicy },
    // An AI tool that activates and that the policy does not list: opening a secret file is an exposure.
    fakeExtensions: [
      {
        publisher: 'fake-ai',
        name: 'active-helper',
        displayName: 'Fake Active AI Helper',
        manifest: { categories: ['AI'], activationEvents: ['onStartupFinished'], capabilities: { untrustedWorkspaces: { supported: true } } },
        main: 'exports.activate = () => {};',
      },
    ],
    // The suite starts the reference server with this Node (better-sqlite3 is built for it) and this token.
    env: { AI_POLICY_AUDIT_TOKEN: 'host-audit-token', AI_POLICY_NODE: process.execPath },
    suites: ['audit'],
    timeoutMs: 240_000,
  },
  {
    name: 'exposure',
    fixture: 'exposure',
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': exposurePolicy },
    fakeExtensions: [exposureAssistant],
    env: { EXPOSURE_EXPECT: 'exposed' },
    suites: ['exposure', 'exposureLarge'],
    timeoutMs: 240_000,
  },
  {
    name: 'exposure-cleared',
    fixture: 'exposure',
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': exposureClearedPolicy },
    fakeExtensions: [exposureAssistant],
    env: { EXPOSURE_EXPECT: 'cleared' },
    suites: ['exposure'],
  },
  {
    // The suite serves the policy itself on 127.0.0.1 and points the (user-level) source setting at it.
    name: 'policy',
    fixture: 'basic',
    trusted: true,
    suites: ['policy', 'messages', 'policySource'],
    timeoutMs: 240_000,
  },
  {
    // Agent hooks and the managed configuration: folders under a temporary home, injected through the test hooks.
    name: 'agents',
    fixture: 'exposure',
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': exposurePolicy },
    fakeExtensions: [exposureAssistant],
    env: { AI_POLICY_NODE: process.execPath },
    suites: ['agents', 'enforcement'],
  },
  {
    name: 'exposure-untrusted',
    fixture: 'exposure',
    trusted: false,
    machineSettings: { 'aiPolicy.policySource': exposurePolicy },
    fakeExtensions: [exposureAssistant],
    env: { EXPOSURE_EXPECT: 'exposed' },
    suites: ['exposure'],
  },
  {
    // Exception requests: the dialog, the event, the pending list and its clearing by the policy.
    name: 'exceptions',
    fixture: 'basic',
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': writeExceptionsPolicy() },
    suites: ['exceptions'],
  },
  {
    // Exceptions end to end: the denial, the request to the real reference server, the approval in its review
    // queue, `ai-policy exceptions pull` and `sign`, the signed v2 in the editor and the real hook bundle, and
    // the denial again once the exception ends (the clocks moved by the test seams only).
    name: 'exceptions-flow',
    fixture: 'exceptions-ws',
    trusted: true,
    machineSettings: { 'aiPolicy.policySource': exceptionsFlow.policy, 'aiPolicy.publicKey': writeExceptionsFlow() },
    // The server and the hook run with this Node (better-sqlite3 is built for it); git names the developer.
    env: { AI_POLICY_AUDIT_TOKEN: 'host-flow-ingest-token', AI_POLICY_NODE: process.execPath, GIT_CONFIG_GLOBAL: exceptionsFlow.gitConfig },
    suites: ['exceptionsFlow'],
    timeoutMs: 300_000,
  },
];
