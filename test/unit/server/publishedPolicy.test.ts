// The policy the server publishes is the one that counts: it alone makes a version current (editors'
// reports are claims), due dates count from its publication, and the evidence pack states the file's own
// SHA-256, signature state and signing key.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSigningKeys, signPolicy } from '../../../src/core/policy/signature';
import { keyFingerprint } from '../../../src/server/signedHead';
import { adminAuth, ev, post, report, request, startServer, type Running } from './helpers';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

describe('server: the published policy, not editors\' claims', function () {
  this.timeout(60_000);
  let dir: string;
  const running: Running[] = [];
  const start = async (opts: Parameters<typeof startServer>[0]) => {
    const s = await startServer(opts);
    running.push(s);
    return s;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-pub-'));
  });
  afterEach(async () => {
    for (const s of running.splice(0)) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fleet = (s: Running) =>
    post(s.base, {
      events: [
        ev('inventory', 'ann@example.com', { tools: [] }, { time: daysAgo(40), policyVersion: 1 }),
        ev('inventory', 'bob@example.com', { tools: [] }, { time: daysAgo(40), policyVersion: 1 }),
        // A forged claim with the shared token: version 999, "valid".
        ev('policy.loaded', 'mallory@example.com', { version: 999, hash: 'f'.repeat(64), signature: 'valid' }, { time: daysAgo(1), policyVersion: 999 }),
      ],
    });

  it('without --policy no version is current: a claimed version 999 does not list everyone as not acknowledged', async () => {
    const s = await start({});
    assert.equal((await fleet(s)).status, 200);
    const rep = await report(s.base);
    assert.equal(rep.acknowledgements.current, null);
    assert.equal(rep.acknowledgements.versions.some((v: { current: boolean }) => v.current), false);
    assert.deepEqual(rep.acknowledgements.missing.filter((m: { item: string }) => m.item === 'v999').map((m: { developer: string }) => m.developer), ['mallory@example.com']);
    assert.deepEqual(rep.policyVersions.map((v: { version: number; source: string }) => [v.version, v.source]), [[999, 'claimed by editors']]);
  });

  it('with --policy, its version is current and due dates count from its publication date', async () => {
    const policy = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policy, `organization: Example Corp\nversion: 2\npublished: ${today()}\nacknowledgement:\n  required: true\n  withinDays: 14\n`);
    const s = await start({ policyFile: policy });
    assert.equal((await fleet(s)).status, 200);
    const rep = await report(s.base);
    assert.equal(rep.acknowledgements.current, 2);
    const v2 = rep.acknowledgements.missing.filter((m: { item: string }) => m.item === 'v2');
    const due = new Date(Date.parse(`${today()}T00:00:00Z`) + 14 * DAY).toISOString().slice(0, 10);
    assert.deepEqual(
      v2.filter((m: { developer: string }) => m.developer !== 'mallory@example.com').map((m: { developer: string; state: string; dueDate: string }) => [m.developer, m.state, m.dueDate]),
      [
        ['ann@example.com', 'not acknowledged', due],
        ['bob@example.com', 'not acknowledged', due],
      ],
      'published today: due in 14 days, not overdue since their first event 40 days ago',
    );
  });

  it('earlier versions in --policy-history show as published when validly signed; a claim of the same version with other bytes stays a claim', async () => {
    const keys = generateSigningKeys();
    const pub = path.join(dir, 'policy.pub');
    fs.writeFileSync(pub, keys.publicKeyPem);
    const policy = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policy, 'organization: Example Corp\nversion: 3\n');
    const history = path.join(dir, 'history');
    fs.mkdirSync(history);
    const v1 = 'organization: Example Corp\nversion: 1\n';
    const v2 = 'organization: Example Corp\nversion: 2\n';
    fs.writeFileSync(path.join(history, 'v1.yaml'), v1);
    fs.writeFileSync(path.join(history, 'v1.yaml.sig'), signPolicy(v1, keys.privateKeyPem));
    // Version 2 is in the folder, but its signature was made by another key.
    fs.writeFileSync(path.join(history, 'v2.yaml'), v2);
    fs.writeFileSync(path.join(history, 'v2.yaml.sig'), signPolicy(v2, generateSigningKeys().privateKeyPem));
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    const claims = [
      ev('policy.loaded', 'ann@example.com', { version: 1, hash: sha(v1), signature: 'valid' }, { time: daysAgo(30), policyVersion: 1 }),
      ev('policy.loaded', 'bob@example.com', { version: 2, hash: sha(v2), signature: 'valid' }, { time: daysAgo(20), policyVersion: 2 }),
      // Version 1 with other bytes: a forged or edited copy.
      ev('policy.loaded', 'mallory@example.com', { version: 1, hash: 'e'.repeat(64), signature: 'valid' }, { time: daysAgo(2), policyVersion: 1 }),
    ];
    const sources = async (opts: Parameters<typeof startServer>[0]) => {
      const s = await start(opts);
      assert.equal((await post(s.base, { events: claims })).status, 200);
      const rep = await report(s.base);
      return rep.policyVersions.map((v: { version: number; hash: string; source: string }) => [v.version, v.hash.slice(0, 4), v.source]).sort((a: string[], b: string[]) => String(a).localeCompare(String(b)));
    };
    assert.deepEqual(await sources({ policyFile: policy, policyKeyFile: pub, policyHistoryDir: history }), [
      [1, sha(v1).slice(0, 4), 'published'],
      [1, 'eeee', 'claimed by editors'],
      [2, sha(v2).slice(0, 4), 'claimed by editors'],
    ]);
    // Without a public key the folder is the operator's word, as --policy is: both versions count as published.
    assert.deepEqual((await sources({ policyFile: policy, policyHistoryDir: history })).map((r: unknown[]) => r[2]), ['published', 'claimed by editors', 'published']);
    // Without the folder, only version 3 (the server's own file) could be published.
    assert.deepEqual((await sources({ policyFile: policy, policyKeyFile: pub })).map((r: unknown[]) => r[2]), ['claimed by editors', 'claimed by editors', 'claimed by editors']);
  });

  it('the evidence pack states the published file\'s SHA-256, signature state and signing key fingerprint', async () => {
    const policy = path.join(dir, 'policy.yaml');
    const text = 'organization: Example Corp\nversion: 2\n';
    fs.writeFileSync(policy, text);
    const keys = generateSigningKeys();
    const pub = path.join(dir, 'policy.pub');
    fs.writeFileSync(pub, keys.publicKeyPem);
    fs.writeFileSync(`${policy}.sig`, signPolicy(text, keys.privateKeyPem));
    const sha = createHash('sha256').update(text).digest('hex');
    const evidence = async (s: Running) => {
      const r = await request(`${s.base}/evidence`, { headers: adminAuth });
      assert.equal(r.status, 200);
      return /<p id="published-policy">(.*?)<\/p>/s.exec(r.body)?.[1] ?? '';
    };
    const checked = await start({ policyFile: policy, policyKeyFile: pub });
    const line = await evidence(checked);
    assert.match(line, new RegExp(`SHA-256 <code class="hash">${sha}</code>`));
    assert.match(line, new RegExp(`signature: valid, signed by the key with SHA-256 fingerprint <code class="hash">${keyFingerprint(keys.publicKeyPem)}</code>`));
    assert.deepEqual((await report(checked.base)).policy.signature, { state: 'valid', key: keyFingerprint(keys.publicKeyPem) });
    assert.match(await evidence(await start({ policyFile: policy })), /signature: a signature file is published but was not checked/);
    fs.writeFileSync(`${policy}.sig`, signPolicy('something else', keys.privateKeyPem));
    assert.match(await evidence(await start({ policyFile: policy, policyKeyFile: pub })), /signature: invalid/);
    fs.rmSync(`${policy}.sig`);
    assert.match(await evidence(await start({ policyFile: policy, policyKeyFile: pub })), /signature: unsigned/);
  });
});
