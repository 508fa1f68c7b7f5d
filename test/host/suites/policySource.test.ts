// Pointing aiPolicy.policySource at a byte-identical copy of the policy in force, at another path or URL: the
// copy's source is adopted (the store and the viewer name it, rollback protection is keyed to it, its ETag
// is kept for conditional requests) and an unchanged copy is not parsed again at every refresh.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { LoadedPolicy } from '../../../src/core/policy';
import { buildViewerModel } from '../../../src/editor/policy/viewerModel';
import type { PolicyService } from '../../../src/editor/services';
import { PolicyServer } from '../policyServer';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';

describe('policy source: switching to a byte-identical copy', function () {
  this.timeout(60_000);
  const ext = vscode.extensions.getExtension<TestHooks>(EXTENSION_ID);
  const config = () => vscode.workspace.getConfiguration('aiPolicy');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-source-'));
  const first = path.join(dir, 'first', 'org.aipolicy.yaml');
  const copy = path.join(dir, 'copy', 'org.aipolicy.yaml');
  const server = new PolicyServer();
  let hooks: TestHooks;
  let store: PolicyService;
  let starter = '';
  const setSource = (source: string | undefined) => config().update('policySource', source, vscode.ConfigurationTarget.Global);

  before(async () => {
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    hooks = await ext.activate();
    store = hooks.services.policy;
    starter = readFileSync(path.join(ext.extensionPath, 'policy-samples', 'starter.aipolicy.yaml'), 'utf8');
    for (const f of [first, copy]) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(f)));
    }
    writeFileSync(first, starter);
    copyFileSync(first, copy);
    await setSource(first);
    await waitFor('the first file in force', () => store.current?.source === first);
  });

  after(async () => {
    await setSource(undefined);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adopts the copy at the new path: the store, its listeners and the viewer name the new source', async () => {
    const held = store.current!;
    const told: (LoadedPolicy | undefined)[] = [];
    const sub = store.onDidChange((p) => told.push(p));
    try {
      await setSource(copy);
      const now = await waitFor('the copy adopted as the source', () => store.current?.source === copy && store.current);
      assert.equal(now.hash, held.hash, 'the same bytes');
      assert.equal(now.policy.version, 1);
      assert.ok(told.some((p) => p?.source === copy), 'listeners (the viewer among them) are told of the new source');
      assert.deepEqual(store.problems, []);
      // What the viewer panel posts when it is told (viewerPanel.ts builds its model from the store the same way).
      const model = buildViewerModel({ loaded: store.current!, review: store.reviewState()!, ack: store.acknowledgementState()!, trainings: store.trainingStates(), problems: store.problems });
      assert.equal(model.source, copy);
    } finally {
      sub.dispose();
    }
  });

  it('does not parse the unchanged copy again at each refresh', async () => {
    const before = hooks.policyParses();
    await store.refresh();
    await store.refresh();
    await store.refresh();
    assert.equal(hooks.policyParses(), before);
    assert.equal(store.current?.source, copy);
  });

  it('keys rollback protection to the new source', async () => {
    const v2 = starter.replace('version: 1\n', 'version: 2\n');
    writeFileSync(copy, v2);
    await store.refresh();
    assert.equal(store.current?.policy.version, 2);
    writeFileSync(copy, starter);
    await store.refresh();
    assert.equal(store.problems[0]?.code, 'rollback', JSON.stringify(store.problems));
    assert.equal(store.current?.policy.version, 2, 'the newer version stays in force');
    writeFileSync(copy, v2);
    await store.refresh();
    assert.deepEqual(store.problems, []);
  });

  it('records the ETag of a URL serving the same bytes, and asks conditionally from then on', async () => {
    server.text = readFileSync(copy, 'utf8');
    const url = await server.start();
    const held = store.current!;
    await setSource(url);
    const now = await waitFor('the URL adopted as the source', () => store.current?.source === url && store.current);
    assert.equal(now.hash, held.hash);
    assert.match(now.etag ?? '', /^"[0-9a-f]{16}"$/, 'the ETag is recorded');
    const parses = hooks.policyParses();
    const before = server.notModified;
    await store.refresh();
    assert.equal(server.notModified, before + 1, 'the next refresh is a conditional request answered 304');
    assert.equal(hooks.policyParses(), parses);
    assert.equal(store.current?.source, url);
  });
});
