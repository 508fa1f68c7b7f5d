// The evidence pack's exception rows from decisions, requests and inventory usage: used while in force,
// and expired exceptions whose tool is still seen after the last day.
import * as assert from 'node:assert/strict';
import { exceptionEvidence } from '../../../src/server/exceptions/evidence';
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
