// The exposure warning as a person sees it: the squiggle on a planted key, the alert, the Problems panel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exposureAssistant, exposurePolicy, plantedKey } from '../host/exposureFakes';
import { Workbench } from './workbench';

describe('exposure UI', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open({ name: 'exposure', fixture: 'exposure', machineSettings: { 'aiPolicy.policySource': exposurePolicy }, fakeExtensions: [exposureAssistant] });
    fs.writeFileSync(path.join(wb.session.workspaceDir!, 'src', 'settings.ts'), `export const region = 'eu-west-1';\nexport const accessKeyId = '${plantedKey()}';\n`);
  });
  after(async () => wb?.close());

  it('squiggles the planted key and alerts once', async () => {
    await wb.openFile('src/settings.ts');
    await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await wb.screenshot('exposure-squiggle');
    // The alert may sit among other notifications; the notification centre lists them all.
    const deadline = Date.now() + 30_000;
    let alerts: string[] = [];
    while (Date.now() < deadline) {
      alerts = (await wb.notifications()).filter((m) => m.includes('holds secret data'));
      if (alerts.length) break;
      await wb.page.waitForTimeout(500);
    }
    assert.equal(alerts.length, 1, JSON.stringify(alerts));
    assert.match(alerts[0], /src\/settings\.ts holds secret data, and active AI tools are not cleared for it: .*Exposure Test Assistant/);
    await wb.screenshot('exposure-alert');
    await wb.page.keyboard.press('Escape');
  });

  it('lists the finding in the Problems panel, masked', async () => {
    const rows = await wb.problems();
    const row = rows.find((r) => r.includes('AWS access key ID'));
    assert.ok(row, JSON.stringify(rows));
    assert.match(row, /AKIA\*{4}…M2/);
    assert.ok(!rows.join('\n').includes(plantedKey()));
    await wb.screenshot('exposure-problems');
  });
});
