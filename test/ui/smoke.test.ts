// The extension as a person sees it in the workbench, plus the UI helpers other checks rely on.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from '../harness/workspaceSetup';
import { POLICY_STATUS_ITEM, Workbench } from './workbench';

describe('workbench smoke', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open({
      name: 'smoke',
      fixture: path.join(repoRoot(), 'test', 'ui', 'fixtures', 'workbench'),
      machineSettings: { 'aiPolicy.policySource': path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml') },
    });
  });
  after(async () => wb?.close());

  it('shows the extension status bar item', async () => {
    const text = await wb.settledStatusItemText();
    assert.match(text, /AI/);
    const texts = await wb.statusBarTexts();
    assert.ok(texts.some((t) => /AI/.test(t)), `status bar texts: ${JSON.stringify(texts)}`);
    assert.equal(await wb.page.locator(POLICY_STATUS_ITEM).isVisible(), true);
    await wb.screenshot('smoke-status-bar');
  });

  it('reads a problem from the Problems panel', async () => {
    await wb.openFile('broken.json');
    const deadline = Date.now() + 30_000;
    let rows = await wb.problems();
    while (!rows.some((r) => r.includes('broken.json')) && Date.now() < deadline) {
      await wb.page.waitForTimeout(500);
      rows = await wb.problems();
    }
    assert.ok(rows.some((r) => r.includes('broken.json')), `Problems rows: ${JSON.stringify(rows)}`);
    await wb.screenshot('smoke-problems');
  });

  it('finds a webview by its content', async () => {
    await wb.openFile('README.md');
    await wb.runCommand('Markdown: Open Preview to the Side');
    const frame = await wb.webviewWithText('Opened by the UI checks.');
    assert.equal(await frame.locator('h1').first().innerText(), 'Sample workspace');
    await wb.screenshot('smoke-webview');
  });

  it('reads a notification the extension showed from the notification centre', async () => {
    // "Check for Policy Updates" answers with a notification naming the version in force (the starter's 1).
    await wb.runCommand('AI Policy: Check for Policy Updates');
    const expected = /latest AI tool policy, version 1\b/;
    const deadline = Date.now() + 30_000;
    let messages = await wb.notifications();
    while (!messages.some((m) => expected.test(m)) && Date.now() < deadline) {
      await wb.page.waitForTimeout(500);
      messages = await wb.notifications();
    }
    assert.ok(messages.some((m) => expected.test(m)), `notification centre: ${JSON.stringify(messages)}`);
    assert.equal(await wb.page.locator('.notifications-center').isVisible(), true);
  });
});
