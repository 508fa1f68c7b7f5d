// The policy as a developer meets it: the acknowledgement prompt and the viewer, with screenshots.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/workspaceSetup';
import { PolicyServer } from '../host/policyServer';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { ADMIN_TOKEN, CLI, freePort, startServerProcess, stopServerProcess, type ServerProcess } from '../unit/audit/serverProcess';
import { Workbench } from './workbench';

const AUDIT_TOKEN = 'ui-policy-audit-token';

/** The reference server's acknowledgement records, read through its report API as an auditor would. */
async function acknowledgements(audit: ServerProcess): Promise<{ developer: string; version: number; hash: string | null; verified: boolean }[]> {
  const res = await fetch(`${audit.url}/v1/report?format=json`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(res.status, 200);
  const report = (await res.json()) as { acknowledgements: { records: { developer: string; version: number; hash: string | null; verified: boolean }[] } };
  return report.acknowledgements.records;
}

/** The reference server's training records, as an auditor reads them. */
async function trainings(audit: ServerProcess): Promise<{ training: string; verified: boolean }[]> {
  const res = await fetch(`${audit.url}/v1/report?format=json`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(res.status, 200);
  return ((await res.json()) as { training: { records: { training: string; verified: boolean }[] } }).training.records;
}

describe('policy UI', function () {
  this.timeout(180_000);
  let wb: Workbench;
  const server = new PolicyServer();
  let audit: ServerProcess;
  const auditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-ui-audit-'));

  before(async () => {
    server.text = readFileSync(path.join(repoRoot(), 'policy-samples', 'strict.aipolicy.yaml'), 'utf8');
    const url = await server.start();
    // A real reference server on loopback receives the editor's audit events.
    audit = await startServerProcess(await freePort(), path.join(auditDir, 'audit.db'), AUDIT_TOKEN);
    wb = await Workbench.open({
      name: 'policy',
      fixture: path.join(repoRoot(), 'test', 'ui', 'fixtures', 'workbench'),
      machineSettings: { 'aiPolicy.policySource': url, 'aiPolicy.audit.endpoint': `${audit.url}/v1/events` },
      env: { AI_POLICY_AUDIT_TOKEN: AUDIT_TOKEN },
    });
  });
  const prompt = () => wb.page.locator('.notifications-center .notification-list-item', { hasText: 'published AI tool policy version 7' }).first();

  after(async () => {
    await wb?.close();
    await server.stop();
    if (audit) await stopServerProcess(audit);
    fs.rmSync(auditDir, { recursive: true, force: true });
  });

  it('asks to acknowledge the new version, without a modal dialog', async () => {
    // Toasts hide after a few seconds; the notification centre keeps the prompt with its buttons. On a busy
    // machine the prompt comes after the extensions activate: wait for it in the centre, then read it.
    await wb.notifications();
    await prompt().waitFor({ timeout: 60_000 });
    const messages = await wb.notifications();
    assert.ok(messages.some((m) => m.includes('published AI tool policy version 7')), JSON.stringify(messages));
    const toast = prompt();
    await toast.waitFor({ timeout: 30_000 });
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Northwind Bank published AI tool policy version 7\. Please read and acknowledge it by/);
    for (const button of ['Read', 'Acknowledge', 'Later']) assert.equal(await toast.locator('.monaco-button', { hasText: button }).count(), 1, button);
    assert.equal(await wb.page.locator('.monaco-dialog-box').count(), 0, 'no modal dialog');
    await wb.screenshot('policy-prompt');
  });

  it('"Read" opens the viewer with tools, owners, conditions, data rules and MCP', async () => {
    await prompt().locator('.monaco-button', { hasText: 'Read' }).click();
    const frame = await wb.webviewWithText('Northwind Bank AI tool policy', 60_000);
    const body = await frame.locator('body').innerText();
    assert.match(body, /Version 7 · published 2026-11-25 · effective 2026-12-01 · expires 2028-03-31/);
    assert.match(body, /QuickCode AI[\s\S]*prohibited/);
    assert.match(body, /Malik Osei/);
    assert.match(body, /Workspaces: \*\*\/sandbox\/\*\*, ml-experiments/);
    assert.match(body, /Personal data\s+pii\s+No AI tool/);
    assert.match(body, /MCP servers not listed here are prohibited/);
    assert.match(body, /Assisted-by: GitHub Copilot Enterprise/);
    assert.match(body, /EU AI Act Article 4 AI literacy awareness/);
    assert.equal(await frame.locator('#ack-button').count(), 1);
    // Settings values in the "This machine" table are code as written in settings.json (`false`); elsewhere a
    // "false" or "undefined" would be a model field rendered raw.
    const prose = await frame.locator('body').evaluate((b) => {
      const codes = Array.from(b.querySelectorAll<HTMLElement>('#machine td code'));
      codes.forEach((e) => (e.style.display = 'none'));
      const text = (b as HTMLElement).innerText;
      codes.forEach((e) => (e.style.display = ''));
      return text;
    });
    assert.doesNotMatch(prose, /false|undefined/, `no stray values rendered: ${/.{0,80}(false|undefined).{0,40}/s.exec(prose)?.[0] ?? ''}`);
    await wb.screenshot('policy-viewer');
  });

  it('the Acknowledge button records it, the viewer says so, and the reference server receives it', async () => {
    assert.deepEqual(await acknowledgements(audit), [], 'nothing acknowledged before the click');
    const frame = await wb.webviewWithText('Northwind Bank AI tool policy');
    await frame.locator('#ack-button').click();
    await frame.locator('#acknowledgement', { hasText: 'You acknowledged version 7.' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('#ack-button').count(), 0);
    await wb.screenshot('policy-viewer-acknowledged');
    let records = await acknowledgements(audit);
    for (let i = 0; i < 120 && records.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      records = await acknowledgements(audit);
    }
    assert.equal(records.length, 1, 'one acknowledgement stored by the server');
    assert.equal(records[0].version, 7);
    assert.match(records[0].hash ?? '', /^[0-9a-f]{64}$/);
  });

  it('after an update, the viewer lists what changed since the acknowledged version', async () => {
    server.text = server.text.replace('version: 7\n', 'version: 8\n').replace('    status: prohibited\n    owner: Priya Raman', '    status: restricted\n    owner: Priya Raman');
    await wb.runCommand('AI Policy: Check for Policy Updates');
    const frame = await wb.webviewWithText('What changed since version 7', 30_000);
    const changes = await frame.locator('#changes').innerText();
    assert.match(changes, /Version 7 → 8\./);
    assert.match(changes, /QuickCode AI: status prohibited → restricted\./);
    assert.equal(await frame.locator('#ack-button').count(), 1, 'the new version needs acknowledging');
    await wb.screenshot('policy-viewer-changes');
  });

  it('a broken update is reported with its line and column, and the previous version stays', async () => {
    const good = server.text;
    server.text = good.replace('version: 8\n', 'version: 9\n').replace('    status: approved\n', '    status: approved\n    colour: blue\n');
    const line = server.text.split('\n').findIndex((l) => l.includes('colour')) + 1;
    await wb.runCommand('AI Policy: Check for Policy Updates');
    // The check fetches and validates before it reports: wait for its notification rather than read at once.
    let messages = await wb.notifications();
    for (const until = Date.now() + 30_000; !messages.some((m) => m.includes('AI policy update refused')) && Date.now() < until; ) {
      await wb.page.waitForTimeout(250);
      messages = await wb.notifications();
    }
    const warning = messages.find((m) => m.includes('AI policy update refused'));
    assert.ok(warning, JSON.stringify(messages));
    assert.equal(messages.filter((m) => /update refused|could not be updated/.test(m)).length, 1, 'reported once');
    assert.ok(warning.includes(`org.aipolicy.yaml:${line}:5): unknown key "colour" in /tools/0 (expected one of: id, name,`), warning);
    assert.ok(warning.endsWith('). The previous policy stays in force.'), warning);
    const frame = await wb.webviewWithText('Northwind Bank AI tool policy');
    await frame.locator('.problems', { hasText: 'unknown key "colour"' }).waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('header .meta').innerText(), /^Version 8 /);
    await wb.screenshot('policy-broken-update');
  });

  /** Types a token into Set Audit Endpoint Token's password box and returns the confirmation shown. */
  async function setToken(token: string): Promise<void> {
    await wb.clearNotifications();
    const widget = await wb.runCommandWithInput('AI Policy: Set Audit Endpoint Token', 'AI Policy: audit endpoint token');
    const input = widget.locator('.quick-input-box input');
    assert.equal(await input.getAttribute('type'), 'password', 'the token is not shown as typed');
    await input.fill(token);
    await input.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 30_000 });
  }
  const sendNow = async (expect: RegExp): Promise<string> => {
    // An earlier send's answer must not stand in for this one's.
    await wb.clearNotifications();
    await wb.runCommand('AI Policy: Send Queued Audit Events Now');
    return wb.waitForNotification(expect);
  };

  it('Set Audit Endpoint Token: the next send uses it, and the server refuses a wrong one', async () => {
    await setToken('not-the-audit-token');
    await wb.waitForNotification('Audit token saved.');
    await wb.runCommand('AI Policy: Acknowledge Policy');
    const frame = await wb.webviewWithText('Northwind Bank AI tool policy');
    await frame.locator('#acknowledgement', { hasText: 'You acknowledged version 8.' }).waitFor({ timeout: 30_000 });
    const message = await sendNow(/audit events still queued/);
    assert.match(message, /^\d+ audit events still queued: HTTP 401/);
    assert.deepEqual((await acknowledgements(audit)).map((r) => r.version), [7], 'version 8 did not reach the server');
    await wb.screenshot('policy-audit-token-refused');
  });

  it('Complete Training: pick it, confirm, and the viewer shows it complete', async () => {
    const widget = await wb.runCommandWithInput('AI Policy: Complete Training', 'Complete a required training');
    const pick = widget.locator('.monaco-list-row', { hasText: 'EU AI Act Article 4 AI literacy awareness' }).first();
    await pick.waitFor({ timeout: 30_000 });
    assert.match(await pick.innerText(), /due by \d{4}-\d{2}-\d{2}/);
    await pick.click();
    // The link opens outside the editor; the workbench may first ask whether to open the external site.
    const confirm = wb.page.locator('.notification-toast, .notifications-center .notification-list-item', { hasText: 'When you have completed "EU AI Act Article 4 AI literacy awareness"' }).first();
    const dialog = wb.page.locator('.monaco-dialog-box');
    await Promise.race([confirm.waitFor({ timeout: 30_000 }), dialog.waitFor({ timeout: 30_000 })]);
    if (await dialog.isVisible()) await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await confirm.waitFor({ timeout: 30_000 });
    await confirm.locator('.monaco-button', { hasText: 'I have completed it' }).click();
    await wb.waitForNotification('Recorded: "EU AI Act Article 4 AI literacy awareness" completed.');
    const frame = await wb.webviewWithText('Northwind Bank AI tool policy');
    const row = (title: string) => frame.locator('#training tr', { hasText: title }).first();
    const text = await wb.waitForText(row('EU AI Act Article 4 AI literacy awareness'), /complete\s+renew by \d{4}-\d{2}-\d{2}/);
    assert.doesNotMatch(text, /I have completed it/, `no button for a completed training: ${text}`);
    assert.match(await row('Secure coding with AI assistants').innerText(), /due[\s\S]*I have completed it/, 'the other training is still due');
    await wb.screenshot('policy-training-completed');
  });

  it('with an enrolled token, Send Queued Audit Events Now delivers what was queued, marked verified', async () => {
    // The administrator enrolls the developer the editor reports as, and hands over the token.
    const developer = (await acknowledgements(audit))[0].developer;
    const enroll = spawnSync(process.execPath, [CLI, 'enroll', '--db', path.join(auditDir, 'audit.db'), '--developer', developer], { encoding: 'utf8' });
    assert.equal(enroll.status, 0, enroll.stderr);
    const token = enroll.stdout.trim().split('\n').pop() ?? '';
    await setToken(token);
    await sendNow(/^All audit events delivered\.$/);
    const acks = (await acknowledgements(audit)).map((r) => `${r.version}:${r.verified ? 'verified' : 'self-declared'}`).sort();
    assert.deepEqual(acks, ['7:self-declared', '8:verified']);
    assert.deepEqual((await trainings(audit)).map((t) => `${t.training}:${t.verified}`), ['ai-literacy:true']);
  });
});
