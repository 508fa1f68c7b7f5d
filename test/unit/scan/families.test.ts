// One true positive per family built from the documented format, and a near miss that must not match.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { githubToken, HEX, j, rnd } from './fixtures';

const scanner = new Scanner();
const ids = (text: string, path = 'src/app.ts') => scanner.scanText(text, path).findings.map((f) => f.ruleId);

const cases: { family: string; hit: string; rule: string; miss: string }[] = [
  { family: 'AWS', rule: 'aws-access-key-id', hit: `key = "${j('AK', 'IA', 'QYLPMN5HHHFPZAM2')}"`, miss: `key = "${j('AK', 'IA', 'IOSFODNN7EXAMPLE')}"` },
  { family: 'GCP', rule: 'gcp-api-key', hit: `k = "${j('AI', 'zaSy', rnd(33, undefined, 3))}"`, miss: `k = "${j('AI', 'zaSy', rnd(28, undefined, 3))}"` },
  { family: 'Azure', rule: 'azure-ad-client-secret', hit: `client_secret=${j('bP8', '8Q~', rnd(34, undefined, 5))}`, miss: 'client_secret=~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~' },
  { family: 'GitHub', rule: 'github-token', hit: `t = "${githubToken()}"`, miss: `t = "${j('gh', 'p_')}${'x'.repeat(36)}"` },
  { family: 'GitLab', rule: 'gitlab-token', hit: `t = "${j('glp', 'at-', rnd(20, undefined, 9))}"`, miss: `t = "${j('glp', 'at-')}XXXXXXXXXXX-XXXXXXXX"` },
  { family: 'Bitbucket', rule: 'bitbucket-app-password', hit: `p = "${j('AT', 'BB', rnd(32, undefined, 13))}"`, miss: `p = "${j('AT', 'BB', rnd(12))}"` },
  { family: 'OpenAI', rule: 'openai-api-key', hit: `k = "${j('sk-', 'proj-', rnd(58, undefined, 4), 'T3Blbk', 'FJ', rnd(58, undefined, 8))}"`, miss: 'k = "sk-proj-short"' },
  { family: 'Anthropic', rule: 'anthropic-api-key', hit: `k = "${j('sk-', 'ant-', 'api03-', rnd(93, undefined, 21), 'AA')}"`, miss: `k = "${j('sk-', 'ant-', 'api03-', rnd(20))}"` },
  { family: 'Hugging Face', rule: 'huggingface-token', hit: `--token ${j('h', 'f_', rnd(34, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 17))}`, miss: '- (id)hf_requiredCharacteristicTypesForDisplay;' },
  { family: 'Groq', rule: 'groq-api-key', hit: `k = "${j('gs', 'k_', rnd(52, undefined, 23))}"`, miss: `k = "${j('gs', 'k_', rnd(12))}"` },
  { family: 'Stripe', rule: 'stripe-secret-key', hit: `s = "${j('sk', '_live_', rnd(40, undefined, 29))}"`, miss: 's = "sk_live_"' },
  { family: 'Square', rule: 'square-access-token', hit: `t=${j('sq0', 'atp-', rnd(22, undefined, 31))}`, miss: 'sha256:eaaa7b11777babe28e6133a8b19ff71cea687e0d7f05158dee95a71f76ce3d00' },
  { family: 'Shopify', rule: 'shopify-token', hit: `t = "${j('shp', 'at_', rnd(32, HEX, 37))}"`, miss: `t = "${j('shp', 'at_', rnd(32, 'ghijklmnop', 37))}"` },
  { family: 'Slack', rule: 'slack-token', hit: `t = "${j('xo', 'xb-', '781236542736-2364535789652-', rnd(24, undefined, 41))}"`, miss: 'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx' },
  { family: 'Twilio', rule: 'twilio-api-key', hit: `k = "${j('S', 'K', rnd(32, HEX, 43))}"`, miss: `k = "SK${'0'.repeat(32)}"` },
  { family: 'SendGrid', rule: 'sendgrid-api-key', hit: `k = "${j('S', 'G.', rnd(22, undefined, 47), '.', rnd(43, undefined, 53))}"`, miss: 'k = "SG.short.short"' },
  { family: 'Telegram', rule: 'telegram-bot-token', hit: `t = "${j('123456789', ':A', 'A', rnd(33, undefined, 59))}"`, miss: 't = "123456789:BB_not_a_token"' },
  { family: 'npm', rule: 'npm-access-token', hit: `//registry.npmjs.org/:_authToken=${j('np', 'm_', rnd(36, undefined, 61))}`, miss: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' },
  { family: 'PyPI', rule: 'pypi-upload-token', hit: `password = ${j('pypi-', 'AgEIcHlwaS5vcmc', rnd(60, undefined, 67))}`, miss: 'password = pypi-AgEIcHlwaS5vcmc' },
  { family: 'Docker Hub', rule: 'dockerhub-pat', hit: `t = "${j('dckr', '_pat_', rnd(27, undefined, 71))}"`, miss: 't = "dckr_pat_"' },
  { family: 'Databricks', rule: 'databricks-token', hit: `token = ${j('da', 'pi', rnd(32, HEX, 73))}`, miss: `token = ${j('da', 'pi', rnd(32, 'ghijk', 73))}` },
  { family: 'Vault', rule: 'vault-token', hit: `VAULT_TOKEN=${j('hv', 's.', rnd(95, undefined, 79))}`, miss: 'VAULT_TOKEN=hvs.short' },
  { family: 'Notion', rule: 'notion-token', hit: `n = "${j('nt', 'n_', '45647615172', rnd(35, undefined, 83))}"`, miss: 'n = "ntn_12345678901"' },
  { family: 'Postman', rule: 'postman-api-key', hit: `k = "${j('PM', 'AK-', rnd(24, HEX, 89), '-', rnd(34, HEX, 97))}"`, miss: 'k = "PMAK-123"' },
  { family: 'private key', rule: 'private-key', hit: j('-----BEGIN ', 'RSA PRIVATE', ' KEY-----\n', rnd(64, undefined, 101), '\n', rnd(40, undefined, 103), '\n-----END ', 'RSA PRIVATE', ' KEY-----'), miss: '-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----' },
  { family: 'JWT', rule: 'jwt', hit: j('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', '.', rnd(43, undefined, 107)), miss: 'eyJhbGciOi.eyJzdWIi.abc' },
  { family: 'connection string', rule: 'url-password', hit: `DATABASE_URL=postgres://app:${rnd(14, undefined, 109)}@db.internal:5432/app`, miss: 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app' },
  { family: 'generic', rule: 'generic-secret', hit: `const clientSecret = "${rnd(32, undefined, 113)}";`, miss: 'const tokenType = "Bearer";' },
];

describe('built-in rules by family', () => {
  for (const c of cases) {
    it(`${c.family}: finds the documented format and ignores a near miss`, () => {
      assert.ok(ids(c.hit).includes(c.rule), `expected ${c.rule} in ${JSON.stringify(ids(c.hit))}`);
      assert.ok(!ids(c.miss).includes(c.rule), `near miss matched ${c.rule}`);
    });
  }

  it('never puts the whole value in a finding', () => {
    const token = githubToken();
    const f = scanner.scanText(`t = "${token}"`).findings[0];
    assert.ok(!f.masked.includes(token.slice(4, 20)));
    assert.match(f.masked, /^ghp_\*{4}…/);
    assert.equal(f.line, 1);
    assert.equal(f.col, 6);
  });

  it('finds nothing in ordinary code', () => {
    const code = 'export function tokenize(key: string, passwordField = "password"): Token[] {\n  const apiKey = process.env.API_KEY;\n  return key.split(/\\s+/).map((t) => ({ t, secret: false }));\n}\n';
    assert.deepEqual(ids(code), []);
  });
});
