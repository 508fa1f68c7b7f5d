// The hook keeps the policy file it validated (by content hash) in its state folder, so that a call with
// `--policy FILE` or a recorded file does not parse and lint the YAML again; a changed file is validated anew.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveHookPolicy, VALIDATED_POLICY_FILE } from '../../../src/core/hooks/resolve';

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
});
