// The demo's first screen, as a newcomer sees it after `npm start`: the installed product (no development
// host), a Git workspace whose sample data draws every kind of warning, the policy viewer and the audit
// dashboard. Its screenshots are the README's (AI_POLICY_UPDATE_SCREENSHOTS=1 copies them to docs/images/).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemo, type Demo } from '../../scripts/demo/demo';
import { CHROMIUM_ARGS, type Session } from '../harness/launcher';
import { repoRoot } from '../harness/workspaceSetup';
import { POLICY_STATUS_ITEM, Workbench } from './workbench';

const root = repoRoot();

/** test-output/screenshots/<name>.png, and docs/images/<name>.png when asked to refresh the README's. */
async function readmeShot(page: Page, name: string): Promise<void> {
  const file = path.join(root, 'test-output', 'screenshots', `demo-${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  if (process.env.AI_POLICY_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(root, 'docs', 'images', `${name}.png`));
}

describe('demo first screen', function () {
  this.timeout(300_000);
  const stateDir = path.join(root, 'test-output', 'ui-demo-state');
  let demo: Demo;
  let browser: Browser;
  let wb: Workbench;

  before(async () => {
    fs.rmSync(stateDir, { recursive: true, force: true });
    // The screenshots show a sample developer, not the Git identity of the machine that takes them.
    const gitconfig = path.join(stateDir, 'gitconfig');
    fs.mkdirSync(stateDir, { recursive: true });
    fs.writeFileSync(gitconfig, '[user]\n\tname = Alex Rivera\n\temail = alex.rivera@example.com\n');
    demo = await startDemo({ root, stateDir, editorPort: 0, name: 'ui-demo', log: () => undefined, editorEnv: { GIT_CONFIG_GLOBAL: gitconfig } });
    browser = await chromium.launch({ executablePath: process.env.AI_POLICY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const session = {
      page,
      browser,
      url: demo.editorUrl,
      screenshot: async (name: string) => {
        const file = path.join(root, 'test-output', 'screenshots', `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      close: async () => {
        await browser.close().catch(() => undefined);
        await demo.stop();
      },
    } as unknown as Session;
    await page.goto(demo.editorUrl);
    wb = await Workbench.attach(session, 'demo');
  });
  after(async () => wb?.close());

  it('opens as the product: the packaged extension installed, no development host', async () => {
    assert.doesNotMatch(demo.editorUrl, /extensionDevelopmentPath/);
    const title = await wb.page.title();
    assert.doesNotMatch(title, /Extension Development Host/, title);
    assert.doesNotMatch(await wb.page.locator('.window-title').first().innerText().catch(() => ''), /Extension Development Host/);
    assert.ok(fs.existsSync(path.join(stateDir, 'ai-tool-policy.vsix')));
    assert.match(await wb.settledStatusItemText(), /AI/);
  });

  it('the workspace is a Git repository: the branch shows in the status bar', async () => {
    const deadline = Date.now() + 30_000;
    let texts = await wb.statusBarTexts();
    while (!texts.includes('main') && Date.now() < deadline) {
      await wb.page.waitForTimeout(500);
      texts = await wb.statusBarTexts();
    }
    assert.ok(texts.includes('main'), JSON.stringify(texts));
    // The README shows the item with its tooltip: each AI tool and its status under the policy.
    await wb.page.locator(POLICY_STATUS_ITEM).hover();
    const tooltip = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'AI tool policy' }).first();
    await tooltip.waitFor({ timeout: 15_000 }).catch(() => undefined);
    await readmeShot(wb.page, 'status-bar');
  });

  it('warns about the .env, the token in the code and the personal data in the CSV', async () => {
    // .env is git-ignored, so Quick Open leaves it out; a person clicks it in the Explorer.
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^\s*\.env\s*$/ }).first().click();
    await wb.page.locator('.tabs-container .tab[aria-label*=".env"]').first().waitFor({ timeout: 30_000 });
    for (const file of ['data/customers.csv', 'src/deploy.js']) await wb.openFile(file);
    const squiggle = wb.page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first();
    await squiggle.waitFor({ timeout: 60_000 });
    const deadline = Date.now() + 60_000;
    let rows: string[] = [];
    const wanted = [/GitHub token/, /Stripe secret/, /AWS access key ID/, /E-mail address/, /IBAN/, /Payment card number/];
    while (Date.now() < deadline) {
      // The Problems list shows what fits: read its top, then its end (the files are listed in order).
      rows = await wb.problems();
      await wb.page.locator('.markers-panel .monaco-list-row').first().click();
      await wb.page.keyboard.press('End');
      await wb.page.waitForTimeout(300);
      rows.push(...(await wb.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()));
      if (wanted.every((w) => rows.some((r) => w.test(r)))) break;
      await wb.page.waitForTimeout(1000);
    }
    for (const w of wanted) assert.ok(rows.some((r) => w.test(r)), `${w} in ${JSON.stringify(rows)}`);
    assert.ok(rows.some((r) => /VS Code Chat/.test(r)), `the warnings name the AI tool: ${JSON.stringify(rows)}`);
    // The screenshot: the token in the code with its warning as a developer hovers it, and the Problems panel.
    await wb.openFile('src/deploy.js');
    const mark = wb.page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first();
    await mark.waitFor({ timeout: 30_000 });
    // The text layer lies above the squiggle: hover where it is drawn, as a mouse would.
    const box = await mark.boundingBox();
    if (box) await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await wb.page.locator('.monaco-hover').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await readmeShot(wb.page, 'exposure-warning');
  });

  it('shows the policy in the viewer', async () => {
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('View: Toggle Panel Visibility');
    await wb.runCommand('AI Policy: Show Policy');
    const frame = await wb.webviewWithText('Example Corp AI tool policy', 60_000);
    assert.match(await frame.locator('body').innerText(), /GitHub Copilot/);
    await readmeShot(wb.page, 'policy-viewer');
  });

  it('the audit dashboard on its stable port shows the editor\'s events', async () => {
    const audit = demo.audit;
    assert.ok(audit, 'the reference server runs beside the demo');
    const stored = JSON.parse(fs.readFileSync(path.join(stateDir, 'demo-server.json'), 'utf8')) as { port: number };
    assert.equal(audit.port, stored.port);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(audit.url);
      await page.locator('input[name="token"]').fill(audit.adminToken);
      await page.locator('button[type="submit"]').click();
      await page.locator('h2', { hasText: 'Usage tracking' }).waitFor({ timeout: 30_000 });
      // The editor reports its tool inventory at start; reload until it has arrived.
      const deadline = Date.now() + 60_000;
      while (!/VS Code Chat/.test(await page.locator('body').innerText()) && Date.now() < deadline) {
        await page.waitForTimeout(2000);
        await page.reload();
      }
      const body = await page.locator('body').innerText();
      assert.match(body, /VS Code Chat/);
      assert.match(body, /alex\.rivera@example\.com/, 'the events carry the developer identity the policy asks for (git email)');
      await readmeShot(page, 'dashboard');
    } finally {
      await page.close();
    }
  });
});
