// The README promises Node 20 (20.6 or later): every package the product installs (the lockfile's non-dev entries) must
// accept the oldest Node that package.json's engines admit, so `npm install` on Node 20 gives no EBADENGINE.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';
import { repoRoot } from '../../harness/workspaceSetup';

interface LockEntry {
  dev?: boolean;
  engines?: { node?: string } | string[];
}

const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(repoRoot(), file), 'utf8'));

describe('build: dependencies accept the Node version the product states', () => {
  const own = (read('package.json') as { engines: { node: string } }).engines.node;
  const oldest = semver.minVersion(own);

  it('package.json states a Node range with a lower bound', () => {
    assert.ok(oldest, `engines.node ${own}`);
    assert.equal(oldest.major, 20, 'the README says Node 20.6 or later');
  });

  it('every runtime dependency in the lockfile accepts that Node', () => {
    const lock = read('package-lock.json') as { packages: Record<string, LockEntry> };
    const refused: string[] = [];
    let checked = 0;
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (!where || entry.dev || !entry.engines || Array.isArray(entry.engines) || !entry.engines.node) continue;
      checked++;
      if (!semver.satisfies(oldest!, entry.engines.node)) refused.push(`${where} wants node ${entry.engines.node}`);
    }
    assert.ok(checked > 3, `only ${checked} runtime packages state engines`);
    assert.deepEqual(refused, [], `Node ${oldest!.version} is refused`);
  });
});
