// Sensitive data inside a real VS Code: diagnostics with masked values, one exposure alert per file, and
// nothing exposed when the active tools are cleared. EXPOSURE_EXPECT (set by the run) is `exposed` or `cleared`.
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExposureState, TestHooks } from '../../../src/extension';
import type { ExposureEvaluation } from '../../../src/editor/exposure/exposureWatcher';
import { hostContext } from '../context';
import { waitFor } from '../wait';
import { plantedKey } from '../exposureFakes';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';
const ASSISTANT = 'fake-ai.exposure-assistant';

describe('exposure', function () {
  this.timeout(60_000);
  const ctx = hostContext();
  const expectExposed = process.env.EXPOSURE_EXPECT !== 'cleared';
  /** Audit events and exposure evaluations while the suite runs, as the extension emits them. */
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const evaluations: ExposureEvaluation[] = [];
  const listeners: vscode.Disposable[] = [];
  let api: TestHooks;
  const state = async (): Promise<ExposureState> => api.exposureState();
  const rel = ['.env', 'src/settings.ts'];
  /** The first evaluation (after `from`) that covered `path` at `version` or later. */
  const evaluatedAt = (from: number, path: string, version = 0) =>
    evaluations.slice(from).find((e) => e.documents.some((d) => d.uri === path && d.version >= version));

  before(async () => {
    api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    listeners.push(
      api.onDidRecordAudit((e) => events.push({ type: e.type, data: { ...e.data } })),
      api.onDidEvaluateExposure((e) => evaluations.push(e)),
    );
    await waitFor('the policy to load', () => !!api.services.policy.current);
    await waitFor('the fake assistant to be active', () => api.services.inventory.activeTools().some((t) => t.id === ASSISTANT));
    fs.writeFileSync(path.join(ctx.workspaceDir!, 'src', 'settings.ts'), `export const region = 'eu-west-1';\nexport const accessKeyId = '${plantedKey()}';\n`);
    for (const r of rel) {
      const doc = await vscode.workspace.openTextDocument(path.join(ctx.workspaceDir!, r));
      await vscode.window.showTextDocument(doc, { preview: false });
    }
  });

  after(() => listeners.forEach((l) => l.dispose()));

  it('shows diagnostics on the matched ranges, masked, with the data class', async () => {
    await waitFor('diagnostics for both files', async () => {
      const paths = (await state()).diagnostics.map((d) => d.path);
      return rel.every((r) => paths.includes(r));
    });
    const s = await state();
    const settings = s.diagnostics.find((d) => d.path === 'src/settings.ts');
    const env = s.diagnostics.find((d) => d.path === '.env');
    assert.ok(settings && env, JSON.stringify(s.diagnostics));
    const key = settings.items.find((i) => i.code === 'aws-access-key-id');
    assert.ok(key, JSON.stringify(settings.items));
    assert.equal(key.line, 1);
    // The code links to the rule's row in the shipped docs/rules.md.
    const target = vscode.Uri.parse(key.target ?? '');
    assert.match(target.path, /\/docs\/rules\.md$/, String(key.target));
    const row = fs.readFileSync(target.fsPath, 'utf8').split('\n')[Number(/^L(\d+)$/.exec(target.fragment)?.[1]) - 1] ?? '';
    assert.ok(row.includes('id="aws-access-key-id"'), row);
    assert.match(key.message, /AWS access key ID \(AKIA\*{4}…M2\)/);
    assert.match(key.message, /data class "secret"/);
    assert.ok(!JSON.stringify(s).includes(plantedKey()), 'the secret itself never appears');
    assert.ok(env.items.some((i) => i.code === 'path-dotenv' && i.line === 0));
    const tools = /Active AI tools not cleared for it: ([^.]*)\./.exec(key.message)?.[1] ?? '';
    if (expectExposed) {
      assert.match(tools, /Exposure Test Assistant/);
      assert.equal(key.severity, vscode.DiagnosticSeverity.Warning);
    } else {
      assert.equal(tools, '');
      assert.equal(key.severity, vscode.DiagnosticSeverity.Information);
    }
  });

  it(expectExposed ? 'alerts once per file and records exposure events without content' : 'reports no exposure when the tools are cleared', async () => {
    if (!expectExposed) {
      // One evaluation that saw both files shown and scanned: it found nothing to alert about.
      await waitFor('an evaluation of both open files', () => evaluations.some((e) => rel.every((r) => e.documents.some((d) => d.uri === r))));
      const s = await state();
      assert.deepEqual(s.exposed, []);
      assert.deepEqual(s.alerted, []);
      assert.equal(events.filter((e) => e.type === 'exposure').length, 0);
      return;
    }
    await waitFor('two exposure events', () => events.filter((e) => e.type === 'exposure').length >= 2);
    // Typing in the file must not alert again.
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.endsWith('settings.ts'))!;
    const mark = evaluations.length;
    for (let i = 0; i < 3; i++) await editor.edit((b) => b.insert(new vscode.Position(0, 0), `// edit ${i}\n`));
    // The re-scan of the edited text has been evaluated: had it alerted again, the event would be there.
    await waitFor('the evaluation after the edits', () => evaluatedAt(mark, 'src/settings.ts', editor.document.version));
    const exposure = events.filter((e) => e.type === 'exposure');
    assert.equal(exposure.length, 2, JSON.stringify(exposure));
    // The policy has a pseudonymization key, so the path hash is an HMAC with it, not a guessable sha256.
    const key = api.services.policy.current?.policy.audit?.pseudonymize?.hmacKey;
    assert.ok(key, 'the exposure policy sets audit.pseudonymize.hmacKey');
    const hmac = (r: string) => createHmac('sha256', key).update(r).digest('hex');
    assert.deepEqual(exposure.map((e) => e.data.pathHash).sort(), rel.map(hmac).sort());
    assert.ok(!exposure.some((e) => e.data.pathHash === createHash('sha256').update('.env').digest('hex')));
    const settings = exposure.find((e) => e.data.pathHash === hmac('src/settings.ts'))!;
    assert.deepEqual(settings.data.classes, ['secret']);
    assert.ok((settings.data.rules as string[]).includes('aws-access-key-id'));
    // Tools travel as ids (what the server keys on), their display names beside them.
    assert.ok((settings.data.tools as string[]).includes('fake-ai.exposure-assistant'), JSON.stringify(settings.data));
    assert.ok((settings.data.toolNames as string[]).includes('Exposure Test Assistant'), JSON.stringify(settings.data));
    const raw = JSON.stringify(exposure);
    assert.ok(!raw.includes('settings.ts') && !raw.includes(plantedKey()), raw);
    const s = await state();
    assert.deepEqual(s.exposed.map((e) => e.uri).sort(), ['.env', 'src/settings.ts']);
    assert.deepEqual(api.services.exposure.exposed.map((e) => e.uri).sort(), ['.env', 'src/settings.ts']);
    // After the edits the diagnostic still sits on the key, now three lines further down.
    await waitFor('the re-scan after the edits', async () => (await state()).diagnostics.find((d) => d.path === 'src/settings.ts')?.items.some((i) => i.code === 'aws-access-key-id' && i.line === 4) ?? false);
  });

  it('offers the quick fixes on the finding', async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath.endsWith('settings.ts'))!;
    const line = doc.getText().split('\n').findIndex((l) => l.includes('accessKeyId'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(line, 30, line, 31));
    const titles = actions.map((a) => a.title);
    // Best first: revoke and rotate, take the value out, keep AI tools away, the policy, and allowing last.
    const order = [/^How to revoke and rotate AWS keys$/, /^Replace with an environment variable reference \(ACCESS_KEY_ID\)$/, /ignore files/, /policy/, /ai-policy:allow/];
    // (Other providers' actions, such as the language's refactorings, follow ours.)
    assert.ok(titles.length >= order.length, JSON.stringify(titles));
    order.forEach((re, i) => assert.match(titles[i], re, JSON.stringify(titles)));
    assert.match(actions[0].command?.command ?? '', /^(vscode|_workbench)\.open$/, 'opens the provider page');
    const allow = actions.find((a) => /ai-policy:allow/.test(a.title))!;
    await vscode.workspace.applyEdit(allow.edit!);
    assert.match(doc.lineAt(line).text, /\/\/ ai-policy:allow aws-access-key-id$/);
    await waitFor('the allowed finding to disappear', async () => !(await state()).diagnostics.find((d) => d.path === 'src/settings.ts')?.items.some((i) => i.code === 'aws-access-key-id'));
  });

  it('scans the whole workspace into the Problems panel', async () => {
    fs.writeFileSync(path.join(ctx.workspaceDir!, 'src', 'closed.py'), `ACCESS_KEY = "${plantedKey()}"\n`);
    const r = await vscode.commands.executeCommand<{ files: number; findings: number }>('aiPolicy.scanWorkspace');
    assert.ok(r && r.files >= 4, JSON.stringify(r));
    const closed = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(ctx.workspaceDir!, 'src', 'closed.py')));
    assert.equal(closed.length, 1, JSON.stringify(closed));
    const code = closed[0].code;
    assert.ok(typeof code === 'object', 'the workspace scan links the code to the rule documentation too');
    assert.equal(code.value, 'aws-access-key-id');
    assert.match(code.target.fragment, /^L\d+$/);
    assert.equal(closed[0].range.start.line, 0);
    assert.ok(!closed[0].message.includes(plantedKey()));
    // Opened afterwards, the file shows the live diagnostic only, not a second copy from the workspace scan.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(ctx.workspaceDir!, 'src', 'closed.py')), { preview: false });
    await waitFor('one live diagnostic on the opened file', async () => {
      const ds = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(ctx.workspaceDir!, 'src', 'closed.py')));
      return ds.length === 1 && (await state()).diagnostics.some((d) => d.path === 'src/closed.py');
    });
  });

  it('a customer CSV is one Problems entry per row and one file-level entry, each row listing its kinds', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Customer ${i},customer${i}.martin@acme-corp.io,phone +44 20 7946 ${String(958 + i).padStart(4, '0')},4111 1111 1111 1111`);
    fs.mkdirSync(path.join(ctx.workspaceDir!, 'exports'), { recursive: true });
    const file = path.join(ctx.workspaceDir!, 'exports', 'customers_export.csv');
    fs.writeFileSync(file, ['name,email,phone,card', ...rows].join('\n') + '\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
    const ds = await waitFor('the CSV\'s diagnostics', () => {
      const d = vscode.languages.getDiagnostics(vscode.Uri.file(file));
      return d.length ? d : undefined;
    });
    assert.equal(ds.length, 9, ds.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    assert.equal(ds.filter((d) => d.range.start.line === 0).length, 1, 'one file-level entry');
    for (let line = 1; line <= 8; line++) {
      const on = ds.filter((d) => d.range.start.line === line);
      assert.equal(on.length, 1, `line ${line}`);
      assert.match(on[0].message, /E-mail address, Phone number, Payment card number/);
    }
  });

  it(ctx.trusted ? 'adds the file to an AI ignore file' : 'writes no ignore file in Restricted Mode', async () => {
    const uri = vscode.Uri.file(path.join(ctx.workspaceDir!, 'src', 'settings.ts'));
    const changed = await vscode.commands.executeCommand<string[]>('aiPolicy.addToIgnoreFiles', uri, ['cursorignore']);
    const file = path.join(ctx.workspaceDir!, '.cursorignore');
    if (ctx.trusted) {
      assert.deepEqual(changed, ['.cursorignore']);
      assert.match(fs.readFileSync(file, 'utf8'), /^\/src\/settings\.ts$/m);
      assert.deepEqual(await vscode.commands.executeCommand<string[]>('aiPolicy.addToIgnoreFiles', uri, ['cursorignore']), [], 'not added twice');
    } else {
      assert.deepEqual(changed, []);
      assert.ok(!fs.existsSync(file));
    }
  });
});
