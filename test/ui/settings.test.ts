// The extension's settings as the Settings editor shows them: under "AI Tool Policy" and its own headings,
// each with a plain label in the settings tree ("Policy Source", not "Ai Policy: Policy Source").
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from '../harness/workspaceSetup';
import { Workbench } from './workbench';

describe('settings UI', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open({
      name: 'settings',
      fixture: path.join(repoRoot(), 'test', 'ui', 'fixtures', 'workbench'),
      machineSettings: { 'aiPolicy.policySource': path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml') },
    });
  });
  after(async () => wb?.close());

  const editor = () => wb.page.locator('.settings-editor');
  const toc = async () => (await editor().locator('.settings-toc-container .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

  it('Open Policy Settings shows the settings under "AI Tool Policy" and its headings', async () => {
    await wb.runCommand('AI Policy: Open Policy Settings');
    await editor().locator('.setting-item-label').first().waitFor({ timeout: 30_000 });
    const entries = await toc();
    for (const title of ['AI Tool Policy (8)', 'Policy (4)', 'Audit Trail (2)', 'Secrets and Personal Data (2)']) {
      assert.ok(entries.includes(title), `${title} in ${JSON.stringify(entries)}`);
    }
    assert.ok(!entries.some((e) => /Ai Policy/.test(e)), JSON.stringify(entries));
  });

  it('labels each setting plainly in the settings tree', async () => {
    // Clear the @ext: filter and walk the tree as a person browsing the settings would.
    await editor().locator('.settings-header .suggest-input-container .monaco-editor').click();
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.press('Backspace');
    await editor().locator('.settings-toc-container .monaco-list-row', { hasText: 'Commonly Used' }).first().waitFor({ timeout: 30_000 });
    await editor().locator('.settings-toc-container .monaco-list-row[aria-label="Extensions, group"]').click();
    await editor().locator('.settings-toc-container .monaco-list-row[aria-label="AI Tool Policy, group"]').click();
    const label = editor().locator('.setting-item-contents .setting-item-title', { hasText: 'Policy Source' }).first();
    await label.waitFor({ timeout: 30_000 });
    assert.equal((await label.innerText()).trim(), 'Policy Source');
    const headings = await editor().locator('.settings-group-title-label').allInnerTexts();
    assert.ok(headings.includes('AI Tool Policy') && headings.includes('Policy'), JSON.stringify(headings));
    const visible = await editor().locator('.setting-item-contents .setting-item-title').allInnerTexts();
    for (const name of ['Public Key', 'Refresh Interval Minutes', 'Developer ID']) assert.ok(visible.includes(name), `${name} in ${JSON.stringify(visible)}`);
    await wb.screenshot('settings-tree');
  });
});
