// `ai-policy sign` checks the policy first, with the same located problems as `validate`, and signs nothing
// invalid; both warn where the template's example addresses were left in place.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { placeholderProblems, validatePolicyText } from '../../../src/core/policy';
import { lineOf, NOW, repo, replaceOnce, starterText, strictText, tempDir } from './helpers';

const cli = path.join(repo, 'dist', 'cli.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('ai-policy sign validates first; template placeholders are warned about', function () {
  this.timeout(20_000);
  let t: ReturnType<typeof tempDir>;
  let key: string;
  beforeEach(() => {
    t = tempDir();
    assert.equal(run('keygen', '--out', path.join(t.dir, 'keys')).code, 0);
    key = path.join(t.dir, 'keys', 'policy-signing.key');
  });
  afterEach(() => t.done());

  it('refuses a policy with a misspelt status, printing the errors validate prints, and writes no signature', () => {
    const file = path.join(t.dir, 'org.aipolicy.yaml');
    const text = replaceOnce(strictText(), 'status: approved', 'status: aproved');
    writeFileSync(file, text);
    const v = run('validate', file);
    assert.equal(v.code, 1);
    const errors = v.out.split('\n').filter((l) => l.includes(': error: '));
    assert.ok(errors.length >= 1, v.out);
    const at = lineOf(text, 'aproved');
    assert.ok(errors.some((l) => l.startsWith(`${file}:${at.line}:`)), errors.join('\n'));

    const s = run('sign', '--key', key, file);
    assert.equal(s.code, 1, s.out + s.err);
    assert.deepEqual(
      s.err.split('\n').filter((l) => l.includes(': error: ')),
      errors,
      'the same located errors',
    );
    assert.match(s.err, /org\.aipolicy\.yaml is not a valid policy; nothing was signed/);
    assert.equal(s.out, '');
    assert.equal(existsSync(`${file}.sig`), false);
  });

  it('refuses a file that is not a policy at all (YAML error), and an unreadable one', () => {
    const file = path.join(t.dir, 'notes.aipolicy.yaml');
    writeFileSync(file, 'organization: [unclosed\n');
    const s = run('sign', '--key', key, file);
    assert.equal(s.code, 1);
    assert.match(s.err, /notes\.aipolicy\.yaml:\d+:\d+: error: /);
    assert.equal(existsSync(`${file}.sig`), false);
    const missing = run('sign', '--key', key, path.join(t.dir, 'nope.aipolicy.yaml'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nope\.aipolicy\.yaml: no such file/);
  });

  it('signs a valid policy, warning about the example addresses it still holds', () => {
    const file = path.join(t.dir, 'org.aipolicy.yaml');
    const text = starterText();
    writeFileSync(file, text);
    const s = run('sign', '--key', key, file);
    assert.equal(s.code, 0, s.err);
    assert.equal(s.out, `${file}.sig written\n`);
    const contact = lineOf(text, 'contact: ai-policy@example.com');
    assert.ok(s.err.includes(`${file}:${contact.line}:10: warning: the policy contact is still the template's example address (ai-policy@example.com)`), s.err);
    assert.ok(existsSync(`${file}.sig`));
    assert.equal(run('verify', '--pubkey', path.join(t.dir, 'keys', 'policy-signing.pub'), file).code, 0);
  });

  it('validate warns at each owner and contact at an example domain, located, and stays valid (exit 0)', () => {
    const file = path.join(t.dir, 'org.aipolicy.yaml');
    const text = starterText();
    writeFileSync(file, text);
    const v = run('validate', file);
    assert.equal(v.code, 0, v.out);
    const warnings = v.out.split('\n').filter((l) => l.includes("template's example address"));
    const email = lineOf(text, 'email: dana.whitfield@example.com');
    assert.ok(warnings.includes(`${file}:${email.line}:10: warning: the policy owner is still the template's example address (dana.whitfield@example.com); replace it with your organization's own`), warnings.join('\n'));
    assert.ok(warnings.some((l) => /warning: the owner of tool "github-copilot" is still the template's example address \(Dana Whitfield <dana\.whitfield@example\.com>\)/.test(l)));
    assert.ok(warnings.some((l) => /the access request address of tool "github-copilot" .*https:\/\/it\.example\.com\/request\/github-copilot/.test(l)));
    assert.match(v.out, /org\.aipolicy\.yaml: ok \(Example Corp, version 1\)/);
  });

  it("no placeholder warning once the organization's own addresses are in (subdomains and look-alikes told apart)", () => {
    const own = starterText().replace(/example\.com/g, 'acme-robotics.de');
    assert.deepEqual(placeholderProblems(validatePolicyText(own, { now: NOW }).policy), []);
    assert.deepEqual(placeholderProblems(validatePolicyText(strictText(), { now: NOW }).policy), [], 'the strict sample uses its own .example domain');
    const lookalike = { owner: { name: 'A', email: 'a@example.company.com' }, contact: 'https://notexample.com/x', tools: [{ id: 't', owner: 'B <b@mail.example.org>' }] };
    assert.deepEqual(
      placeholderProblems(lookalike).map((p) => p.path),
      ['/tools/0/owner'],
    );
    // The editor's live problems are unchanged: the placeholder check is asked for by the CLI only.
    assert.equal(validatePolicyText(starterText(), { now: NOW }).problems.length, 0);
  });
});
