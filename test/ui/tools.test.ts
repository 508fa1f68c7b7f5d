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
});
