// The demo's generated organization, sent to a real server as `npm start` sends it: the adoption view is
// populated (teams, a growing trend, shadow use named) and the OTLP routes took every request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedDemoUsage, writeDemoRoster } from '../../../scripts/demo/usage';
import { report, startServer, TOKEN } from '../server/helpers';

describe('demo: generated usage for the adoption view', function () {
  this.timeout(120_000);

  it('sends 8 weeks of telemetry that the report counts per team and week', async () => {
    const roster = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aip-demo-roster-')), 'demo-roster.csv');
    writeDemoRoster(roster);
    const s = await startServer({ rosterFile: roster, policyFile: path.resolve(__dirname, '..', '..', '..', 'policy-samples', 'starter.aipolicy.yaml') });
    try {
      const lines: string[] = [];
      await seedDemoUsage(`${s.base}/`, TOKEN, (l) => lines.push(l));
      const rep = await report(s.base);
      const a = rep.adoption;
      assert.equal(a.teams.length, 6);
      assert.ok(a.activeDevelopers > 150, `active: ${a.activeDevelopers}`);
      assert.ok(a.tools.some((t: { tool: string }) => t.tool === 'anthropic.claude-code'));
      assert.ok(a.shadowTools.length >= 2, 'Claude Code, Codex and Gemini CLI are not in the starter policy');
      const weeks = a.weeks.map((w: { active: number }) => w.active);
      assert.ok(weeks[weeks.length - 2] > weeks[weeks.length - 8], `the trend grows: ${weeks.join(', ')}`);
    } finally {
      await s.close();
    }
  });
});
