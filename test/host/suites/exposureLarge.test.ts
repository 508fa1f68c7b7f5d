// A large file edited while its first scan is still running: the scan the edit cancels must not leave the
// rest of the file unscanned. The file is 4 MB (well above the 64 KiB from which edits re-scan only their
// region), with an access key on its last line; the edits go in at its top while the first scan runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { ExposureEvaluation } from '../../../src/editor/exposure/exposureWatcher';
import { hostContext } from '../context';
import { plantedKey } from '../exposureFakes';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';
const REL = 'src/large-generated.ts';
const EDITS = 8;

describe('exposure: a large file edited during its first scan', function () {
  this.timeout(120_000);
  const ctx = hostContext();
  const evaluations: ExposureEvaluation[] = [];
  const listeners: vscode.Disposable[] = [];
  let api: TestHooks;
  let file: string;
  let lines = 0;

  before(async () => {
    api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    listeners.push(api.onDidEvaluateExposure((e) => evaluations.push(e)));
    await waitFor('the policy to load', () => !!api.services.policy.current);
    // Build the scanner before the file is opened, so that opening it starts its first scan at once.
    assert.ok(await api.services.exposure.ensureScanner(), 'scanning is on');
    const body: string[] = [];
    // Rows full of the rules' keywords that match no rule: each costs the detector real work, so the first scan
    // of the file lasts long enough (seconds) for edits to arrive while it runs.
    const row = (i: number) => `export const token${i} = lookup('password', 'secret_key', 'api_key', 'AKIAlower${i}', 'ghp_short${i}', 'xoxb-${i}');`;
    for (let i = 0, size = 0; size < 4 * 1024 * 1024; i++) {
      const r = row(i);
      body.push(r);
      size += r.length + 1;
    }
    body.push(`export const accessKeyId = '${plantedKey()}';`);
    lines = body.length;
    file = path.join(ctx.workspaceDir!, REL);
    fs.writeFileSync(file, body.join('\n') + '\n');
  });

  after(async () => {
    listeners.forEach((l) => l.dispose());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
  });

  it('finds the key on the last line after edits at the top cancelled the first scan', async () => {
    const uri = vscode.Uri.file(file);
    const insertAtTop = (i: number) => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), `// note ${i}\n`);
      return vscode.workspace.applyEdit(edit);
    };
    // The first edit is sent as soon as the document opens, which is when its first scan starts.
    let first: Thenable<boolean> | undefined;
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() === uri.toString()) first ??= insertAtTop(0);
    });
    const doc = await vscode.workspace.openTextDocument(uri);
    sub.dispose();
    assert.ok(first, 'the document was opened by this test');
    assert.equal(await first, true);
    // A finished whole scan would have found the key: the edit came while the first scan was running.
    const hasKey = () => api.services.exposure.findings(uri).some((f) => f.ruleId === 'aws-access-key-id');
    assert.equal(hasKey(), false, 'the first edit came before the first scan ended');
    for (let i = 1; i < EDITS; i++) {
      await new Promise((r) => setTimeout(r, 40));
      assert.equal(await insertAtTop(i), true);
    }
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const keyLine = lines - 1 + EDITS;
    assert.ok(editor.document.lineAt(keyLine).text.includes('accessKeyId'));
    const found = await waitFor(
      'the key on the last line among the findings',
      () => api.exposureState().diagnostics.find((d) => d.path === REL)?.items.find((i) => i.code === 'aws-access-key-id'),
      60_000,
    );
    assert.equal(found.line, keyLine);
    const at = api.services.exposure.findings(doc.uri).find((f) => f.ruleId === 'aws-access-key-id');
    assert.ok(at, 'the finding is held for the document');
    assert.equal(editor.document.positionAt(at.start).line, keyLine);
  });
});
