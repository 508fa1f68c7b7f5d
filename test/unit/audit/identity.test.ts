import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitEmail, machinePseudonym, osUser, pseudonymize, resolveDeveloper } from '../../../src/core/audit';
import { tempDir } from './helpers';

describe('audit identity', () => {
  it('reads git user.email from the repository config', async () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['config', 'user.email', 'Ann.Dev@Example.com'], { cwd: dir });
    assert.equal(await gitEmail(dir), 'Ann.Dev@Example.com');
    const id = await resolveDeveloper({ mode: 'git-email', cwd: dir });
    assert.deepEqual(id, { developer: 'Ann.Dev@Example.com', source: 'git-email' });
  });

  it('falls back to the OS user when git has no email', async () => {
    const dir = tempDir();
    const home = tempDir();
    execFileSync('git', ['init', '-q', dir]);
    const prev = { HOME: process.env.HOME, XDG: process.env.XDG_CONFIG_HOME, G: process.env.GIT_CONFIG_GLOBAL };
    process.env.GIT_CONFIG_GLOBAL = path.join(home, 'none');
    fs.writeFileSync(process.env.GIT_CONFIG_GLOBAL, '');
    try {
      const id = await resolveDeveloper({ mode: 'git-email', cwd: dir });
      assert.equal(id.source, 'fallback');
      assert.equal(id.developer, osUser());
    } finally {
      if (prev.G === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = prev.G;
    }
  });

  it('uses the explicit id and the OS user when asked', async () => {
    assert.deepEqual(await resolveDeveloper({ mode: 'explicit', explicitId: ' emp-1234 ' }), { developer: 'emp-1234', source: 'explicit' });
    assert.deepEqual(await resolveDeveloper({ mode: 'os-user' }), { developer: osUser(), source: 'os-user' });
  });

  it('pseudonymizes with HMAC-SHA256, stable across case and spacing', async () => {
    const key = '9f2c1e7a4b8d0f36e5a1c2d4b6f8e0a1';
    const a = pseudonymize('Ann@Example.com', key);
    assert.match(a, /^anon:[0-9a-f]{64}$/);
    assert.equal(pseudonymize(' ann@example.com ', key), a);
    assert.notEqual(pseudonymize('ann@example.com', 'other-key'), a);
    const id = await resolveDeveloper({ mode: 'explicit', explicitId: 'Ann@Example.com', hmacKey: key });
    assert.equal(id.developer, a);
    assert.equal(id.developer.includes('ann'), false);
  });

  it('hashes the machine id', () => {
    const m = machinePseudonym('raw-machine-id');
    assert.match(m, /^[0-9a-f]{32}$/);
    assert.equal(m, machinePseudonym('raw-machine-id'));
    assert.notEqual(m, machinePseudonym('raw-machine-id', 'k'));
  });
});
