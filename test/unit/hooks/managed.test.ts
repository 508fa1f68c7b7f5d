// The managed configuration file, read from real files (the path is passed in code, never from the environment).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { managedConfigPath, readManagedConfig, trustManagedFileOwnerForTests } from '../../../src/core/managed/managedConfig';
import { resolveHookPolicy } from '../../../src/core/hooks/resolve';
import { testPolicy } from '../tools/testPolicy';

describe('managed configuration', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => trustManagedFileOwnerForTests(undefined));
  const write = (text: string, mode = 0o644) => {
    const f = path.join(dir, 'managed.json');
    fs.writeFileSync(f, text);
    fs.chmodSync(f, mode);
    return f;
  };

  it('lives at a fixed machine-wide path per platform', () => {
    assert.equal(managedConfigPath('linux'), '/etc/ai-tool-policy/managed.json');
    assert.equal(managedConfigPath('darwin'), '/Library/Application Support/AiToolPolicy/managed.json');
    assert.match(managedConfigPath('win32'), /^[A-Za-z]:\\.*\\AiToolPolicy\\managed\.json$/);
  });
  it('is no configuration when absent', () => {
    assert.deepEqual(readManagedConfig(path.join(dir, 'none.json')), { path: path.join(dir, 'none.json') });
  });
  it('reads the organization keys', () => {
    const f = write('{ "policySource": "https://policy.example.com/ai.yaml", "hooksMode": "enforce" }');
    assert.deepEqual(readManagedConfig(f, { checkOwner: false }).config, { policySource: 'https://policy.example.com/ai.yaml', hooksMode: 'enforce' });
  });
  it('reports a broken file and unknown keys at their line and column', () => {
    assert.match(readManagedConfig(write('{\n  "policySource": \n}'), { checkOwner: false }).error ?? '', /managed\.json:3:1: /);
    assert.match(readManagedConfig(write('{\n  "polcySource": "x"\n}'), { checkOwner: false }).error ?? '', /managed\.json:2:3: unknown key "polcySource"/);
    assert.match(readManagedConfig(write('{ "hooksMode": "maybe" }'), { checkOwner: false }).error ?? '', /must be one of off, audit, enforce/);
  });
  it('refuses a file that others than an administrator can write', () => {
    const uid = process.getuid?.() ?? 0;
    const f = write('{}');
    // Owned by someone else than root: chown as root; a regular user's own file is the same case.
    if (uid === 0) fs.chownSync(f, 1000, 1000);
    assert.match(readManagedConfig(f, { checkOwner: true }).error ?? '', /not owned by root \(owner uid \d+\)/);
    trustManagedFileOwnerForTests(uid);
    if (uid === 0) fs.chownSync(f, 0, 0);
    assert.equal(readManagedConfig(f, { checkOwner: true }).error, undefined);
    fs.chmodSync(f, 0o666);
    assert.match(readManagedConfig(f, { checkOwner: true }).error ?? '', /writable by group or others \(mode 666\)/);
  });
  it('gives the hooks the managed policy source before the editor copy', async () => {
    trustManagedFileOwnerForTests(process.getuid?.());
    const policy = path.join(dir, 'org.aipolicy.yaml');
    fs.writeFileSync(policy, stringify(testPolicy()));
    const f = write(JSON.stringify({ policySource: policy }));
    const r = await resolveHookPolicy({ managedPath: f, stateDir: path.join(dir, 'state') });
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.equal(r.source, policy);
  });
});
