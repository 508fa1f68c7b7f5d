// The evidence pack's exception rows from decisions, requests, inventories and the usage rollups: used while
// in force, and expired exceptions whose tool is still seen or active after the last day.
import * as assert from 'node:assert/strict';
import { activityQueries, exceptionEvidence } from '../../../src/server/exceptions/evidence';
import type { DecisionRecord, RequestRecord } from '../../../src/server/exceptions/records';
import type { Usage } from '../../../src/server/report/usage';

const at = (s: string) => Date.parse(s);
const request = (id: string, developer: string, extra: Partial<RequestRecord> = {}): RequestRecord => ({
  requestId: id, developer, at: at('2026-10-01T08:00:00Z'), verified: true, tool: 'github-copilot', scope: 'person', days: 30, reason: 'why', ...extra,
});
const decision = (id: string, who: DecisionRecord['who'], from: string, until: string, extra: Partial<DecisionRecord> = {}): DecisionRecord => ({
  requestId: id, status: 'approved', approvedBy: 'Dana', who, what: { tool: 'github-copilot' }, scope: 'person', from, until, reason: 'why', at: at(`${from}T09:00:00Z`), seq: 1, ...extra,
});
const use = (developer: string, tool: string, firstSeen: string, lastSeen: string, present = true): Usage => ({
  developer, team: null, tool, name: null, version: null, status: 'approved', machines: 1, firstSeen, lastSeen, present, enabled: true, active: true,
});
const policy = { tools: [{ id: 'github-copilot', status: 'approved', identifiers: ['github.copilot', 'github.copilot-chat'] }] };

describe('evidence: exceptions decided and their use', () => {
  const requests = [request('r1', 'ann'), request('r2', 'bob'), request('r3', 'cy', { scope: 'team' }), request('r4', 'dee', { mcpServer: 'jira', tool: undefined })];
  const decisions = [
    decision('r1', { developer: 'ann' }, '2026-10-02', '2026-10-31'),
    decision('r2', { developer: 'bob' }, '2026-10-02', '2026-10-10'),
    decision('r3', { team: 'payments' }, '2026-10-02', '2026-10-20', { scope: 'team' }),
    decision('r4', { developer: 'dee' }, '2026-10-02', '2026-10-05', { what: { mcpServer: 'jira' } }),
  ];
  const usage = [
    use('ann', 'github.copilot-chat', '2026-10-05T10:00:00Z', '2026-10-06T10:00:00Z', false),
    use('bob', 'github.copilot', '2026-09-01T10:00:00Z', '2026-11-20T10:00:00Z'),
    use('eve', 'github.copilot', '2026-10-05T10:00:00Z', '2026-10-06T10:00:00Z'),
    use('dee', 'mcp:jira', '2026-10-07T10:00:00Z', '2026-11-20T10:00:00Z', false),
  ];
  const roster = [{ developer: 'eve', team: 'payments' }];
  const x = exceptionEvidence(requests, decisions, usage, { policy, roster, now: at('2026-11-25T00:00:00Z') });

  it('marks used by the covered developers (a policy id matches its identifiers; a team is its roster members)', () => {
    assert.deepEqual(x.rows.map((r) => [r.requestId, r.used]), [['r1', true], ['r2', true], ['r3', true], ['r4', false]]);
  });

  it('lists expired exceptions whose tool is still present after the last day', () => {
    assert.deepEqual(x.expiredInUse.map((r) => [r.requestId, r.lastSeen]), [['r2', '2026-11-20T10:00:00Z']]);
  });

  it('keeps only the decisions made in the range', () => {
    const y = exceptionEvidence(requests, decisions, usage, { policy, roster, since: at('2026-11-01T00:00:00Z'), now: at('2026-11-25T00:00:00Z') });
    assert.deepEqual(y.rows, []);
    assert.equal(y.expiredInUse.length, 1, 'an expired exception still in use is listed whenever it was decided');
  });
});

describe('evidence: exceptions used as the usage rollups show (agent hook, editor activity, telemetry)', () => {
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  const agentPolicy = { tools: [{ id: 'claude-code', status: 'unlisted', identifiers: ['cli:claude'] }] };
  const requests = [request('a1', 'Ann@Example.com', { tool: 'claude-code' }), request('a2', 'bob', { tool: 'claude-code' }), request('a3', 'cy', { tool: 'claude-code' }), request('a4', 'dee', { mcpServer: 'jira', tool: undefined })];
  const decisions = [
    decision('a1', { developer: 'Ann@Example.com' }, '2026-10-02', '2026-10-31', { what: { tool: 'claude-code' } }),
    decision('a2', { team: 'payments' }, '2026-10-02', '2026-10-10', { what: { tool: 'claude-code' }, scope: 'team' }),
    decision('a3', { developer: 'cy' }, '2026-10-02', '2026-10-10', { what: { tool: 'claude-code' }, status: 'declined' }),
    decision('a4', { developer: 'dee' }, '2026-10-02', '2026-10-05', { what: { mcpServer: 'jira' } }),
  ];
  const roster = [{ developer: 'eve', team: 'payments' }, { developer: 'fay', team: 'payments' }];

  it('asks the store, per approved tool exception, for its covered developers and the tool ids the rollups count it under', () => {
    const q = activityQueries(requests, decisions, { policy: agentPolicy, roster });
    assert.deepEqual(
      q.map((x) => [x.key, x.developers, x.fromDay, x.untilDay]),
      [
        ['a1', ['Ann@Example.com', 'ann@example.com'], day('2026-10-02'), day('2026-10-31')],
        ['a2', ['eve', 'fay'], day('2026-10-02'), day('2026-10-10')],
      ],
      'declined decisions and MCP servers (no rollups per server) are not asked for',
    );
    assert.ok(q[0].tools.includes('anthropic.claude-code'), 'cli:claude is counted under the agent id the hook and telemetry use');
    assert.ok(q[0].tools.includes('claude-code'));
  });

  const use = (key: string, activeDays: number, sources: string[], lastDay: string) => [key, { key, activeDays, sources, lastDay: day(lastDay) }] as const;

  it('marks used from the rollups\' days in force, names the sources, and lists use after the end', () => {
    const activity = new Map([
      use('a1', 2, ['hook', 'otlp-log', 'otlp-metric'], '2026-10-31'),
      use('a2', 1, ['editor'], '2026-11-02'),
      // An answer for a declined decision is ignored.
      use('a3', 3, ['hook'], '2026-10-05'),
    ]);
    const x = exceptionEvidence(requests, decisions, [], { policy: agentPolicy, roster, now: at('2026-11-25T00:00:00Z'), activity });
    const row = (id: string) => x.rows.find((r) => r.requestId === id)!;
    assert.deepEqual([row('a1').used, row('a1').usedBy, row('a1').activeDays, row('a1').expiredInUse], [true, ['agent hook', 'telemetry'], 2, false]);
    assert.deepEqual([row('a2').used, row('a2').usedBy, row('a2').activeDays, row('a2').expiredInUse, row('a2').lastActive], [true, ['editor activity'], 1, true, '2026-11-02']);
    assert.deepEqual([row('a3').used, row('a3').usedBy, row('a3').activeDays], [false, [], 0]);
    assert.deepEqual([row('a4').used, row('a4').usedBy], [false, []]);
    assert.deepEqual(x.expiredInUse.map((r) => r.requestId), ['a2']);
  });

  it('is not used when the only activity came after the last day', () => {
    const activity = new Map([use('a1', 0, [], '2026-11-01')]);
    const x = exceptionEvidence(requests, decisions, [], { policy: agentPolicy, roster, now: at('2026-11-25T00:00:00Z'), activity });
    const a1 = x.rows.find((r) => r.requestId === 'a1')!;
    assert.deepEqual([a1.used, a1.activeDays, a1.expiredInUse, a1.lastActive], [false, 0, true, '2026-11-01']);
  });
});
