// The review queue as the tool owner meets it: a real `ai-policy server` on 127.0.0.1 with a policy and a
// roster, editors' requests, Debian Chromium signing in, approving one request for a team and declining
// another through the page's forms, under the page's CSP (no script, no violation).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../harness/launcher';
import { repoRoot } from '../harness/workspaceSetup';
import { ADMIN_TOKEN, freePort, startServerProcess, stopServerProcess, type ServerProcess } from '../unit/audit/serverProcess';
import { ev, post, request } from '../unit/server/helpers';

const INGEST = 'ui-queue-ingest-token-0123';

/** test-output/screenshots/<name>.png; with AI_POLICY_UPDATE_SCREENSHOTS=1 also the README's docs/images/<name>.png. */
async function shot(page: Page, name: string): Promise<void> {
  const file = path.join(repoRoot(), 'test-output', 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The viewport (1400 x 900), as the README's other images; the queue's first requests are at the top.
  await page.screenshot({ path: file });
  if (process.env.AI_POLICY_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(repoRoot(), 'docs', 'images', `${name}.png`));
}

describe('exception review queue in Chromium', function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-ui-queue-'));
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  before(async () => {
    const starter = fs.readFileSync(path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml'), 'utf8');
    const policy = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policy, starter.replace(/^version: 1$/m, 'version: 1\nexceptions:\n  maxDays: 45'));
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'developer,team\nann@northwind.example,payments\nbob@northwind.example,payments\ncy@northwind.example,platform\n');
    server = await startServerProcess(await freePort(), path.join(dir, 'audit.db'), INGEST, ['--policy', policy, '--roster', roster]);
    const time = new Date().toISOString();
    const req = (developer: string, id: string, data: Record<string, unknown>) =>
      ev('tool.requested', developer, { requestId: `req-20261206-${id}`, scope: 'person', days: 30, identity: 'self-declared', ...data }, { time });
    const r = await post(
      server.url,
      {
        events: [
          req('ann@northwind.example', '00000000000000b1', { toolId: 'saoudrizwan.claude-dev', toolName: 'Cline', reason: 'Large refactor of the ledger service', days: 30 }),
          req('bob@northwind.example', '00000000000000b2', { toolId: 'saoudrizwan.claude-dev', toolName: 'Cline', reason: 'Writing migration tests', scope: 'team', team: 'payments', days: 45 }),
          req('cy@northwind.example', '00000000000000b3', { mcpServer: 'jira', reason: 'Ticket triage from the agent', days: 14 }),
          req('cy@northwind.example', '00000000000000b4', { toolId: 'github-copilot', dataClass: 'pii', reason: 'Synthetic customer fixtures', days: 7 }),
        ],
      },
      INGEST,
    );
    assert.equal(r.status, 200, r.body);
    browser = await chromium.launch({ executablePath: process.env.AI_POLICY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    if (server) await stopServerProcess(server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs in and lists the requests per tool with teams, policy status and owner', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name="token"]').fill(ADMIN_TOKEN);
    await page.locator('button[type="submit"]', { hasText: 'Sign in' }).click();
    await page.locator('a', { hasText: 'Exception requests' }).click();
    await page.locator('h1', { hasText: 'Exception requests' }).waitFor();
    const cline = page.locator('section.queue-group', { has: page.locator('h2', { hasText: 'Cline' }) });
    assert.match(await cline.locator('p.meta').innerText(), /unlisted · owner none named · 2 requests from 2 developers \(teams: payments\) · 2 open/);
    const copilot = page.locator('section.queue-group', { has: page.locator('h2', { hasText: 'GitHub Copilot' }) });
    assert.match(await copilot.locator('p.meta').innerText(), /approved · owner Dana Whitfield/);
    assert.equal(await page.locator('form.decide').count(), 4);
    await shot(page, 'server-review-queue');
  });

  it('approves a request for the team with an expiry and declines another with a note', async () => {
    const form = page.locator('#decide-req-20261206-00000000000000b2');
    await form.locator('select[name="scope"]').selectOption('team');
    assert.equal(await form.locator('input[name="team"]').inputValue(), 'payments');
    await form.locator('input[name="note"]').fill('Only on the ledger repositories');
    await form.locator('input[name="approvedBy"]').fill('Dana Whitfield');
    await form.locator('button[value="approved"]').click();
    await page.waitForLoadState();
    if (!(await page.locator('.notice').count())) throw new Error(await page.locator('body').innerText());
    await page.locator('.notice', { hasText: 'req-20261206-00000000000000b2 approved' }).waitFor();

    const decline = page.locator('#decide-req-20261206-00000000000000b3');
    await decline.locator('input[name="note"]').fill('Use the approved Atlassian integration');
    await decline.locator('input[name="approvedBy"]').fill('Dana Whitfield');
    await decline.locator('button[value="declined"]').click();
    await page.locator('.notice', { hasText: 'declined' }).waitFor();
    const text = await page.locator('body').innerText();
    assert.match(text, /approved for team payments, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, by Dana Whitfield; conditions: Only on the ledger repositories/);
    assert.match(text, /declined by Dana Whitfield: Use the approved Atlassian integration/);
    await shot(page, 'server-review-queue-decided');

    const api = await request(`${server.url}/v1/exceptions?status=approved`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const decisions = (JSON.parse(api.body) as { decisions: { requestId: string; who: unknown; until: string }[] }).decisions;
    assert.deepEqual(decisions.map((d) => [d.requestId, d.who]), [['req-20261206-00000000000000b2', { team: 'payments' }]]);
    assert.deepEqual(violations, []);
  });
});
