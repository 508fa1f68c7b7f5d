// The order of remedies for a finding, and the mechanical environment-variable replacement.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan/scanner';
import { envName, envReference, remedies } from '../../../src/core/scan/remediation';
import type { Finding } from '../../../src/core/scan/types';
import { githubToken, j } from './fixtures';

const kinds = (f: Finding, lang: string, line: string | undefined, canAllow = true) => remedies(f, lang, line, canAllow).map((r) => r.kind);

describe('remediation order', () => {
  const key = j('AK', 'IA', 'QYLPMN5HHHFPZAM2');
  const scan = (text: string, path: string) => new Scanner().scanText(text, path).findings;

  it('a leaked token: revoke first, then the environment variable, ignore files, policy, and allow last', () => {
    const line = `export const accessKeyId = '${key}';`;
    const [f] = scan(line + '\n', 'src/settings.ts');
    assert.equal(f.ruleId, 'aws-access-key-id');
    const rs = remedies(f, 'typescript', line, true);
    assert.deepEqual(rs.map((r) => r.kind), ['revoke', 'env-reference', 'ignore-file', 'policy', 'allow']);
    const revoke = rs[0];
    assert.ok(revoke.kind === 'revoke' && revoke.provider === 'AWS' && revoke.url.startsWith('https://docs.aws.amazon.com/'));
    const env = rs[1];
    assert.ok(env.kind === 'env-reference');
    const r = env.replacement;
    assert.equal(line.slice(0, r.start) + r.text + line.slice(r.end), 'export const accessKeyId = process.env.ACCESS_KEY_ID;');
  });

  it('a provider without its own page gets the general guide; allow is never first, and absent without comments', () => {
    const token = githubToken();
    const [f] = scan(`token: ${token}\n`, 'ci.yml');
    assert.equal(f.family, 'github');
    const rs = remedies({ ...f, family: 'no-such-provider' }, 'yaml', `token: ${token}`, false);
    assert.ok(rs[0].kind === 'revoke' && rs[0].provider === '' && /owasp/.test(rs[0].url));
    assert.ok(!rs.some((x) => x.kind === 'allow'));
    assert.equal(kinds(f, 'yaml', `token: ${token}`).at(-1), 'allow');
  });

  it('personal data has no revoke or replacement; a key file name is revoked but never allowed inline', () => {
    const [email] = scan('contact = "jane.doe@acme-mail.io"\n', 'a.py');
    assert.equal(email.dataClass, 'pii');
    assert.deepEqual(kinds(email, 'python', 'contact = "jane.doe@acme-mail.io"'), ['ignore-file', 'policy', 'allow']);
    const path = new Scanner().scanText('', 'deploy/id_rsa').findings.find((x) => x.kind === 'path')!;
    assert.ok(path, 'a path finding');
    assert.deepEqual(kinds(path, 'plaintext', undefined)[0], 'revoke');
    assert.ok(!kinds(path, 'plaintext', undefined).includes('allow'));
  });

  it('environment-variable references per language, only where mechanical', () => {
    const py = envReference('python', `API_KEY = "${key}"`, 11, 11 + key.length, 'aws-access-key-id')!;
    assert.deepEqual(py, { envName: 'API_KEY', replacement: { start: 10, end: 12 + key.length, text: 'os.environ["API_KEY"]', importLine: 'import os' } });
    const yml = envReference('yaml', `  secret_key: ${key}`, 14, 14 + key.length, 'aws-access-key-id')!;
    assert.equal(yml.replacement.text, '${SECRET_KEY}');
    // Part of a longer string: not mechanical in code.
    assert.equal(envReference('typescript', `const u = "k=${key}&x=1";`, 13, 13 + key.length, 'aws-access-key-id'), undefined);
    // A language without a convention here.
    assert.equal(envReference('plaintext', `key = "${key}"`, 7, 7 + key.length, 'aws-access-key-id'), undefined);
    // No name on the left: the rule id names it.
    assert.equal(envReference('javascript', `f('${key}')`, 3, 3 + key.length, 'aws-access-key-id')!.replacement.text, 'process.env.AWS_ACCESS_KEY_ID');
    assert.equal(envName('stripeSecretKey'), 'STRIPE_SECRET_KEY');
    assert.equal(envName('api-key'), 'API_KEY');
  });
});
