// The policy author's first hour on the command line: init, and validate/sign/verify messages that say
// what is wrong and how to fix it, in one run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { validatePolicyText } from '../../../src/core/policy';
import { starterPolicy } from '../../../src/core/policy/starter';
import { lineOf, NOW, repo, replaceOnce, starterText, tempDir } from './helpers';

const cli = path.join(repo, 'dist', 'cli.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const errors = (text: string) => validatePolicyText(text, { now: NOW }).problems.filter((p) => p.severity === 'error');

describe('validate messages', () => {
  it('a misspelt required key is one error, with a suggestion, at the key', () => {
    const text = replaceOnce(starterText(), 'identifiers: [vscode.chat]', 'identifers: [vscode.chat]');
    const found = errors(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].message, 'unknown key "identifers" in /tools/1; did you mean "identifiers"?');
    assert.deepEqual({ line: found[0].line, col: found[0].col }, lineOf(text, 'identifers'));
  });

  it('suggests optional keys too, and lists the known keys when nothing is close', () => {
    const optional = errors(replaceOnce(starterText(), 'requestAccess:', 'requestAcess:'));
    assert.equal(optional.length, 1);
    assert.match(optional[0].message, /unknown key "requestAcess" in \/tools\/0; did you mean "requestAccess"\?/);
    const top = errors(replaceOnce(starterText(), 'nextReview:', 'nextreview:'));
    assert.equal(top.length, 1, JSON.stringify(top));
    assert.equal(top[0].message, 'unknown key "nextreview" at the top level; did you mean "nextReview"?');
    const far = errors(replaceOnce(starterText(), '    status: approved\n', '    status: approved\n    colour: blue\n'));
    assert.match(far[0].message, /^unknown key "colour" in \/tools\/0 \(expected one of: id, name, identifiers, status, owner, dataClasses, conditions, requestAccess, notes\)$/);
  });

  it('a bad date shows the value and the form expected, at the value', () => {
    const text = replaceOnce(starterText(), 'published: 2026-11-25', 'published: 2026-12-32');
    const found = errors(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].message, '/published: "2026-12-32" is not a date; use YYYY-MM-DD');
    assert.equal(found[0].line, lineOf(text, 'published:').line);
    const unquotedNumber = errors(replaceOnce(starterText(), 'expires: 2028-01-31', 'expires: 20280131'));
    assert.equal(unquotedNumber[0].message, '/expires: 20280131 is not a date; use YYYY-MM-DD');
  });

  it('reports lint problems in the same run as schema errors', () => {
    let text = replaceOnce(starterText(), 'identifiers: [vscode.chat]', 'identifers: [vscode.chat]');
    text = replaceOnce(text, 'dataClasses: [code, internal]', 'dataClasses: [code, intrenal]');
    text = replaceOnce(text, 'id: env-files', 'id: customer-exports');
    text = replaceOnce(text, 'reviewedOn: 2026-11-25', 'reviewedOn: 2026-13-01');
    const messages = errors(text).map((p) => p.message);
    assert.ok(messages.some((m) => m.startsWith('unknown key "identifers"')), JSON.stringify(messages));
    assert.ok(messages.some((m) => m.includes('unknown data class "intrenal"')), JSON.stringify(messages));
    assert.ok(messages.some((m) => m.includes('duplicate data rule id "customer-exports"')), JSON.stringify(messages));
    assert.ok(messages.some((m) => m === '/reviewedOn: "2026-13-01" is not a date; use YYYY-MM-DD'), JSON.stringify(messages));
    assert.equal(messages.length, 4, 'each problem once: ' + JSON.stringify(messages));
  });

  it('survives a document whose parts have the wrong shape, still reporting what it can', () => {
    const text = replaceOnce(replaceOnce(starterText(), 'tools:\n', 'tools: none\nextraTools:\n'), 'class: customer-data', 'class: customers');
    const found = errors(text).map((p) => p.message);
    assert.ok(found.some((m) => /^\/tools must be a list \(found "none"\)$/.test(m)), JSON.stringify(found));
    assert.ok(found.some((m) => m.includes('unknown data class "customers"')), JSON.stringify(found));
  });

  it('warns about an owner who is not a person with an email', () => {
    const tbd = validatePolicyText(replaceOnce(starterText(), 'owner: Dana Whitfield <dana.whitfield@example.com>', 'owner: TBD'), { now: NOW });
    assert.ok(tbd.policy, 'a warning, not an error');
    assert.equal(tbd.problems.length, 1);
    assert.equal(tbd.problems[0].severity, 'warning');
    assert.match(tbd.problems[0].message, /owner "TBD" of tool "github-copilot" is a placeholder, not a person; name the accountable person and their email/);
    const noEmail = validatePolicyText(replaceOnce(starterText(), 'owner: Dana Whitfield <dana.whitfield@example.com>', 'owner: Dana Whitfield'), { now: NOW });
    assert.match(noEmail.problems[0].message, /owner "Dana Whitfield" of tool "github-copilot" has no email address; write it as Name <name@example.com>/);
    const policyOwner = validatePolicyText(replaceOnce(starterText(), '  email: dana.whitfield@example.com\n', ''), { now: NOW });
    assert.equal(policyOwner.problems[0]?.severity, 'warning');
    assert.match(policyOwner.problems[0].message, /the owner of the policy \("Dana Whitfield"\) has no email address; add owner.email/);
  });
});

describe('ai-policy init', function () {
  this.timeout(20_000);

  it('writes the starter policy with the organization and today; it validates, with a warning at each example address', () => {
    const t = tempDir();
    try {
      const out = path.join(t.dir, 'acme.aipolicy.yaml');
      const r = run('init', '--org', 'Acme Robotics GmbH', '--out', out);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /acme\.aipolicy\.yaml written: starter policy for Acme Robotics GmbH, version 1/);
      const text = readFileSync(out, 'utf8');
      const today = new Date().toISOString().slice(0, 10);
      assert.match(text, /^organization: Acme Robotics GmbH$/m);
      assert.match(text, new RegExp(`^published: ${today}$`, 'm'));
      assert.doesNotMatch(text, /Example Corp/);
      const v = run('validate', out);
      assert.equal(v.code, 0, v.out);
      const lines = v.out.trimEnd().split('\n');
      assert.equal(lines.pop(), `${out}: ok (Acme Robotics GmbH, version 1)`);
      assert.ok(lines.length > 0, 'the example people and addresses are pointed out');
      for (const l of lines) assert.match(l, /: warning: .* is still the template's example address/);
      const again = run('init', '--out', out);
      assert.equal(again.code, 1);
      assert.match(again.err, /exists \(use --force to replace it\)/);
      assert.equal(run('init', '--org', '', '--out', path.join(t.dir, 'x.yaml')).code, 2);
      assert.equal(existsSync(path.join(t.dir, 'x.yaml')), false);
    } finally {
      t.done();
    }
  });

  it('writes to standard output with --out -', () => {
    const r = run('init', '--org', 'Northwind: Labs', '--out', '-');
    assert.equal(r.code, 0);
    assert.match(r.out, /^organization: "Northwind: Labs"$/m);
    assert.ok(validatePolicyText(r.out).policy);
  });

  it('keeps the review within a year on any day, leap days included', () => {
    for (const day of ['2028-02-29', '2027-12-31', '2026-01-01']) {
      const text = starterPolicy(starterText(), { organization: 'Leap Ltd', now: new Date(`${day}T23:30:00Z`) });
      const r = validatePolicyText(text, { now: new Date(`${day}T12:00:00Z`) });
      assert.deepEqual(r.problems, [], day);
      assert.equal(r.policy?.reviewedOn, day);
    }
    assert.match(starterPolicy(starterText(), { organization: 'Leap Ltd', now: new Date('2028-02-29T12:00:00Z') }), /^nextReview: 2029-02-28$/m);
  });
});

describe('sign and verify messages', function () {
  this.timeout(20_000);

  it('verify refuses a private key, and says "no such file" for a missing policy', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'org.aipolicy.yaml');
      writeFileSync(file, starterText());
      run('keygen', '--out', path.join(t.dir, 'keys'));
      const key = path.join(t.dir, 'keys', 'policy-signing.key');
      assert.equal(run('sign', '--key', key, file).code, 0);
      const priv = run('verify', '--pubkey', key, file);
      assert.equal(priv.code, 1);
      assert.match(priv.err, /policy-signing\.key is a private key; verify needs the public key \(e\.g\. keys\/policy-signing\.pub\)/);
      const missing = run('verify', '--pubkey', path.join(t.dir, 'keys', 'policy-signing.pub'), path.join(t.dir, 'nope.aipolicy.yaml'));
      assert.equal(missing.code, 1);
      assert.match(missing.err, /nope\.aipolicy\.yaml: no such file\n$/);
      assert.doesNotMatch(missing.err, /not signed/);
      const missingKey = run('sign', '--key', path.join(t.dir, 'keys', 'nope.key'), file);
      assert.match(missingKey.err, /nope\.key: no such file/);
    } finally {
      t.done();
    }
  });

  it('verify accepts a key file with the old and the new key during a rotation', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'org.aipolicy.yaml');
      writeFileSync(file, starterText());
      run('keygen', '--out', path.join(t.dir, 'old'));
      run('keygen', '--out', path.join(t.dir, 'new'));
      const both = path.join(t.dir, 'rotation.pub');
      writeFileSync(both, readFileSync(path.join(t.dir, 'old', 'policy-signing.pub'), 'utf8') + readFileSync(path.join(t.dir, 'new', 'policy-signing.pub'), 'utf8'));
      run('sign', '--key', path.join(t.dir, 'new', 'policy-signing.key'), file);
      const r = run('verify', '--pubkey', both, file);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /signature valid \(checked against 2 public keys\)/);
      assert.equal(run('verify', '--pubkey', path.join(t.dir, 'old', 'policy-signing.pub'), file).code, 1);
    } finally {
      t.done();
    }
  });
});
