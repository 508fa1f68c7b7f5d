// The CLI's policy file from the managed configuration (export and scan without --policy).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { managedPolicyFile } from '../../../src/cli/commands/managedSource';

describe('tools: managed policy source for the CLI', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-src-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (value: unknown, mode = 0o644) => {
    const f = path.join(dir, 'managed.json');
    fs.writeFileSync(f, JSON.stringify(value));
    fs.chmodSync(f, mode);
    return f;
  };
  const asRoot = process.getuid?.() === 0;

  it('no file: no managed source', () => {
    assert.equal(managedPolicyFile(path.join(dir, 'absent.json')), undefined);
  });

  it('a file path or file: URL is the policy file; an https source asks for --policy (a file not owned by root is refused)', () => {
    if (!asRoot) {
      const r = managedPolicyFile(write({ policySource: '/tmp/p.yaml' }));
      assert.ok(typeof r === 'object' && /not owned by root/.test(r.error), JSON.stringify(r));
      return;
    }
    const policy = path.join(dir, 'p.yaml');
    assert.equal(managedPolicyFile(write({ policySource: policy })), policy);
    assert.equal(managedPolicyFile(write({ policySource: pathToFileURL(policy).href })), policy);
    const r = managedPolicyFile(write({ policySource: 'https://policy.example.com/p.yaml' }));
    assert.ok(typeof r === 'object' && /is a URL; pass --policy FILE/.test(r.error), JSON.stringify(r));
  });

  it('a file others can write is an error, not a source', () => {
    const r = managedPolicyFile(write({ policySource: '/tmp/p.yaml' }, 0o666));
    assert.ok(typeof r === 'object' && /managed configuration: .*(writable by group or others|not owned by root)/.test(r.error), JSON.stringify(r));
  });
});
