// The hook keeps the policy file it validated (by content hash) in its state folder, so that a call with
// `--policy FILE` or a recorded file does not parse and lint the YAML again; a changed file is validated anew.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveHookPolicy, VALIDATED_POLICY_FILE } from '../../../src/core/hooks/resolve';
import { trustManagedFileOwnerForTests } from '../../../src/core/managed/managedConfig';
import { generateSigningKeys, signPolicy } from '../../../src/core/policy/signature';

describe('hook policy: validated file kept between calls', () => {
  let dir: string;
  const sample = path.resolve(__dirname, '..', '..', '..', '..', 'policy-samples', 'strict.aipolicy.yaml');
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validated-policy-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the validation, reuses it for the same content, and validates a changed file again', async () => {
    const file = path.join(dir, 'p.aipolicy.yaml');
    const state = path.join(dir, 'state');
    fs.copyFileSync(sample, file);
    const first = await resolveHookPolicy({ policyFile: file, stateDir: state, managedPath: path.join(dir, 'none.json') });
    assert.ok(first.ok, JSON.stringify(first));
    const kept = path.join(state, VALIDATED_POLICY_FILE);
    assert.ok(fs.existsSync(kept), 'the validated policy is kept');
    assert.equal((fs.statSync(kept).mode & 0o077), 0, 'private to the user');
    // The kept copy is what the next call uses: marked here, so its use shows.
    const copy = JSON.parse(fs.readFileSync(kept, 'utf8'));
    copy.policy.organization = 'Kept Copy';
    fs.writeFileSync(kept, JSON.stringify(copy));
    const second = await resolveHookPolicy({ policyFile: file, stateDir: state, managedPath: path.join(dir, 'none.json') });
    assert.ok(second.ok && second.policy.organization === 'Kept Copy');
    // A changed file (here: broken) is validated again, never served from the copy.
    fs.appendFileSync(file, '\ntools: [unclosed\n');
    const third = await resolveHookPolicy({ policyFile: file, stateDir: state, managedPath: path.join(dir, 'none.json') });
    assert.equal(third.ok, false);
  });

  it('never takes a kept copy for a policy the managed configuration pins a key for (the agent can write the state folder)', async () => {
    const file = path.join(dir, 'signed.aipolicy.yaml');
    const state = path.join(dir, 'state-signed');
    const text = fs.readFileSync(sample, 'utf8');
    fs.writeFileSync(file, text);
    const keys = generateSigningKeys();
    fs.writeFileSync(`${file}.sig`, signPolicy(text, keys.privateKeyPem));
    const pub = path.join(dir, 'policy.pub');
    fs.writeFileSync(pub, keys.publicKeyPem);
    const managed = path.join(dir, 'managed.json');
    fs.writeFileSync(managed, JSON.stringify({ policySource: file, publicKey: pub }), { mode: 0o644 });
    trustManagedFileOwnerForTests(process.getuid?.());
    try {
      const real = await resolveHookPolicy({ stateDir: state, managedPath: managed, ignoreRecorded: true });
      assert.ok(real.ok, JSON.stringify(real));
      assert.equal(fs.existsSync(path.join(state, VALIDATED_POLICY_FILE)), false, 'nothing kept for a signed policy');
      // An agent forges a kept copy for the signed file's exact content: a permissive policy.
      const sha256 = (await import('node:crypto')).createHash('sha256').update(text).digest('hex');
      fs.mkdirSync(state, { recursive: true });
      fs.writeFileSync(path.join(state, VALIDATED_POLICY_FILE), JSON.stringify({ file, sha256, validatedAt: Date.now(), policy: { ...real.policy, organization: 'Forged' } }));
      const again = await resolveHookPolicy({ stateDir: state, managedPath: managed, ignoreRecorded: true });
      assert.ok(again.ok && again.policy.organization === real.policy.organization, 'the forged copy is not used');
    } finally {
      trustManagedFileOwnerForTests(undefined);
    }
  });
});
