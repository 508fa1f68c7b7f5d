import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ADMIN_TOKEN, CLI, freePort, startServerProcess, stopServerProcess } from '../audit/serverProcess';
import { post, request } from './helpers';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, AI_POLICY_SERVER_TOKEN: '', AI_POLICY_ADMIN_TOKEN: '', ...env } });

describe('ai-policy server command', function () {
  this.timeout(30_000);
  const db = path.join(os.tmpdir(), `aip-unused-${process.pid}.db`);

  it('refuses to start without an admin token, port or database, saying which', () => {
    const r = run(['server']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--port must be/);
    assert.match(r.stderr, /--db FILE or URL is required/);
    assert.match(r.stderr, /--admin-token \(or AI_POLICY_ADMIN_TOKEN\) is required/);
  });

  it('refuses tokens shorter than 16 characters, and the same token for both roles', () => {
    const short = run(['server', '--port', '0', '--db', db, '--token', 'short-token', '--admin-token', 'admin-short']);
    assert.equal(short.status, 2);
    assert.match(short.stderr, /--admin-token is shorter than 16 characters/);
    assert.match(short.stderr, /--token is shorter than 16 characters/);
    const same = run(['server', '--port', '0', '--db', db, '--token', ADMIN_TOKEN, '--admin-token', ADMIN_TOKEN]);
    assert.equal(same.status, 2);
    assert.match(same.stderr, /the ingest and admin tokens must differ/);
    assert.equal(fs.existsSync(db), false, 'nothing created');
  });

  it('refuses a --max-body that is not a positive number of bytes', () => {
    const r = run(['server', '--port', '0', '--db', db, '--admin-token', ADMIN_TOKEN, '--max-body', '5MB']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--max-body must be a positive number of bytes/);
  });

  it('refuses a broken roster at start with its location', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-cli-'));
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'developer,team\n"unclosed,quote\n');
    const r = run(['server', '--port', '0', '--db', path.join(dir, 'a.db'), '--admin-token', ADMIN_TOKEN, '--roster', roster]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--roster: .*roster\.csv: .*(quote|line)/i);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes the tokens from the environment, prints its URL and stops cleanly on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-cli-'));
    const port = await freePort();
    const prev = process.env.AI_POLICY_SERVER_TOKEN;
    const token = 'env-token-0123456789';
    process.env.AI_POLICY_SERVER_TOKEN = token;
    try {
      const p = await startServerProcess(port, path.join(dir, 'a.db'), '');
      const ok = await post(p.url, { events: [{ id: 'x1', type: 'inventory', time: '2026-11-20T09:00:00Z' }] }, token);
      assert.equal(ok.status, 200);
      const rep = await request(`${p.url}/v1/report`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(JSON.parse(rep.body).totals.events, 1, 'the report is rendered by the worker thread of the real process');
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
