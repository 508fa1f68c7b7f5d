// The published policy inside a real VS Code: loading over http on loopback, refusals keeping the
// previous policy, the viewer, the acknowledgement prompt and event, and the walkthrough.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { PolicyStore } from '../../../src/editor/policy/policyStore';
import type { AuditService, PolicyService, Services } from '../../../src/editor/services';
import { generateSigningKeys, signPolicy } from '../../../src/core/policy';
import { PolicyServer } from '../policyServer';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';


function viewerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aiPolicy.viewer'));
}

describe('policy', function () {
  this.timeout(60_000);
  const ext = vscode.extensions.getExtension<TestHooks>(EXTENSION_ID);
  const starter = readFileSync(path.join(ext?.extensionPath ?? '', 'policy-samples', 'starter.aipolicy.yaml'), 'utf8');
  const v2 = starter.replace('version: 1\n', 'version: 2\n').replace('    dataClasses: [code]\n', '    dataClasses: [code, internal]\n');
  const server = new PolicyServer();
  let url = '';
  let store: PolicyService;
  let audit: AuditService;
  const config = () => vscode.workspace.getConfiguration('aiPolicy');
  let apiRef: Services | undefined;
  const api = () => apiRef!;
  const auditTypes = () => audit.snapshot().events.queued.map((e) => e.type as string);

  before(async () => {
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    const api = await ext.activate();
    apiRef = api.services;
    store = api.services.policy;
    audit = api.services.audit;
    server.text = starter;
    url = await server.start();
    await config().update('policySource', url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('policySource', undefined, vscode.ConfigurationTarget.Global);
    await config().update('publicKey', undefined, vscode.ConfigurationTarget.Global);
    await server.stop();
  });

  it('loads the policy from an http server on loopback and records policy.loaded', async () => {
    const loaded = await waitFor('the policy from the server', () => store.current?.source === url && store.current);
    assert.equal(loaded.policy.organization, 'Example Corp');
    assert.equal(loaded.policy.version, 1);
    assert.equal(loaded.signature, 'unsigned');
    assert.deepEqual(store.problems, []);
    await waitFor('the policy.loaded event', () => auditTypes().includes('policy.loaded'));
    assert.equal(store.reviewState()?.reviewOverdue, false);
  });

  it('keeps the previous policy when a broken one is published, and reports where', async () => {
    server.text = starter.replace('version: 1\n', 'version: 2\n').replace('    status: approved\n', '    status: approved\n    colour: blue\n');
    await store.refresh();
    assert.equal(store.current?.policy.version, 1, 'the last good policy stays');
    const p = store.problems[0];
    assert.equal(p?.code, 'unknown-key');
    const lines = server.text.split('\n');
    const line = lines.findIndex((l) => l.includes('colour')) + 1;
    assert.deepEqual({ line: p.line, col: p.col }, { line, col: 5 });
  });

  it('asks again for a new version after the previous one was acknowledged', async () => {
    await store.acknowledge();
    assert.equal(store.isAcknowledged(), true);
    server.text = v2;
    await store.refresh();
    assert.equal(store.current?.policy.version, 2);
    assert.deepEqual(store.problems, []);
    assert.equal(store.isAcknowledged(), false, 'a new version needs a new acknowledgement');
    const prompt = await waitFor('the acknowledgement prompt', () => {
      const p = store.developer.prompt();
      return p?.key.startsWith('2:') && p;
    });
    assert.equal(prompt.count, 1);
  });

  it('opens one viewer panel with the policy', async () => {
    await vscode.commands.executeCommand('aiPolicy.showPolicy');
    await waitFor('the viewer tab', () => viewerTabs().length === 1);
    await vscode.commands.executeCommand('aiPolicy.showPolicy', 'tool:github-copilot');
    assert.equal(viewerTabs().length, 1, 'showing it again (at a tool) reveals the same panel');
  });

  it('acknowledging stores the version and hash and emits policy.acknowledged', async () => {
    await vscode.commands.executeCommand('aiPolicy.acknowledge');
    assert.equal(store.isAcknowledged(), true);
    const ack = store.developer.acknowledgement();
    assert.equal(ack?.version, 2);
    assert.equal(ack?.hash, store.current?.hash);
    const event = await waitFor('the policy.acknowledged event', () => audit.snapshot().events.queued.find((e) => e.type === 'policy.acknowledged' && e.data.version === 2));
    assert.equal(event.data.hash, store.current?.hash);
  });

  it('records a training attestation as an audit event', async () => {
    assert.equal(store.trainingStates()[0]?.state, 'due');
    await store.completeTraining('ai-literacy');
    assert.equal(store.trainingStates()[0]?.state, 'complete');
    await waitFor('the training.completed event', () => audit.snapshot().events.queued.some((e) => e.type === 'training.completed'));
  });

  it('refuses a rollback to an older version', async () => {
    server.text = starter;
    await store.refresh();
    assert.equal(store.current?.policy.version, 2);
    assert.equal(store.problems[0]?.code, 'rollback');
  });

  const keys = generateSigningKeys();
  const newKeys = generateSigningKeys();
  /** Pins the key(s) and waits until the extension reads the new setting. */
  const pin = async (pem: string) => {
    await config().update('publicKey', pem, vscode.ConfigurationTarget.Global);
    await waitFor('the pinned key setting', () => api().config.values.publicKey === pem.trim());
  };

  it('with a key pinned, refuses an unsigned or tampered policy and accepts a signed one', async () => {
    const v3 = v2.replace('version: 2\n', 'version: 3\n');
    server.text = v3;
    server.signature = undefined;
    await config().update('publicKey', keys.publicKeyPem, vscode.ConfigurationTarget.Global);
    await waitFor('the unsigned refusal', () => store.problems[0]?.code === 'signature');
    assert.equal(store.current?.policy.version, 2);
    server.signature = signPolicy(v2, keys.privateKeyPem);
    await store.refresh();
    assert.match(store.problems[0]?.message ?? '', /does not match/);
    server.signature = signPolicy(v3, keys.privateKeyPem);
    await store.refresh();
    assert.equal(store.current?.policy.version, 3);
    assert.equal(store.current?.signature, 'valid');
  });

  it('rotates the signing key without locking anyone out: old and new key pinned together, then the new one', async () => {
    await pin(keys.publicKeyPem + newKeys.publicKeyPem);
    await store.refresh();
    assert.deepEqual(store.problems, [], 'version 3, signed with the old key, still holds');
    const v4 = v2.replace('version: 2\n', 'version: 4\n');
    server.text = v4;
    server.signature = signPolicy(v4, newKeys.privateKeyPem);
    await store.refresh();
    assert.equal(store.current?.policy.version, 4, 'signed with the new key');
    assert.equal(store.current?.signature, 'valid');
    await pin(newKeys.publicKeyPem);
    await store.refresh();
    assert.deepEqual(store.problems, []);
    // Pinning only a key that did not sign the policy in force is noticed at once, not hidden behind a 304.
    await pin(keys.publicKeyPem);
    await waitFor('the refusal under the old key alone', () => store.problems[0]?.code === 'signature');
    assert.equal(store.current?.policy.version, 4, 'the previous policy stays in force');
    await pin(newKeys.publicKeyPem);
    await waitFor('the policy verified again', () => store.problems.length === 0);
  });

  it('keeps the policy when the source becomes unreachable', async () => {
    await server.stop();
    await store.refresh();
    assert.equal(store.current?.policy.version, 4);
    assert.equal(store.problems[0]?.code, 'source');
  });

  it('starts offline from the cached last good policy', async () => {
    const api = await ext!.activate();
    const fresh = new PolicyStore(api.services.context, api.services.log, api.services.config, api.services.audit);
    try {
      await fresh.start();
      assert.equal(fresh.current?.policy.version, 4, 'the cached version is in force');
      assert.equal(fresh.current?.signature, 'valid', 'the cache is re-verified against the pinned key');
      assert.equal(fresh.problems[0]?.code, 'source', 'the unreachable source is reported');
    } finally {
      fresh.dispose();
    }
  });

  it('shows schema and lint problems in an open policy file, at their line', async () => {
    const dir = api().context.globalStorageUri.fsPath;
    const file = path.join(dir, 'draft.aipolicy.yaml');
    const draft = starter.replace('    status: approved\n', '    status: approved\n    colour: blue\n');
    writeFileSync(file, draft);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'AI Policy');
      return d.length > 0 && d;
    });
    const line = draft.split('\n').findIndex((l) => l.includes('colour'));
    assert.equal(diags[0].range.start.line, line);
    assert.equal(diags[0].range.start.character, 4);
    assert.match(diags[0].message, /unknown key "colour"/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('does not parse an oversized policy file on the extension host, and says why', async () => {
    const file = path.join(api().context.globalStorageUri.fsPath, 'huge.aipolicy.yaml');
    writeFileSync(file, starter + `# ${'x'.repeat(1024 * 1024)}\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    const diags = await waitFor('size diagnostic', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'AI Policy');
      return d.length > 0 && d;
    });
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'size');
    assert.match(diags[0].message, /more than the 1048576 bytes a policy may have/);
  });

  it('Open Policy Settings opens the Settings editor', async () => {
    await vscode.commands.executeCommand('aiPolicy.openPolicySettings');
    const tab = await waitFor('the Settings tab', () => {
      const t = vscode.window.tabGroups.activeTabGroup.activeTab;
      return t?.label === 'Settings' && t;
    });
    assert.equal(tab.isActive, true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('contributes the walkthrough', async () => {
    const walkthroughs = (ext?.packageJSON.contributes?.walkthroughs ?? []) as { id: string; steps: { id: string }[] }[];
    const w = walkthroughs.find((x) => x.id === 'aiPolicy.gettingStarted');
    assert.ok(w);
    assert.deepEqual(w.steps.map((s) => s.id), ['connect', 'read', 'acknowledge', 'training', 'tools']);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#aiPolicy.gettingStarted`, false);
  });
});
