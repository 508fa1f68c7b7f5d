// Signed heads: published outside the database with a key that is not in it, they prove that the log
// read today extends what was published, so a history rewritten and re-chained is caught.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../../src/server/store';
import { validateBatch } from '../../../src/server/validate';
import type { ChainAuth } from '../../../src/server/store/types';
import { CLI, freePort, startServerProcess, stopServerProcess } from '../audit/serverProcess';
import { demoEvents, ev, post, startServer, type Running } from './helpers';

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('server: signed heads and verify-log --heads', function () {
  this.timeout(60_000);
  let s: Running;
  let keys: string;
  let heads: string;
  let db: string;
  beforeEach(async () => {
    s = await startServer();
    db = path.join(s.dir, 'audit.db');
    keys = path.join(s.dir, 'keys');
    heads = path.join(s.dir, 'heads');
    assert.equal(cli('keygen', '--out', keys).status, 0);
  });
  afterEach(async () => {
    await s.close();
  });
  const key = () => path.join(keys, 'policy-signing.key');
  const pub = () => path.join(keys, 'policy-signing.pub');

  it('publish-head writes a signed head; verify-log proves every published head is a prefix of today\'s log', async () => {
    assert.equal((await post(s.base, { events: demoEvents() })).status, 200);
    const first = cli('publish-head', '--db', db, '--head-key', key(), '--head-out', heads);
    assert.equal(first.status, 0, first.stderr);
    const published = JSON.parse(fs.readFileSync(first.stdout.trim(), 'utf8'));
    assert.equal(published.seq, 11);
    assert.match(published.signature, /^[A-Za-z0-9+/]+=*$/);
    assert.equal(fs.readFileSync(first.stdout.trim(), 'utf8').includes('PRIVATE'), false);
    assert.equal((await post(s.base, { events: [ev('inventory', 'zed', { tools: [] })] })).status, 200);
    assert.equal(cli('publish-head', '--db', db, '--head-key', key(), '--head-out', heads).status, 0);
    const ok = cli('verify-log', '--db', db, '--heads', heads, '--pubkey', pub());
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^OK 12 events, head \(row 12\) [0-9a-f]{64}, 2 published heads are prefixes of it/m);
  });

  it('a history rewritten and re-chained passes verify-log alone, and fails against the published heads', async () => {
    assert.equal((await post(s.base, { events: demoEvents() })).status, 200);
    assert.equal(cli('publish-head', '--db', db, '--head-key', key(), '--head-out', heads).status, 0);
    // The rewrite: every row but the first acknowledgement, re-stored with the same receive times and authentication.
    const rows = new Database(db, { readonly: true }).prepare(`SELECT type, received, auth, body FROM events ORDER BY seq`).all() as { type: string; received: string; auth: ChainAuth; body: string }[];
    const forged = path.join(s.dir, 'forged.db');
    const store = await openStore(forged);
    let dropped = false;
    for (const r of rows) {
      if (!dropped && r.type === 'policy.acknowledged') {
        dropped = true;
        continue;
      }
      const v = validateBatch(`{"events":[${r.body}]}`);
      assert.ok(v.ok);
      await store.ingest({ events: v.events, received: r.received, auth: r.auth });
    }
    await store.close();
    const alone = cli('verify-log', '--db', forged);
    assert.equal(alone.status, 0, 'without an anchor the rewrite is consistent');
    const anchored = cli('verify-log', '--db', forged, '--heads', heads, '--pubkey', pub());
    assert.equal(anchored.status, 1, anchored.stdout);
    assert.match(anchored.stdout, /^BROKEN: a published head is not in the log/);
  });

  it('refuses a head not signed by the given key, and a private key given as --pubkey', async () => {
    assert.equal(cli('publish-head', '--db', db, '--head-key', key(), '--head-out', heads).status, 0);
    const other = path.join(s.dir, 'other');
    assert.equal(cli('keygen', '--out', other).status, 0);
    const r = cli('verify-log', '--db', db, '--heads', heads, '--pubkey', path.join(other, 'policy-signing.pub'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /published heads that do not verify:\n {2}head-\d+-.*\.json: its signature does not hold/);
    const file = fs.readdirSync(heads)[0];
    const h = JSON.parse(fs.readFileSync(path.join(heads, file), 'utf8'));
    fs.writeFileSync(path.join(heads, file), JSON.stringify({ ...h, seq: h.seq + 1 }));
    assert.equal(cli('verify-log', '--db', db, '--heads', heads, '--pubkey', pub()).status, 1, 'an edited head no longer verifies');
    assert.equal(cli('verify-log', '--db', db, '--heads', heads, '--pubkey', key()).status, 2);
  });

  it('server --head-key publishes at its interval', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-heads-'));
    const p = await startServerProcess(await freePort(), path.join(dir, 'audit.db'), 'test-token-0123456789', ['--head-key', key(), '--head-out', heads, '--head-interval', '1']);
    try {
      const until = Date.now() + 20_000;
      while ((fs.existsSync(heads) ? fs.readdirSync(heads).length : 0) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      assert.ok(fs.readdirSync(heads).length >= 2, 'two publications within the run');
      const r = cli('verify-log', '--db', path.join(dir, 'audit.db'), '--heads', heads, '--pubkey', pub());
      assert.equal(r.status, 0, r.stdout + r.stderr);
    } finally {
      await stopServerProcess(p);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
