import * as assert from 'node:assert/strict';
import { validatePolicyText } from '../../../src/core/policy';
import { lineOf, NOW, replaceOnce, starterText, strictText } from './helpers';

describe('policy schema', () => {
  it('accepts both samples without errors or warnings for a year', () => {
    for (const [name, text] of [['starter', starterText()], ['strict', strictText()]] as const) {
      for (const now of [NOW, new Date('2027-11-19T12:00:00Z')]) {
        const r = validatePolicyText(text, { now });
        assert.deepEqual(r.problems, [], `${name} at ${now.toISOString()}`);
        assert.ok(r.policy, name);
      }
    }
  });

  it('the starter clears no tool for pii, customer-data or secret', () => {
    const p = validatePolicyText(starterText(), { now: NOW }).policy!;
    const cleared = new Set(p.tools.flatMap((t) => t.dataClasses));
    for (const c of ['pii', 'customer-data', 'secret']) assert.equal(cleared.has(c), false, c);
    assert.deepEqual(p.tools.find((t) => t.identifiers.includes('vscode.chat'))?.dataClasses, ['code']);
    assert.equal(p.disclosure?.trailer, 'Assisted-by');
    assert.equal(p.training?.[0].id, 'ai-literacy');
    assert.equal(p.acknowledgement?.withinDays, 14);
    assert.equal(p.audit?.identity, 'git-email');
  });

  it('reports an unknown key as an error at the key', () => {
    const text = replaceOnce(starterText(), '    status: approved\n', '    status: approved\n    colour: blue\n');
    const r = validatePolicyText(text, { now: NOW });
    assert.equal(r.policy, undefined);
    const p = r.problems.find((x) => x.code === 'unknown-key');
    assert.ok(p, JSON.stringify(r.problems));
    assert.match(p.message, /unknown key "colour" in \/tools\/0/);
    assert.deepEqual({ line: p.line, col: p.col }, lineOf(text, 'colour'));
  });

  it('reports a wrong enum value at the value', () => {
    const text = replaceOnce(starterText(), 'identity: git-email', 'identity: email');
    const p = validatePolicyText(text, { now: NOW }).problems[0];
    assert.match(p.message, /\/audit\/identity must be one of: git-email, os-user, explicit/);
    const at = lineOf(text, 'identity: email');
    assert.deepEqual({ line: p.line, col: p.col }, { line: at.line, col: at.col + 'identity: '.length });
  });

  it('reports a missing required key at the enclosing mapping', () => {
    const text = replaceOnce(starterText(), '    owner: Dana Whitfield <dana.whitfield@example.com>\n    dataClasses: [code, internal]\n', '    dataClasses: [code, internal]\n');
    const p = validatePolicyText(text, { now: NOW }).problems.find((x) => /missing required key "owner"/.test(x.message));
    assert.ok(p);
    assert.deepEqual({ line: p.line, col: p.col }, lineOf(text, 'id: github-copilot'));
  });

  it('rejects a version that is not a positive integer', () => {
    for (const v of ['0', '1.5', '"1"']) {
      const r = validatePolicyText(replaceOnce(starterText(), 'version: 1\n', `version: ${v}\n`), { now: NOW });
      assert.equal(r.policy, undefined, v);
      assert.equal(r.problems[0].path, '/version', v);
      assert.equal(r.problems[0].line, 5, v);
    }
  });

  it('asks a data rule for paths or a pattern in one message', () => {
    const text = replaceOnce(starterText(), '      paths: ["**/.env", "**/.env.*"]\n', '');
    const problems = validatePolicyText(text, { now: NOW }).problems;
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0].message, /needs "paths" or "pattern"/);
    assert.equal(problems[0].line, lineOf(text, 'id: env-files').line);
  });
});
