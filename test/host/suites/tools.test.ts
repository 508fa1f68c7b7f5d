// The tools area inside a real VS Code: fake AI extensions classified, status bar, tools view, live updates,
// disclosure in the Git commit box and ignore files.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { TestHooks, ToolsState } from '../../../src/extension';
import { hostContext } from '../context';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';

let hooks: TestHooks;
const state = async (): Promise<ToolsState> => hooks.toolsState();
const statusOf = (s: ToolsState, id: string) => s.items.find((i) => i.id === id)?.status;


describe('tools', function () {
  this.timeout(60_000);
  const ctx = hostContext();
  /** Audit events recorded while the suite runs (observed on their way to the real recorder). */
  const events: { type: string; data: Record<string, unknown> }[] = [];
  let recording: vscode.Disposable | undefined;

  before(async () => {
    hooks = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    recording = hooks.onDidRecordAudit((e) => events.push({ type: e.type, data: { ...e.data } }));
    await waitFor('the policy to load', () => !!hooks.services.policy.current);
    await waitFor('the fake extensions in the inventory', async () => (await state()).items.some((i) => i.id === 'fake-ai.banned-bot'));
  });

  after(() => recording?.dispose());

  it('classifies the fake extensions: catalog id approved, AI category unlisted, policy-prohibited', async () => {
    const s = await state();
    assert.equal(statusOf(s, 'saoudrizwan.claude-dev'), 'approved', s.items.map((i) => i.id).join(', '));
    assert.equal(statusOf(s, 'fake-ai.chat-helper'), 'unlisted');
    assert.equal(statusOf(s, 'fake-ai.banned-bot'), 'prohibited');
    assert.equal(statusOf(s, 'vscode.chat'), 'approved');
    assert.equal(s.items.find((i) => i.id === 'saoudrizwan.claude-dev')?.owner, 'Sam Ortiz <sam.ortiz@example.com>');
    assert.match(s.items.find((i) => i.id === 'fake-ai.chat-helper')!.reasons.join(' '), /category "AI" and "Chat"/);
    assert.ok(!s.items.some((i) => i.id === EXTENSION_ID), 'the policy extension is not an AI tool');
    assert.equal(s.items.find((i) => i.id === 'saoudrizwan.claude-dev')?.active, true);
  });

  it('reads the workspace mcp.json only when trusted and compares it with the policy', async () => {
    const s = await state();
    if (!ctx.trusted) return assert.ok(!s.items.some((i) => i.id === 'mcp:local-notes'));
    assert.equal(statusOf(s, 'mcp:local-notes'), 'approved');
    assert.equal(statusOf(s, 'mcp:weather'), 'unlisted');
  });

  it('shows the state on the status bar and groups the view by status', async () => {
    const s = await state();
    assert.equal(s.statusText, '$(error) AI: prohibited');
    assert.match(s.tooltip, /\| Banned Bot \| prohibited \| Dana Whitfield/);
    const notApproved = s.items.filter((i) => i.enabled && (['prohibited', 'restricted'].includes(i.status) || (i.status === 'unlisted' && i.kind !== 'ai-feature')));
    assert.ok(notApproved.length >= 2, 'the prohibited and the unlisted fake extensions');
    assert.equal(s.badge, notApproved.length, 'the view badge counts what the status bar counts');
    const groups = s.view.map((g) => g.status);
    assert.deepEqual(groups.filter((g) => ['prohibited', 'unlisted', 'approved'].includes(g)), ['prohibited', 'unlisted', 'approved']);
    const prohibited = s.view.find((g) => g.status === 'prohibited')!;
    assert.deepEqual(prohibited.tools.map((t) => t.id), ['fake-ai.banned-bot']);
    assert.match(prohibited.tools[0].description, /^1\.0\.0 · Dana Whitfield/);
  });

  it('warns once per session about each prohibited or unlisted tool', async () => {
    await waitFor('warnings', async () => (await state()).warned.includes('fake-ai.banned-bot'));
    const s = await state();
    assert.ok(s.warned.includes('fake-ai.chat-helper'));
    assert.ok(!s.warned.includes('saoudrizwan.claude-dev'));
    await vscode.commands.executeCommand('aiPolicy.refreshTools');
    assert.equal((await state()).warned.filter((w) => w === 'fake-ai.banned-bot').length, 1);
  });

  it('copies the access request address of the tool, else a mail to the policy contact', async () => {
    await vscode.commands.executeCommand('aiPolicy.copyAccessRequest', 'fake-ai.banned-bot');
    assert.equal(await vscode.env.clipboard.readText(), 'https://it.example.com/request/ai');
    // The tools view passes its node; an unlisted tool has no address of its own.
    const chat = (await state()).items.find((i) => i.id === 'fake-ai.chat-helper');
    assert.ok(chat);
    await vscode.commands.executeCommand('aiPolicy.copyAccessRequest', { tool: chat });
    assert.equal(await vscode.env.clipboard.readText(), 'mailto:ai-policy@example.com?subject=AI%20tool%20access%20request%3A%20Fake%20AI%20Chat%20Helper');
  });

  it('opens the policy viewer at the tool', async () => {
    const viewers = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aiPolicy.viewer'));
    assert.equal(viewers().length, 0);
    await vscode.commands.executeCommand('aiPolicy.openToolPolicy', 'fake-ai.banned-bot');
    await waitFor('the viewer tab', () => viewers().length === 1);
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(active?.input instanceof vscode.TabInputWebview && active.input.viewType.endsWith('aiPolicy.viewer'), active?.label);
    assert.equal(active.label, 'AI Tool Policy');
    await vscode.commands.executeCommand('aiPolicy.openToolPolicy', 'fake-ai.chat-helper');
    assert.equal(viewers().length, 1, 'the same panel, at the tools section');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('the viewer to close', () => viewers().length === 0);
  });

  it('updates when an extension is removed and when one is installed', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('workbench.extensions.uninstallExtension', 'fake-ai.banned-bot');
    await waitFor('the prohibited tool to leave the inventory', async () => !(await state()).items.some((i) => i.id === 'fake-ai.banned-bot'), 30_000);
    let s = await state();
    assert.match(s.statusText, /^\$\(warning\) AI: \d+ unapproved$/);
    assert.ok(!s.view.some((g) => g.status === 'prohibited'));

    const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'late-helper-'));
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'late-helper', publisher: 'fake-ai', version: '1.0.0', displayName: 'Late Helper', description: 'An AI coding assistant powered by a large language model.', categories: ['Other'], engines: { vscode: '^1.90.0' }, license: 'MIT' }),
    );
    fs.writeFileSync(path.join(dir, 'README.md'), '# Late Helper\n');
    fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
    const vsix = path.join(dir, 'late-helper.vsix');
    await promisify(execFile)(process.execPath, [path.join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--out', vsix, '--skip-license', '--allow-missing-repository'], { cwd: dir });
    await vscode.commands.executeCommand('workbench.extensions.installExtension', vscode.Uri.file(vsix));
    await waitFor('the installed tool in the inventory', async () => (await state()).items.some((i) => i.id === 'fake-ai.late-helper'), 30_000);
    s = await state();
    assert.equal(statusOf(s, 'fake-ai.late-helper'), 'unlisted');
    const of = (type: string) => events.filter((e) => e.type === type).map((e) => e.data.id);
    assert.ok(of('tool.removed').includes('fake-ai.banned-bot'), JSON.stringify(events.map((e) => e.type)));
    assert.ok(of('tool.added').includes('fake-ai.late-helper'));
    const inventory = events.filter((e) => e.type === 'inventory').pop();
    assert.equal(inventory?.data.reason, 'change');
    assert.doesNotMatch(JSON.stringify(events), /\/work|\/tmp|notes-mcp|weather\.js/, 'no paths or commands in audit events');
    assert.ok(s.view.find((g) => g.status === 'unlisted')!.tools.some((t) => t.id === 'fake-ai.late-helper'));
  });

  it('follows mcp.json edits', async function () {
    if (!ctx.trusted || !ctx.workspaceDir) this.skip();
    const file = path.join(ctx.workspaceDir!, '.vscode', 'mcp.json');
    fs.writeFileSync(file, JSON.stringify({ servers: { shell: { command: 'mcp-shell' } } }));
    await waitFor('the edited mcp.json', async () => statusOf(await state(), 'mcp:shell') === 'prohibited');
    assert.equal(statusOf(await state(), 'mcp:weather'), undefined);
  });

  it('adds the disclosure trailer to the Git commit box once', async function () {
    if (!ctx.gitInit || !ctx.trusted) this.skip();
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: { inputBox: { value: string } }[] } }>('vscode.git')!;
    const api = (await git.activate()).getAPI(1);
    await waitFor('the git repository', () => api.repositories.length > 0);
    api.repositories[0].inputBox.value = 'Add parser';
    await vscode.commands.executeCommand('aiPolicy.addDisclosure');
    const once = api.repositories[0].inputBox.value;
    assert.match(once, /^Add parser\n\nAssisted-by: .*Cline/);
    assert.match(once, /VS Code built-in chat/);
    await vscode.commands.executeCommand('aiPolicy.addDisclosure');
    assert.equal(api.repositories[0].inputBox.value, once);
    assert.equal(events.filter((e) => e.type === 'disclosure.added').length, 1);
  });

  it('writes ignore files into trusted workspaces only', async () => {
    const written = await vscode.commands.executeCommand<string[] | undefined>('aiPolicy.writeIgnoreFiles', ['aiexclude', 'continueignore']);
    const file = ctx.workspaceDir ? path.join(ctx.workspaceDir, '.aiexclude') : '';
    if (!ctx.trusted) {
      assert.equal(written, undefined);
      return assert.equal(fs.existsSync(file), false);
    }
    assert.deepEqual(written, ['.aiexclude', '.continueignore']);
    assert.match(fs.readFileSync(file, 'utf8'), /^\.env$/m);
    assert.deepEqual(await vscode.commands.executeCommand('aiPolicy.writeIgnoreFiles', ['aiexclude']), [], 'unchanged files are not rewritten');
  });

  it('counts the days an AI extension was active while the developer edited, and sends them with the inventory', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: '', language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'typed by the developer\n'));
    const today = new Date().toISOString().slice(0, 10);
    type Tool = { id: string; activeDays?: string[] };
    const withDays = () =>
      events.filter((e) => e.type === 'inventory' && (e.data.tools as Tool[]).some((t) => t.id === 'saoudrizwan.claude-dev' && t.activeDays?.includes(today)));
    const activity = (hooks.services.inventory as unknown as { activity: { daysOf(id: string): string[] | undefined } }).activity;
    await waitFor('an inventory with the active days', () => withDays().length > 0).catch((e: Error) => {
      const item = hooks.services.inventory.items.find((t) => t.id === 'saoudrizwan.claude-dev');
      const seen = { item: item && { source: item.source, enabled: item.enabled }, isActive: vscode.extensions.getExtension('saoudrizwan.claude-dev')?.isActive, days: activity.daysOf('saoudrizwan.claude-dev'), inventories: events.filter((x) => x.type === 'inventory').map((x) => x.data.reason) };
      throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
    });
    const inventory = withDays()[0];
    assert.equal(inventory.data.reason, 'activity', 'the first edit of the day sends the inventory at once');
    const tools = inventory.data.tools as Tool[];
    assert.deepEqual(tools.find((t) => t.id === 'saoudrizwan.claude-dev')?.activeDays, [today]);
    // Installed but never activated: not active while editing.
    assert.equal(tools.find((t) => t.id === 'fake-ai.chat-helper')?.activeDays, undefined);
    assert.ok(tools.filter((t) => t.activeDays).every((t) => vscode.extensions.getExtension(t.id)?.isActive), 'only activated extensions');
    // Another edit the same day adds nothing and sends no further inventory.
    const before = events.filter((e) => e.type === 'inventory' && e.data.reason === 'activity').length;
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'more\n'));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(events.filter((e) => e.type === 'inventory' && e.data.reason === 'activity').length, before);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
