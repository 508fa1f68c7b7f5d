// The "Request an exception" dialog as a developer walks it: the command from the palette for an unlisted AI
// tool, the quick-input steps (what, for whom, why, how long), the preview of what will be sent, then the
// request pending in the tools view. The preview is the README's screenshot.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/workspaceSetup';
import { toolsFakes, toolsPolicy } from '../host/toolsFakes';
import { POLICY_STATUS_ITEM, Workbench } from './workbench';

const REASON = 'Summarising incident timelines for the on-call review';

describe('request an exception UI', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    // The developer's identity is their git e-mail: a global git configuration of the test's own, not the machine's.
    const gitConfig = path.join(repoRoot(), 'test-output', 'request-dialog.gitconfig');
    fs.mkdirSync(path.dirname(gitConfig), { recursive: true });
    fs.writeFileSync(gitConfig, '[user]\n\tname = Sam Lee\n\temail = sam.lee@example.com\n');
    wb = await Workbench.open({ name: 'request-dialog', fixture: 'tools-ws', gitInit: true, machineSettings: { 'aiPolicy.policySource': toolsPolicy }, fakeExtensions: toolsFakes, env: { GIT_CONFIG_GLOBAL: gitConfig } });
  });
  after(async () => wb?.close());

  /** Waits for the quick input's step whose prompt or placeholder says `prompt`, types `value` and presses Enter. */
  async function answer(prompt: RegExp, value: string, row?: string): Promise<void> {
    const widget = wb.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const shown = `${await widget.locator('.quick-input-message').innerText().catch(() => '')} ${(await input.getAttribute('placeholder').catch(() => '')) ?? ''}`;
      if (prompt.test(shown)) break;
      if (Date.now() > deadline) throw new Error(`the step "${prompt}" never showed (saw "${shown}")`);
      await wb.page.waitForTimeout(200);
    }
    await input.fill(value);
    if (row) await widget.locator('.monaco-list-row', { hasText: row }).first().waitFor({ timeout: 30_000 });
    await input.press('Enter');
  }

  it('walks what, for whom, why and how long, and previews what will be sent', async () => {
    // The policy has loaded once the status bar names the prohibited tool.
    await wb.waitForText(wb.page.locator(POLICY_STATUS_ITEM), /AI: prohibited/);
    await wb.runCommandWithInput('AI Policy: Request an Exception', 'Request an exception');
    await answer(/Which tool or MCP server\?/, 'Fake AI Chat Helper', 'Fake AI Chat Helper');
    await answer(/For whom\?/, 'For my team', 'For my team');
    await answer(/Your team/, 'payments');
    await answer(/Why do you need tool Fake AI Chat Helper\?/, REASON);
    await answer(/For how many days\?/, '21');

    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const text = (await dialog.innerText()).replace(/[ \t]+/g, ' ');
    assert.match(text, /Request an exception for tool Fake AI Chat Helper\?/);
    assert.match(text, /What: tool Fake AI Chat Helper/);
    assert.match(text, /For: team \(team payments\)/);
    assert.ok(text.includes(`Reason: ${REASON}`), text);
    assert.match(text, /Days: 21\b/);
    assert.match(text, /Request id: req-\d{8}-[0-9a-f]+/);
    assert.match(text, /Identity: sam\.lee@example\.com \(self-declared\)/);
    const file = await wb.screenshot('request-exception');
    if (process.env.AI_POLICY_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(repoRoot(), 'docs', 'images', 'request-exception.png'));

    await dialog.locator('.monaco-button', { hasText: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  });

  it('shows the sent request as pending in the tools view', async () => {
    await wb.page.locator(POLICY_STATUS_ITEM).click();
    const tree = wb.page.locator('[id="workbench.view.extension.aiPolicy"] .monaco-list, .pane-body .monaco-list').filter({ hasText: 'Pending exception requests' }).first();
    await tree.waitFor({ timeout: 30_000 });
    const rows = (await tree.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    const group = rows.findIndex((r) => r.startsWith('Pending exception requests'));
    assert.ok(group >= 0 && /^Pending exception requests\s*1$/.test(rows[group]), JSON.stringify(rows));
    assert.match(rows[group + 1] ?? '', /^tool Fake AI Chat Helper\s*team payments · 21 days · asked \d{4}-\d{2}-\d{2}$/, JSON.stringify(rows));
    await wb.screenshot('request-exception-pending');
  });
});
