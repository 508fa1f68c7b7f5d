// The status bar item and the tools view as a person sees them, with screenshots.
import * as assert from 'node:assert/strict';
import { toolsFakes, toolsPolicy } from '../host/toolsFakes';
import { POLICY_STATUS_ITEM, Workbench } from './workbench';

describe('tools UI', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open({ name: 'tools', fixture: 'tools-ws', gitInit: true, machineSettings: { 'aiPolicy.policySource': toolsPolicy }, fakeExtensions: toolsFakes });
  });
  after(async () => wb?.close());

  it('the status bar says a prohibited tool is present', async () => {
    const text = await wb.waitForText(wb.page.locator(POLICY_STATUS_ITEM), /AI: prohibited/);
    assert.equal(text.replace(/\s+/g, ' ').trim(), 'AI: prohibited');
    assert.equal(await wb.page.locator(`${POLICY_STATUS_ITEM} .codicon-error`).count(), 1, 'the error icon shows');
    await wb.screenshot('tools-status-bar');
  });

  it('the tooltip lists tools with status and owner', async () => {
    await wb.page.locator(POLICY_STATUS_ITEM).hover();
    const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Banned Bot' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    assert.match(text, /Banned Bot\s+prohibited\s+Dana Whitfield/);
    assert.match(text, /Fake AI Chat Helper\s+unlisted/);
    await wb.screenshot('tools-status-tooltip');
    await wb.page.keyboard.press('Escape');
  });

  it('a click opens the tools view, grouped by status', async () => {
    await wb.page.locator(POLICY_STATUS_ITEM).click();
    const tree = wb.page.locator('[id="workbench.view.extension.aiPolicy"] .monaco-list, .pane-body .monaco-list').filter({ hasText: 'Banned Bot' }).first();
    await tree.waitFor({ timeout: 30_000 });
    const rows = (await tree.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    const at = (label: string) => rows.findIndex((r) => r.startsWith(label));
    assert.ok(at('Prohibited') >= 0 && at('Unlisted') > at('Prohibited') && at('Approved') > at('Unlisted'), JSON.stringify(rows));
    assert.ok(rows.some((r) => /^Banned Bot\s*1\.0\.0 · Dana Whitfield/.test(r)), JSON.stringify(rows));
    assert.ok(rows.some((r) => r.startsWith('Cline (test stand-in)')), JSON.stringify(rows));
    await wb.screenshot('tools-view');
  });

  const toolRow = () => wb.page.locator('[id="workbench.view.extension.aiPolicy"] .monaco-list-row, .pane-body .monaco-list-row').filter({ hasText: /^Banned Bot/ }).first();
  async function contextAction(label: string): Promise<void> {
    await toolRow().click({ button: 'right' });
    const item = wb.page.locator('.context-view .action-label', { hasText: label }).first();
    await item.waitFor({ timeout: 15_000 });
    // The menu ignores a click that comes right after it opened; pointing at the item and pressing Enter is reliable.
    await item.hover();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: 15_000 });
  }

  it('the context menu copies the tool\'s access request address and says so', async () => {
    // The workbench writes through the browser's clipboard; reading it back needs the permission.
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await wb.page.evaluate(() => navigator.clipboard.writeText('before the copy'));
    await contextAction('Copy Access Request Address');
    const message = wb.page.locator('.statusbar-item', { hasText: 'Copied the access request address for Banned Bot.' });
    await message.waitFor({ timeout: 15_000 });
    assert.equal(await wb.page.evaluate(() => navigator.clipboard.readText()), 'https://it.example.com/request/ai');
  });

  it('Request Access opens the tool\'s access request address', async () => {
    const popup = wb.page.context().waitForEvent('page', { timeout: 30_000 }).then((p) => p.url()).catch(() => '');
    await contextAction('Request Access');
    // The workbench asks before it opens an external site (or, if the site is trusted, opens it at once).
    const dialog = wb.page.locator('.monaco-dialog-box');
    const seen = await Promise.race([dialog.waitFor({ timeout: 30_000 }).then(() => dialog.innerText()), popup]);
    assert.ok(seen.includes('https://it.example.com/request/ai'), seen);
    if (await dialog.isVisible()) {
      await wb.screenshot('tools-request-access');
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    }
  });

  it('Open Policy Section scrolls the policy viewer to the tool', async () => {
    await contextAction('Open Policy Section');
    const frame = await wb.webviewWithText('Banned Bot', 30_000);
    const row = frame.locator('#tool-banned-bot');
    await row.waitFor({ timeout: 30_000 });
    const place = async () => frame.evaluate(() => ({ top: document.getElementById('tool-banned-bot')!.getBoundingClientRect().top, scrolled: window.scrollY, height: window.innerHeight }));
    let at = await place();
    for (let i = 0; i < 50 && !(at.scrolled > 0 && at.top < 40); i++) {
      await wb.page.waitForTimeout(200);
      at = await place();
    }
    assert.ok(at.scrolled > 0 && at.top >= -1 && at.top < 40, `the tool's row is at the top of the viewer: ${JSON.stringify(at)}`);
    assert.match(await row.innerText(), /Banned Bot[\s\S]*prohibited/);
    await wb.screenshot('tools-open-policy-section');
  });

  it('Show in Extensions View searches the Extensions view for the tool', async () => {
    await wb.page.locator(POLICY_STATUS_ITEM).click();
    await toolRow().hover();
    await toolRow().locator('.action-label[aria-label="Show in Extensions View"]').click();
    const viewlet = wb.page.locator('.extensions-viewlet');
    await wb.waitForText(viewlet.locator('.monaco-editor .view-lines').first(), /@id:fake-ai\.banned-bot/);
    await viewlet.locator('.monaco-list-row', { hasText: 'Banned Bot' }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('tools-reveal-extension');
  });

  it('Open Policy Settings shows the extension\'s settings', async () => {
    await wb.runCommand('AI Policy: Open Policy Settings');
    const editor = wb.page.locator('.settings-editor');
    await wb.waitForText(editor.locator('.settings-header .monaco-editor .view-lines').first(), /@ext:ai-tool-policy\.ai-tool-policy/);
    // In this remote window the machine-scoped settings (where the policy comes from) are on the Remote tab: it opens there.
    await editor.locator('.setting-item', { hasText: 'Policy Source' }).first().waitFor({ timeout: 30_000 });
    const titles = (await editor.locator('.setting-item .setting-item-title').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    for (const title of ['Policy Source', 'Public Key', 'Audit: Endpoint']) assert.ok(titles.some((t) => t.endsWith(title)), `${title} in ${JSON.stringify(titles)}`);
    await wb.screenshot('tools-policy-settings');
  });
});
