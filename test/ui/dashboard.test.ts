// The audit server's dashboard and evidence pack as an auditor meets them: a real `ai-policy server` on
// 127.0.0.1, Debian Chromium, sign-in, the filter form, a developer page, the printable evidence page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../harness/launcher';
import { repoRoot } from '../harness/workspaceSetup';
import { ADMIN_TOKEN, freePort, startServerProcess, stopServerProcess, type ServerProcess } from '../unit/audit/serverProcess';
import { seedDemoUsage, writeDemoRoster } from '../../scripts/demo/usage';
import { ev, post } from '../unit/server/helpers';

const INGEST = 'ui-dashboard-ingest-token';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = path.join(repoRoot(), 'test-output', 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage });
}

describe('audit dashboard and evidence pack in Chromium', function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-ui-dash-'));
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const policy = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policy, 'organization: Northwind Bank\nversion: 7\nacknowledgement:\n  required: true\n  withinDays: 14\ntraining:\n  - id: ai-literacy\n    title: AI literacy\n    dueWithinDays: 30\n');
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'developer,team\nann@northwind.example,payments\nbob@northwind.example,payments\ncy@northwind.example,platform\nsilent@northwind.example,platform\n');
    server = await startServerProcess(await freePort(), path.join(dir, 'audit.db'), INGEST, ['--policy', policy, '--roster', roster]);
    const tool = (id: string, name: string, status: string) => ({ id, name, status, version: '1.0.0', enabled: true, active: true });
    const copilot = tool('github.copilot', 'GitHub Copilot', 'approved');
    const shady = tool('shady.ai-helper', 'Shady AI Helper', 'prohibited');
    const acme = tool('acme.assist', 'Acme Assist', 'unlisted');
    const events = [];
    for (let d = 2; d <= 27; d++) {
      const day = `2026-11-${String(d).padStart(2, '0')}T09:00:00Z`;
      events.push(ev('inventory', 'ann@northwind.example', { tools: [copilot] }, { time: day, policyVersion: 7 }));
      events.push(ev('inventory', 'bob@northwind.example', { tools: d < 20 ? [copilot, shady] : [copilot] }, { time: day, policyVersion: 7 }));
      events.push(ev('inventory', 'cy@northwind.example', { tools: d > 10 ? [acme] : [] }, { time: day, policyVersion: 7 }));
    }
    events.push(
      ev('policy.loaded', 'ann@northwind.example', { version: 7, hash: 'ab'.repeat(32), signature: 'valid', published: '2026-10-25', reviewedOn: '2026-10-20', nextReview: '2027-10-20' }, { time: '2026-11-02T09:00:00Z', policyVersion: 7 }),
      ev('policy.acknowledged', 'ann@northwind.example', { version: 7, hash: 'ab'.repeat(32) }, { time: '2026-11-02T10:00:00Z', policyVersion: 7 }),
      ev('training.completed', 'ann@northwind.example', { training: 'ai-literacy', title: 'AI literacy' }, { time: '2026-11-03T10:00:00Z', policyVersion: 7 }),
      ev('exposure', 'bob@northwind.example', { classes: ['secret'], tools: ['shady.ai-helper'], toolNames: ['Shady AI Helper'] }, { time: '2026-11-12T10:00:00Z', policyVersion: 7 }),
    );
    const r = await post(server.url, { events }, INGEST);
    assert.equal(r.status, 200, r.body);
    browser = await chromium.launch({ executablePath: process.env.AI_POLICY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    if (server) await stopServerProcess(server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with the admin token and shows the dashboard', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name="token"]').fill(ADMIN_TOKEN);
    await page.locator('button[type="submit"]', { hasText: 'Sign in' }).click();
    await page.locator('h1', { hasText: 'Northwind Bank' }).waitFor();
    assert.match(await page.locator('#totals').innerText(), /4\s+developers[\s\S]*1\s+no data/);
    await shot(page, 'server-dashboard');
  });

  it('filters by date range, team, tool and status through the form', async () => {
    await page.locator('input[name="since"]').fill('2026-11-01');
    await page.locator('input[name="until"]').fill('2026-11-30');
    await page.locator('select[name="team"]').selectOption('payments');
    await page.locator('select[name="status"]').selectOption('prohibited');
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL(/status=prohibited/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('team'), 'payments');
    assert.equal(url.searchParams.get('since'), '2026-11-01');
    const rows = await page.locator('#usage-table tbody tr').allInnerTexts();
    assert.equal(rows.length, 1, rows.join('\n'));
    assert.match(rows[0], /bob@northwind\.example[\s\S]*Shady AI Helper[\s\S]*prohibited[\s\S]*removed/);
    const people = await page.locator('#developers-table tbody tr').allInnerTexts();
    assert.deepEqual(people.map((p) => p.split('\t')[0]), ['ann@northwind.example', 'bob@northwind.example']);
    await shot(page, 'server-dashboard-filtered');

    // The tool list offers the tools of the team in view: clear the team first.
    await page.locator('select[name="team"]').selectOption('');
    await page.locator('select[name="status"]').selectOption('');
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL((u) => !u.searchParams.get('team'));
    await page.locator('select[name="tool"]').selectOption('acme.assist');
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL(/tool=acme\.assist/);
    const acme = await page.locator('#usage-table tbody tr').allInnerTexts();
    assert.equal(acme.length, 1);
    assert.match(acme[0], /cy@northwind\.example[\s\S]*Acme Assist[\s\S]*unlisted[\s\S]*present/);
    const missing = await page.locator('#not-acknowledged tbody tr').allInnerTexts();
    assert.ok(missing.some((m) => /silent@northwind\.example[\s\S]*no data/.test(m)), missing.join('\n'));
    assert.ok(missing.some((m) => /bob@northwind\.example[\s\S]*overdue/.test(m)), missing.join('\n'));
  });

  it('opens a developer page from the table', async () => {
    await page.goto(`${server.url}/?since=2026-11-01&until=2026-11-30`);
    await page.locator('#usage-table a', { hasText: 'bob@northwind.example' }).first().click();
    await page.locator('h1', { hasText: 'bob@northwind.example' }).waitFor();
    const history = await page.locator('#history tbody tr').allInnerTexts();
    assert.ok(history.some((h) => /Shady AI Helper[\s\S]*prohibited[\s\S]*removed/.test(h)), history.join('\n'));
    assert.match(await page.locator('header .meta').innerText(), /team payments/);
    await shot(page, 'server-developer-page');
  });

  it('shows the evidence pack for the range, printable, with the log head and CSVs', async () => {
    await page.goto(`${server.url}/?since=2026-11-01&until=2026-11-30`);
    await page.locator('nav a', { hasText: 'Evidence pack' }).click();
    await page.locator('h1', { hasText: 'evidence pack' }).waitFor();
    assert.match(await page.locator('header .meta').first().innerText(), /Period: 2026-11-01 to 2026-11-30/);
    assert.match(await page.locator('#log-head').innerText(), /Tamper-evident log: \d+ events, head \(row \d+\) [0-9a-f]{64}/);
    const versions = await page.locator('#ev-versions tbody tr').allInnerTexts();
    assert.match(versions[0], /^7\s+abab/);
    const training = await page.locator('#ev-training-table tbody tr').allInnerTexts();
    assert.ok(training.some((t) => /silent@northwind\.example[\s\S]*no data/.test(t)));
    await shot(page, 'server-evidence-pack', true);
    // Printed, the navigation goes and the tables stay.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav').first().isVisible(), false);
    assert.equal(await page.locator('#ev-ack-table').isVisible(), true);
    await shot(page, 'server-evidence-pack-print', true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000, 'prints to PDF');
    await page.emulateMedia({ media: 'screen' });
    // The page's CSP allows no scripts or fetches; the CSV link is fetched with the browser's session.
    const href = await page.locator('a[href^="/evidence/acknowledgements.csv"]').getAttribute('href');
    const csv = await (await page.context().request.get(`${server.url}${href}`)).text();
    assert.match(csv, /^developer,team,version,state,acknowledged_at,received_at,identity,content_sha256,due\r\n/);
    assert.match(csv, /ann@northwind\.example,payments,7,acknowledged,2026-11-02T10:00:00\.000Z,,self-declared,/);
  });

  it('signs out, and the session no longer opens the dashboard', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('button', { hasText: 'Sign out' }).click();
    await page.locator('input[name="token"]').waitFor();
    const res = await page.goto(`${server.url}/`);
    assert.equal(res?.status(), 401);
  });
});

describe('the adoption view in Chromium', function () {
  this.timeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-ui-adopt-'));
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    const roster = path.join(dir, 'roster.csv');
    writeDemoRoster(roster);
    const policy = path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml');
    server = await startServerProcess(await freePort(), path.join(dir, 'audit.db'), INGEST, ['--policy', policy, '--roster', roster]);
    await seedDemoUsage(`${server.url}/`, INGEST, () => undefined);
    browser = await chromium.launch({ executablePath: process.env.AI_POLICY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (server) await stopServerProcess(server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows use per tool and team, the shadow AI share and the 12-week SVG trend, under the strict CSP', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    try {
      await page.goto(`${server.url}/`);
      await page.locator('input[name="token"]').fill(ADMIN_TOKEN);
      await page.locator('button[type="submit"]', { hasText: 'Sign in' }).click();
      await page.locator('#adoption h2', { hasText: 'AI adoption' }).waitFor();
      const trend = page.locator('#adoption-trend svg');
      assert.equal(await trend.locator('g').count(), 12, 'one column per week');
      const box = await trend.boundingBox();
      assert.ok(box && box.width > 400 && box.height > 150, 'the trend is drawn');
      assert.ok((await page.locator('#adoption-trend rect.trend-unapproved').count()) > 0);
      assert.match(await page.locator('#shadow-ai').innerText(), /Claude Code \(\d+\)/);
      const teams = await page.locator('#adoption-teams tbody tr').allInnerTexts();
      assert.deepEqual(teams.map((t) => t.split('\t')[0]).sort(), ['data', 'mobile', 'payments', 'platform', 'security', 'web']);
      assert.match(await page.locator('#adoption-harnesses').innerText(), /Claude Code[\s\S]*Codex/);
      await readmeShot(page, 'adoption');
      // A tool's figure leads to the developers behind it.
      await page.locator('#adoption-tools a', { hasText: 'Codex' }).click();
      await page.waitForURL(/tool=openai\.chatgpt/);
      const people = await page.locator('#adoption-developer-table tbody tr').allInnerTexts();
      assert.ok(people.length > 0 && people.every((p) => p.includes('Codex')), 'only Codex users are listed');
      assert.deepEqual(violations, []);
    } finally {
      await page.close();
    }
  });
});

/** A screenshot for test-output; with AI_POLICY_UPDATE_SCREENSHOTS=1 also the README's image in docs/images. */
async function readmeShot(page: Page, name: string): Promise<void> {
  await shot(page, `server-${name}`);
  if (process.env.AI_POLICY_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(repoRoot(), 'test-output', 'screenshots', `server-${name}.png`), path.join(repoRoot(), 'docs', 'images', `${name}.png`));
}
