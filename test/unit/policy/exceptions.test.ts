// The `exceptions:` section: accepted in its documented shape, and each mistake reported where it is.
import * as assert from 'node:assert/strict';
import { validatePolicyText } from '../../../src/core/policy';
import { lineOf, NOW, replaceOnce, starterText } from './helpers';

const SECTION = `
exceptions:
  maxDays: 60
  granted:
    - id: exc-2026-014
      requestId: req-7f3a
      who: { developer: jane@example.com, team: payments }
      what: { tool: cursor.agent }
      scope: person
      from: 2026-11-20
      until: 2027-01-18
      reason: Evaluating the agent on the billing service migration
      approvedBy: Dana Whitfield <dana.whitfield@example.com>
    - id: exc-2026-015
      who: { team: payments }
      what: { tool: github-copilot, dataClass: pii }
      scope: repository
      repositories: [github.com/example-corp/billing-*]
      from: 2026-11-25
      until: 2026-12-31
      reason: Synthetic customer records in the test fixtures
      approvedBy: Dana Whitfield <dana.whitfield@example.com>
`;
// cursor.agent is not in the starter: the policy's own catalog names it.
const CATALOG = `
catalog:
  - id: cursor.agent
    name: Cursor agent
    kind: agent
`;
const withSection = (section = SECTION): string => starterText() + CATALOG + section;

function problem(text: string, re: RegExp) {
  const problems = validatePolicyText(text, { now: NOW }).problems;
  const p = problems.find((x) => re.test(x.message));
  assert.ok(p, `no problem matching ${re} in ${JSON.stringify(problems, null, 1)}`);
  return p;
}

describe('policy exceptions: validation', () => {
  it('accepts the documented shape', () => {
    const r = validatePolicyText(withSection(), { now: NOW });
    assert.deepEqual(r.problems, []);
    assert.equal(r.policy?.exceptions?.granted?.length, 2);
    assert.equal(r.policy?.exceptions?.maxDays, 60);
  });

  it('reports until before from at the until date', () => {
    const text = replaceOnce(withSection(), 'until: 2027-01-18', 'until: 2026-11-01');
    const p = problem(text, /ends \(until 2026-11-01\) before it starts \(from 2026-11-20\)/);
    assert.equal(p.severity, 'error');
    assert.deepEqual({ line: p.line, col: p.col }, lineOf(text, '2026-11-01'));
  });

  it('refuses an exception longer than the policy maximum, and uses 90 days when the policy states none', () => {
    const text = replaceOnce(withSection(), 'until: 2027-01-18', 'until: 2027-02-18');
    const p = problem(text, /lasts 91 days \(2026-11-20 to 2027-02-18\), more than the 60 days/);
    assert.equal(p.code, 'exception-too-long');
    assert.equal(p.line, lineOf(text, 'until: 2027-02-18').line);
    const byDefault = replaceOnce(text, '  maxDays: 60\n', '');
    problem(byDefault, /lasts 91 days .* more than the 90 days/);
    const fits = replaceOnce(byDefault, 'until: 2027-02-18', 'until: 2027-02-17');
    assert.ok(validatePolicyText(fits, { now: NOW }).policy, 'exactly 90 days is allowed');
  });

  it('reports a malformed date as a schema error at its line', () => {
    const text = replaceOnce(withSection(), 'from: 2026-11-25', 'from: 2026-13-01');
    const p = problem(text, /"2026-13-01" is not a date; use YYYY-MM-DD/);
    assert.equal(p.line, lineOf(text, '2026-13-01').line);
    assert.equal(validatePolicyText(text, { now: NOW }).policy, undefined);
  });

  it('reports an unknown tool and an unknown data class', () => {
    const text = replaceOnce(replaceOnce(withSection(), 'tool: cursor.agent', 'tool: cursr.agent'), 'dataClass: pii', 'dataClass: health');
    const tool = problem(text, /refers to unknown tool "cursr.agent"/);
    assert.equal(tool.code, 'unknown-tool');
    assert.equal(tool.line, lineOf(text, 'cursr.agent').line);
    assert.equal(problem(text, /unknown data class "health"/).line, lineOf(text, 'dataClass: health').line);
  });

  it('accepts a tool by policy id, by one of its identifiers, or by a built-in catalog id', () => {
    for (const id of ['github-copilot', 'GitHub.copilot-chat', 'Continue.continue']) {
      const text = replaceOnce(withSection(), 'tool: cursor.agent', `tool: ${id}`);
      assert.ok(validatePolicyText(text, { now: NOW }).policy, id);
    }
  });

  it('requires what the scope needs', () => {
    const team = replaceOnce(withSection(), 'scope: person', 'scope: team');
    assert.ok(validatePolicyText(team, { now: NOW }).policy, 'who names a team');
    const noTeam = replaceOnce(withSection(), 'who: { developer: jane@example.com, team: payments }\n      what: { tool: cursor.agent }\n      scope: person', 'who: { developer: jane@example.com }\n      what: { tool: cursor.agent }\n      scope: team');
    assert.equal(problem(noTeam, /scope "team" but names no team/).code, 'exception-scope');
    const noRepos = replaceOnce(withSection(), '      repositories: [github.com/example-corp/billing-*]\n', '');
    problem(noRepos, /scope "repository" but lists no repositories/);
  });

  it('refuses a duplicate id, an unknown key and a missing approver', () => {
    const dup = replaceOnce(withSection(), 'id: exc-2026-015', 'id: exc-2026-014');
    const second = dup.split('\n').findIndex((l, i, all) => l.includes('id: exc-2026-014') && all.slice(0, i).some((x) => x.includes('id: exc-2026-014')));
    assert.equal(problem(dup, /duplicate exception id "exc-2026-014"/).line, second + 1);
    const typo = replaceOnce(withSection(), 'approvedBy: Dana Whitfield <dana.whitfield@example.com>\n    - id', 'aprovedBy: Dana Whitfield <dana.whitfield@example.com>\n    - id');
    problem(typo, /unknown key "aprovedBy" .*did you mean "approvedBy"\?/);
  });

  it('warns, without refusing the policy, about an exception that has ended', () => {
    const r = validatePolicyText(withSection(), { now: new Date('2027-01-05T00:00:00Z') });
    const expired = r.problems.filter((p) => p.code === 'exception-expired');
    assert.equal(expired.length, 1);
    assert.match(expired[0].message, /exc-2026-015" expired on 2026-12-31/);
    assert.ok(r.policy);
  });
});
