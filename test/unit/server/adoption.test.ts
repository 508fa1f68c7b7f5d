// The adoption view from the events the hooks, the editors and the disclosure check send (agent.activity,
// inventory active days, disclosure.pr), stored through the store's ingest as the server stores them, with
// a roster of teams: per-team table, weekly trend, AI-assisted commits and pull requests, the dashboard's
// SVG trend and the CSVs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sha256 } from '../../../src/core/sha256';
import { adminAuth, checkedEvent, ev, report, request, startServer, type Running } from './helpers';

describe('server: adoption view from hook activity, editor active days and pull requests', () => {
  let s: Running;

  it('counts use per tool, harness, team and week, and AI-assisted pull requests per repository', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-adopt-'));
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'developer,team\nann@example.com,payments\nbob@example.com,payments\ncy@example.com,platform\ndee@example.com,platform\n');
    const policyFile = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policyFile, 'organization: Example\nversion: 1\ntools:\n  - id: copilot\n    name: GitHub Copilot Chat\n    status: approved\n    identifiers: [github.copilot-chat]\n');
    s = await startServer({ rosterFile: roster, policyFile });
    try {
      const repo = `sha256:${'a'.repeat(64)}`;
      const events = [
        ev('agent.activity', 'ann@example.com', { day: '2026-11-30', harness: 'claude', sessions: 3, toolCalls: 41, prompts: 9, denials: 2, auditDenials: 0 }, { time: '2026-12-01T02:00:00Z' }),
        ev('agent.activity', 'ann@example.com', { day: '2026-11-23', harness: 'claude', sessions: 1, toolCalls: 5, prompts: 2, denials: 0 }, { time: '2026-11-24T02:00:00Z' }),
        ev('agent.activity', 'cy@example.com', { day: '2026-12-01', harness: 'cursor', sessions: 0, toolCalls: 7, prompts: 3, denials: 1 }, { time: '2026-12-02T02:00:00Z' }),
        // The same active days repeated by two inventories count once.
        ev('inventory', 'bob@example.com', { tools: [{ id: 'github.copilot-chat', name: 'GitHub Copilot Chat', status: 'approved', enabled: true, active: true, activeDays: ['2026-11-30', '2026-12-01'] }] }, { time: '2026-12-01T09:00:00Z' }),
        ev('inventory', 'bob@example.com', { tools: [{ id: 'github.copilot-chat', name: 'GitHub Copilot Chat', status: 'approved', enabled: true, active: true, activeDays: ['2026-11-30', '2026-12-01'] }] }, { time: '2026-12-01T15:00:00Z' }),
        // Installed and enabled, never active while editing: not use.
        ev('inventory', 'dee@example.com', { tools: [{ id: 'github.copilot-chat', name: 'GitHub Copilot Chat', status: 'approved', enabled: true, active: true }] }, { time: '2026-12-01T09:00:00Z' }),
        ev('disclosure.pr', 'ann@example.com', { repoHash: repo, pr: 12, provider: 'github', commits: 4, assistedCommits: 1, tools: ['claude'], prDisclosed: true, result: 'pass', problems: [] }, { time: '2026-12-01T10:00:00Z' }),
        // A later check of the same pull request replaces the earlier one.
        ev('disclosure.pr', 'ann@example.com', { repoHash: repo, pr: 12, provider: 'github', commits: 5, assistedCommits: 3, tools: ['claude'], prDisclosed: true, result: 'pass', problems: [] }, { time: '2026-12-01T12:00:00Z' }),
        ev('disclosure.pr', 'cy@example.com', { repoHash: repo, pr: 13, provider: 'github', commits: 5, assistedCommits: 0, tools: [], prDisclosed: true, result: 'pass', problems: [] }, { time: '2026-12-02T10:00:00Z' }),
      ];
      const r = await s.app.store.ingest({ events: events.map(checkedEvent), received: new Date().toISOString(), auth: 'shared' });
      assert.equal(r.accepted, events.length);

      const rep = await report(s.base, '?since=2026-11-30&until=2026-12-06');
      const a = rep.adoption;
      assert.equal(a.activeDevelopers, 3);
      assert.deepEqual(
        a.tools.map((t: Record<string, unknown>) => [t.tool, t.status, t.developers, t.days, t.sessions, t.toolCalls, t.prompts, t.denials]),
        [
          ['anthropic.claude-code', 'unlisted', 1, 1, 3, 41, 9, 2],
          ['app:cursor', 'unlisted', 1, 1, 0, 7, 3, 1],
          ['github.copilot-chat', 'approved', 1, 2, 0, 0, 0, 0],
        ],
      );
      assert.deepEqual(a.harnesses.map((h: Record<string, unknown>) => h.name), ['Claude Code', 'Cursor']);
      assert.equal(a.shadowShare, 0.5, 'two of four developer-days were on unlisted tools');
      assert.deepEqual(
        a.teams.map((t: Record<string, unknown>) => [t.team, t.developers, t.active, t.rate, t.unapproved, t.pullRequests, t.aiPullRequests, t.commits, t.aiCommits]),
        [
          ['payments', 2, 2, 1, 1, 1, 1, 5, 3],
          ['platform', 2, 1, 0.5, 1, 1, 0, 5, 0],
        ],
      );
      assert.deepEqual(a.disclosure.byRepository, [{ repository: repo, pullRequests: 2, aiPullRequests: 1, commits: 10, aiCommits: 3, aiCommitShare: 0.3 }]);
      assert.equal(a.weeks.length, 12);
      assert.deepEqual(a.weeks.slice(-2), [
        { week: '2026-11-23', active: 1, approved: 0, unapproved: 1 },
        { week: '2026-11-30', active: 3, approved: 1, unapproved: 2 },
      ]);

      const csv = await request(`${s.base}/v1/report?format=csv&since=2026-11-30&until=2026-12-06`, { headers: adminAuth });
      assert.match(csv.body, /\r\nadoption_team,,payments,,[^\r]*,,,1,2,1,/);
      assert.match(csv.body, /\r\nadoption_share,,,unapproved_use,Claude Code; Cursor,/);
      const page = await request(`${s.base}/?since=2026-11-30&until=2026-12-06`, { headers: adminAuth });
      assert.equal(page.status, 200);
      assert.match(page.body, /<figure id="adoption-trend"><svg role="img"/);
      assert.doesNotMatch(page.body, /<script/);
      assert.match(page.body, /href="\/\?since=2026-11-30&#38;until=2026-12-06&#38;tool=app%3Acursor#adoption-developers"/);
      const filtered = await report(s.base, '?since=2026-11-30&until=2026-12-06&tool=app:cursor');
      assert.deepEqual(filtered.adoption.developers.map((d: Record<string, unknown>) => d.developer), ['cy@example.com']);
      const evidence = await request(`${s.base}/evidence/adoption.csv?since=2026-11-30&until=2026-12-06`, { headers: adminAuth });
      assert.equal(evidence.status, 200);
      assert.match(evidence.body, /^section,developer,team,item,name,status,version,active,count,coverage\r\n/);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Found by an attacker's pass: the pull-request record was keyed by repository and number only, and the latest
  // check won whoever sent it, so any ingest credential could rewrite an enrolled developer's record.
  it("another developer's later check does not replace an enrolled developer's pull-request record", async () => {
    const t = await startServer();
    try {
      await t.app.store.enroll('bob@example.com', sha256('aipe_bob-token-for-the-pr-test-000001'));
      const repo = `sha256:${'b'.repeat(64)}`;
      const pr = (who: string, n: number, assisted: number, disclosed: boolean, time: string) =>
        ev('disclosure.pr', who, { repoHash: repo, pr: n, provider: 'github', commits: 10, assistedCommits: assisted, tools: assisted ? ['claude'] : [], prDisclosed: disclosed, result: 'pass', problems: [] }, { time });
      const send = (events: ReturnType<typeof ev>[]) => t.app.store.ingest({ events: events.map(checkedEvent), received: new Date().toISOString(), auth: 'shared' });
      await send([pr('bob@example.com', 42, 8, false, '2026-12-01T10:00:00Z'), pr('ann@example.com', 7, 4, true, '2026-12-01T10:00:00Z')]);
      // Later checks of both by others: bob's record stays his; ann is not enrolled, so hers is replaced.
      await send([pr('mallory', 42, 0, true, '2026-12-02T10:00:00Z'), pr('bob@example.com', 7, 0, true, '2026-12-02T10:00:00Z')]);
      const rows = async () => (await report(t.base, '?since=2026-11-30&until=2026-12-06')).adoption.disclosure.byRepository;
      assert.deepEqual(await rows(), [{ repository: repo, pullRequests: 2, aiPullRequests: 1, commits: 20, aiCommits: 8, aiCommitShare: 0.4 }]);
      // bob's own later check still replaces his.
      await send([pr('bob@example.com', 42, 9, false, '2026-12-03T10:00:00Z')]);
      assert.deepEqual(await rows(), [{ repository: repo, pullRequests: 2, aiPullRequests: 1, commits: 20, aiCommits: 9, aiCommitShare: 0.45 }]);
    } finally {
      await t.close();
    }
  });
});
