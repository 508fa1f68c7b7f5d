// The agent hooks as a person meets them: Claude Code is on this machine (its ~/.claude folder in the
// session's home) beside VS Code's own agent mode; the exposure warning says they are not yet blocked and
// offers "Install Agent Hooks", and following that installs the hook into ~/.claude/settings.json and
// ~/.copilot/hooks, whose command then refuses to read .env.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { exposureAssistant, exposurePolicy, plantedKey } from '../host/exposureFakes';
import { Workbench } from './workbench';

const OFFER = 'AI agents on this machine (Claude Code, VS Code agent) can read files the policy protects';

describe('agent hooks UI', function () {
  this.timeout(120_000);
  let wb: Workbench;
  let root: string;
  let home: string;
  let state: string;

  /** A notification in the centre (toasts hide before a check looks), once it shows. */
  async function notification(text: string): Promise<Locator> {
    await wb.notifications();
    const item = wb.page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
    await item.waitFor({ timeout: 60_000 });
    return item;
  }

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-agents-'));
    home = path.join(root, 'home');
    state = path.join(root, 'state');
    fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
    // Claude Code's settings with a hook of the user's own, which the install must keep.
    fs.writeFileSync(path.join(home, '.claude', 'settings.json'), JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'echo mine' }] }] } }, null, 2));
    wb = await Workbench.open({
      name: 'agents',
      fixture: 'exposure',
      machineSettings: { 'aiPolicy.policySource': exposurePolicy },
      fakeExtensions: [exposureAssistant],
      env: { HOME: home, XDG_STATE_HOME: state },
    });
    fs.writeFileSync(path.join(wb.session.workspaceDir!, 'src', 'settings.ts'), `export const accessKeyId = '${plantedKey()}';\n`);
  });
  after(async () => {
    await wb?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('offers once to install the hook into the agent it found, and "Not Now" leaves the file alone', async () => {
    const offer = await notification(OFFER);
    for (const button of ['Install Agent Hooks', 'Not Now']) assert.equal(await offer.locator('.monaco-button', { hasText: button }).count(), 1, button);
    await wb.screenshot('agents-offer');
    await offer.locator('.monaco-button', { hasText: 'Not Now' }).click();
    assert.doesNotMatch(fs.readFileSync(path.join(home, '.claude', 'settings.json'), 'utf8'), /hook\.js/);
  });

  it('the exposure warning says the agents are not yet blocked and offers "Install Agent Hooks"', async () => {
    await wb.openFile('src/settings.ts');
    const alert = await notification('holds secret data');
    const text = (await alert.locator('.notification-list-item-message').innerText()).replace(/\s+/g, ' ');
    assert.match(text, /src\/settings\.ts holds secret data, and active AI tools are not cleared for it: .*Exposure Test Assistant.*\. Not yet blocked for agents: Claude Code, VS Code agent\./);
    // VS Code's chat (cleared for code only) attaches the open file unless chat.implicitContext.enabled says never.
    assert.match(text, /The editor's chat attaches this file on its own while it is open\. Not stopped: attaching or selecting it in a chat, or an AI fix on its lines\./);
    for (const button of ['Show Problems', 'Add to AI Ignore Files', 'Install Agent Hooks']) assert.equal(await alert.locator('.monaco-button', { hasText: button }).count(), 1, button);
    await wb.screenshot('agents-exposure-warning');
  });

  it('"Install Agent Hooks" asks, then installs beside the user\'s own hook, and the hook refuses .env', async () => {
    const alert = await notification('holds secret data');
    await alert.locator('.monaco-button', { hasText: 'Install Agent Hooks' }).click();
    // A trusted workspace: the command asks for the scope first.
    const widget = wb.page.locator('.quick-input-widget');
    await widget.locator('.monaco-list-row', { hasText: 'For my user (every project)' }).first().click({ timeout: 30_000 });
    const confirm = await notification(OFFER);
    await confirm.locator('.monaco-button', { hasText: 'Install Agent Hooks' }).click();

    const file = path.join(home, '.claude', 'settings.json');
    const deadline = Date.now() + 30_000;
    while (!fs.readFileSync(file, 'utf8').includes('hook.js') && Date.now() < deadline) await wb.page.waitForTimeout(250);
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    const commands = Object.values(settings.hooks).flatMap((groups) => groups.flatMap((g) => g.hooks.map((h) => h.command)));
    assert.ok(commands.includes('echo mine'), commands.join(' | '));
    const ours = commands.filter((c) => c.includes('hook.js'));
    assert.equal(ours.length, 3, `PreToolUse, UserPromptSubmit and PostToolUse: ${commands.join(' | ')}`);
    assert.ok(ours[0].includes(path.join(state, 'ai-tool-policy', 'hook.js')), `the stable copy in the state folder: ${ours[0]}`);
    assert.ok(fs.existsSync(`${file}.bak`), 'the previous settings kept as a backup');
    const vscodeHooks = JSON.parse(fs.readFileSync(path.join(home, '.copilot', 'hooks', 'ai-tool-policy-vscode.json'), 'utf8')) as { hooks: Record<string, { command: string }[]> };
    assert.deepEqual(Object.keys(vscodeHooks.hooks), ['PreToolUse', 'UserPromptSubmit', 'PostToolUse']);
    assert.match(vscodeHooks.hooks.PreToolUse[0].command, /hook\.js --harness vscode$/);

    // The command as Claude Code runs it, with the policy the editor mirrored.
    const ws = wb.session.workspaceDir!;
    const run = (file: string) =>
      spawnSync('sh', ['-c', ours[0]], {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, HOME: home, XDG_STATE_HOME: state },
        input: JSON.stringify({ session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: path.join(ws, file) }, tool_use_id: 't' }),
      });
    const denied = run('.env');
    assert.equal(denied.status, 0, denied.stderr);
    assert.equal((JSON.parse(denied.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision, 'deny');
    const allowed = run('src/app.ts');
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(allowed.stdout, '');
    await wb.screenshot('agents-installed');
  });
});
