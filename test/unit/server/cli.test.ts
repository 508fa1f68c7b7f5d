import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, freePort, startServerProcess, stopServerProcess } from '../audit/serverProcess';
import { post } from './helpers';

describe('ai-policy server command', function () {
  this.timeout(30_000);

  it('refuses to start without a token, port or database, saying which', () => {
    const r = spawnSync(process.execPath, [CLI, 'server'], { encoding: 'utf8', env: { ...process.env, AI_POLICY_SERVER_TOKEN: '' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--port must be/);
    assert.match(r.stderr, /--db FILE is required/);
    assert.match(r.stderr, /--token \(or AI_POLICY_SERVER_TOKEN\) is required/);
  });

  it('refuses a --max-body that is not a positive number of bytes', () => {
    const r = spawnSync(process.execPath, [CLI, 'server', '--port', '0', '--db', path.join(os.tmpdir(), 'unused.db'), '--token', 't', '--max-body', '5MB'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--max-body must be a positive number of bytes/);
  });

  it('takes the token from the environment, prints its URL and stops cleanly on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-cli-'));
    const port = await freePort();
    const prev = process.env.AI_POLICY_SERVER_TOKEN;
    const token = 'env-token-123';
    process.env.AI_POLICY_SERVER_TOKEN = token;
    try {
      const p = await startServerProcess(port, path.join(dir, 'a.db'), '');
      const ok = await post(p.url, { events: [{ id: 'x1', type: 'inventory', time: '2026-11-20T09:00:00Z' }] }, token);
      assert.equal(ok.status, 200);
      const code = new Promise<number | null>((r) => p.child.once('exit', (c) => r(c)));
      await stopServerProcess(p, 'SIGTERM');
      assert.equal(await code, 0);
    } finally {
      if (prev === undefined) delete process.env.AI_POLICY_SERVER_TOKEN;
      else process.env.AI_POLICY_SERVER_TOKEN = prev;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
