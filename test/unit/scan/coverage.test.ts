// Every generated family: the documented format is found, the near miss is not; and the false alarms the
// scanner used to raise on templates, placeholders, manifests and environment files.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { toSarif } from '../../../src/core/scan/sarif';
import { secp256k1InRange } from '../../../src/core/scan/rules/services';
import { HEX, j, rnd } from './fixtures';
import { generateSamples } from './samples/generate';

const scanner = new Scanner();
const ids = (text: string, path = 'config/app.env.txt') => scanner.scanText(text, path).findings.map((f) => f.ruleId);

describe('coverage by family (generated samples)', () => {
  for (const n of [0, 1, 2]) {
    // A family with several shapes (URL schemes, token kinds) has several samples per seed: each gets its own name.
    const shapes = new Map<string, number>();
    for (const c of generateSamples(n)) {
      const shape = shapes.get(c.rule) ?? 0;
      shapes.set(c.rule, shape + 1);
      it(`${c.family} (${c.rule}${shape ? ` shape ${shape + 1}` : ''}) #${n}: found in its documented format, near miss ignored`, () => {
        const hit = ids(c.hit, c.path);
        assert.ok(hit.includes(c.rule), `expected ${c.rule} in ${JSON.stringify(hit)}`);
        assert.deepEqual(ids(c.miss, c.path).filter((r) => r !== 'path-service-account'), [], `near miss reported: ${c.miss}`);
      });
    }
  }

  it('secp256k1: only integers in [1, n-1] are keys', () => {
    assert.ok(secp256k1InRange('0x' + '0'.repeat(63) + '1'));
    assert.ok(!secp256k1InRange('0'.repeat(64)));
    assert.ok(!secp256k1InRange('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141'));
    assert.ok(secp256k1InRange('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140'));
    // A 64-hex value without a key word nearby is a hash, not a wallet key.
    assert.ok(!ids(`sha = "${rnd(64, HEX, 5)}"`).includes('secp256k1-private-key'));
  });
});

describe('false alarms', () => {
  it('environment templates are not sensitive by path, still scanned by content', () => {
    for (const p of ['.env.example', '.env.sample', '.env.template', 'example.env', 'prod.env.dist', 'app/.env.local.example']) {
      assert.deepEqual(ids('API_URL=https://api.internal\n', p), [], p);
    }
    const leaked = `STRIPE_KEY=${j('sk', '_live_', rnd(40, undefined, 3))}\n`;
    assert.ok(ids(leaked, '.env.example').includes('stripe-secret-key'));
    for (const p of ['.env', '.env.local', 'prod.env']) assert.deepEqual(ids('A=1\n', p), ['path-dotenv'], p);
  });

  it('one .env file is one file-level finding even when the policy names .env files too', () => {
    const withPolicy = new Scanner({ dataHandling: { classes: [{ id: 'secret', name: 'Secrets' }], builtinDetectors: 'all', rules: [{ id: 'env-files', class: 'secret', description: 'Environment files that hold credentials.', paths: ['**/.env', '**/.env.*'] }] } } as never);
    assert.deepEqual(withPolicy.scanText('A=1\n', '.env').findings.map((f) => f.ruleId), ['path-dotenv']);
    assert.deepEqual(withPolicy.scanText('A=1\n', '.env.example').findings, []);
  });

  it('variable references and placeholders are not findings, in URLs and assignments', () => {
    const values = ['${NPM_TOKEN}', '$(cat token)', '<your-token>', 'xxxxxxxxxxxxxxxx', 'aaaaaaaaaaaaaaaa', 'EXAMPLEEXAMPLE123', '********'];
    for (const v of values) {
      assert.deepEqual(ids(`NPM_TOKEN=${v}\n`), [], v);
      assert.deepEqual(ids(`const apiToken = "${v}";\n`, 'src/a.ts'), [], v);
      assert.deepEqual(ids(`url = "https://deploy:${v}@registry.internal.corp/"\n`), [], v);
      assert.deepEqual(ids(`//registry.npmjs.org/:_authToken=${v}\n`, '.npmrc.txt'), [], v);
    }
  });

  it('a value assigned to a provider name is judged by that provider\'s format, not the generic rule', () => {
    assert.deepEqual(ids(`meraki_token = ${rnd(64, HEX, 11)}R21\n`), []);
    assert.deepEqual(ids(`meraki-api-key: ${rnd(20, HEX, 12)}F${rnd(19, HEX, 13)}\n`), []);
    assert.ok(ids(`MERAKI_API_KEY=${rnd(40, HEX, 14)}\n`).includes('meraki-api-key'));
    // A name that only contains a provider's letters inside a word is not that provider's.
    assert.ok(ids(`BOOKTABLE_TOKEN=${rnd(32, undefined, 15)}\n`).includes('generic-secret'));
  });

  it('Google API keys begin AIzaSy', () => {
    assert.ok(ids(`k = "${j('AI', 'zaSy', rnd(33, undefined, 16))}"`).includes('gcp-api-key'));
    assert.deepEqual(ids(`k = "${j('AI', 'zay', rnd(35, undefined, 16))}"`), []);
    assert.deepEqual(ids(`k = "${j('AI', 'ZASY', rnd(33, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 16))}"`), []);
  });

  it('the Mailchimp mobile SDK key (meant to ship in apps) is not an API key', () => {
    const key = j(rnd(32, HEX, 17), '-us', '18');
    assert.deepEqual(ids(`MailchimpSDK.initialize(token: ${key})\n`, 'App.swift'), []);
    assert.ok(ids(`mailchimp: ${key}\n`).includes('mailchimp-api-key'));
  });

  it('a JWT is a credential when it says who or until when, not when it signs one datum', () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = (claims: object) => j(b64({ alg: 'HS256', typ: 'JWT' }), '.', b64(claims), '.', rnd(43, undefined, 18));
    assert.ok(ids(`t = "${jwt({ sub: 'u-1', exp: 1900000000 })}"`).includes('jwt'));
    assert.ok(ids(`t = "${jwt({ uid: 457427 })}"`).includes('jwt'));
    assert.deepEqual(ids(`t = "${jwt({ confidence: 0.8 })}"`), []);
  });

  it('curl: Basic carries base64 user:password; commented continuation lines are followed', () => {
    const basic = Buffer.from(`api:${rnd(20, undefined, 19)}`).toString('base64');
    assert.ok(ids(`curl -H "Authorization: Basic ${basic}" https://api.internal.corp/\n`).includes('curl-auth-header'));
    assert.deepEqual(ids(`curl -H "Authorization: Basic not.base64.${rnd(20, undefined, 20)}" https://api.internal.corp/\n`), []);
    assert.ok(ids(`#curl -X POST \\\n#  https://api.internal.corp/v3/messages \\\n#  -H 'Authorization: Basic ${basic}'\n`).includes('curl-auth-header'));
  });

  it('a Kubernetes manifest is sensitive only when its own kind is Secret', () => {
    const data = Buffer.from(rnd(24, undefined, 9)).toString('base64');
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${data}\n`;
    assert.ok(ids(secret, 'k8s/secret.yaml').includes('kubernetes-secret'));
    const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    ref: |\n      kind: Secret\ndata:\n  checksum: ${data}\n`;
    assert.ok(!ids(deployment, 'k8s/deploy.yaml').includes('kubernetes-secret'));
  });
});

describe('home directories naming a user', () => {
  it('are low-severity personal data: SARIF note', () => {
    for (const t of ['log: /Users/alice.martin/projects/app/x.ts', 'cwd = "/home/bkowalski/src"', 'path = "C:\\\\Users\\\\jdupont\\\\AppData"', 'C:\\Users\\mchen\\Desktop']) {
      const f = scanner.scanText(t, 'notes.txt').findings;
      assert.deepEqual(f.map((x) => [x.ruleId, x.dataClass, x.severity]), [['home-directory-path', 'pii', 'low']], t);
    }
    const sarif = toSarif([{ path: 'notes.txt', findings: scanner.scanText('/home/bkowalski/x', 'notes.txt').findings, suppressed: 0 }] as never, { toolVersion: '0' }) as { runs: { results: { level: string }[] }[] };
    assert.equal(sarif.runs[0].results[0].level, 'note');
  });

  it('not for generic accounts, variables, or web paths', () => {
    for (const t of ['/home/runner/work/app', '/Users/$USER/x', '/home/${USER}/x', '/home/ubuntu/app', 'https://site.org/home/about', '/Users/<name>/x', 'C:\\Users\\Public\\x']) {
      assert.deepEqual(ids(t, 'notes.txt'), [], t);
    }
  });

  it('can be switched off by the policy', () => {
    const off = new Scanner({ dataHandling: { classes: [], builtinDetectors: 'all', allowlist: { rules: ['home-directory-path'] } } } as never);
    assert.deepEqual(off.scanText('/home/bkowalski/x', 'notes.txt').findings, []);
  });
});
