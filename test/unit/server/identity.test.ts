// Enrolled identities, the proxy identity header, and throttling of failed authentication.
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { throttleKey } from '../../../src/server/auth';
import { CLI } from '../audit/serverProcess';
import { ADMIN, adminAuth, ev, fresh, post, report, request, startServer, TOKEN, type Running } from './helpers';

function enroll(db: string, developer: string): { status: number | null; stdout: string; token: string } {
  const r = spawnSync(process.execPath, [CLI, 'enroll', '--db', db, '--developer', developer], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  return { status: r.status, stdout: r.stdout, token: lines[lines.length - 1] };
}

describe('server: enrolled identities', () => {
  let s: Running;
  let db: string;
  beforeEach(async () => {
    s = await startServer();
    db = path.join(s.dir, 'audit.db');
  });
  afterEach(async () => {
    await s.close();
  });

  it('enroll prints a token on its last line and stores only its hash', () => {
    const e = enroll(db, 'ann@example.com');
    assert.equal(e.status, 0, e.stdout);
    assert.match(e.token, /^aipe_[A-Za-z0-9_-]{43}$/);
    const d = new Database(db, { readonly: true });
    const rows = d.prepare('SELECT token_hash, developer FROM enrollments').all() as { token_hash: string; developer: string }[];
    d.close();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].developer, 'ann@example.com');
    assert.notEqual(rows[0].token_hash, e.token);
    assert.match(rows[0].token_hash, /^[0-9a-f]{64}$/);
    const bytes = fs.readFileSync(db).toString('latin1') + fs.readFileSync(`${db}-wal`, { flag: 'a+' }).toString('latin1');
    assert.equal(bytes.includes(e.token), false, 'the token itself is not in the database');
    const bad = spawnSync(process.execPath, [CLI, 'enroll', '--db', db], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--developer ID is required/);
  });

  it('takes events of the enrolled developer (verified) and refuses anyone else\'s with 403', async () => {
    const { token } = enroll(db, 'ann@example.com');
    const forged = await post(s.base, { events: [ev('policy.acknowledged', 'ann@example.com', { version: 2 }, fresh()), ev('policy.acknowledged', 'bob@example.com', { version: 2 }, fresh())] }, token);
    assert.equal(forged.status, 403);
    assert.match(JSON.parse(forged.body).error, /events\[1\]: developer "bob@example.com"; this token may only send events of "ann@example.com"/);
    assert.equal((await report(s.base)).totals.events, 0, 'nothing of the batch is stored');
    assert.equal((await post(s.base, { events: [ev('policy.acknowledged', 'ann@example.com', { version: 2 }, fresh()), ev('training.completed', 'ann@example.com', { training: 'ai-basics' }, fresh())] }, token)).status, 200);
    assert.equal((await post(s.base, { events: [ev('policy.acknowledged', 'bob@example.com', { version: 2 }, fresh()), ev('training.completed', 'bob@example.com', { training: 'ai-basics' }, fresh())] }, TOKEN)).status, 200);
    const rep = await report(s.base);
    const acks = Object.fromEntries(rep.acknowledgements.records.map((r: { developer: string; verified: boolean }) => [r.developer, r.verified]));
    assert.deepEqual(acks, { 'ann@example.com': true, 'bob@example.com': false });
    const trained = Object.fromEntries(rep.training.records.map((r: { developer: string; verified: boolean }) => [r.developer, r.verified]));
    assert.deepEqual(trained, { 'ann@example.com': true, 'bob@example.com': false });
    assert.equal(rep.developers.find((d: { developer: string }) => d.developer === 'ann@example.com').enrolled, true);
    // The enrolled token may not read the evidence.
    assert.equal((await request(`${s.base}/v1/report`, { headers: { authorization: `Bearer ${token}` } })).status, 403);
  });

  it('enrolling again revokes the earlier token', async () => {
    const first = enroll(db, 'cy@example.com').token;
    const second = enroll(db, 'cy@example.com');
    assert.match(second.stdout, /revoked 1 earlier token/);
    assert.equal((await post(s.base, { events: [ev('inventory', 'cy@example.com', {}, fresh())] }, first)).status, 401);
    assert.equal((await post(s.base, { events: [ev('inventory', 'cy@example.com', {}, fresh())] }, second.token)).status, 200);
  });

  it('accepts only enrolled tokens when the server has no shared ingest token', async () => {
    const strict = await startServer({ token: undefined });
    try {
      const { token } = enroll(path.join(strict.dir, 'audit.db'), 'dee@example.com');
      assert.equal((await post(strict.base, { events: [ev('inventory', 'dee@example.com', {}, fresh())] }, TOKEN)).status, 401);
      assert.equal((await post(strict.base, { events: [ev('inventory', 'dee@example.com', {}, fresh())] }, token)).status, 200);
    } finally {
      await strict.close();
    }
  });
});

describe('server: identity header from an authenticating proxy (--identity-header)', () => {
  it('is ignored unless configured; when configured, events must match it and count as verified', async () => {
    const plain = await startServer();
    const proxied = await startServer({ identityHeader: 'X-Forwarded-User' });
    try {
      const send = (base: string, dev: string, user?: string) =>
        request(`${base}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(user ? { 'x-forwarded-user': user } : {}) },
          body: JSON.stringify({ events: [ev('policy.acknowledged', dev, { version: 2 }, fresh())] }),
        });
      assert.equal((await send(plain.base, 'bob@example.com', 'ann@example.com')).status, 200, 'off by default');
      assert.equal((await report(plain.base)).acknowledgements.records[0].verified, false);
      assert.equal((await send(proxied.base, 'bob@example.com', 'ann@example.com')).status, 403);
      assert.equal((await send(proxied.base, 'ann@example.com', 'ann@example.com')).status, 200);
      assert.equal((await report(proxied.base)).acknowledgements.records[0].verified, true);
    } finally {
      await plain.close();
      await proxied.close();
    }
  });
});

describe('server: failed authentication is throttled', () => {
  it('past 20 failures a minute from one address, wrong credentials get 429 while the right ones still work, on the API and the sign-in form', async () => {
    const s = await startServer();
    try {
      for (let i = 0; i < 20; i++) assert.equal((await post(s.base, { events: [] }, `wrong-token-number-${i}`)).status, 401);
      const blocked = await post(s.base, { events: [] }, 'wrong-token-number-21');
      assert.equal(blocked.status, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      assert.equal((await post(s.base, { events: [] }, TOKEN)).status, 200, 'the right ingest token from the same address (one NAT) is not locked out');
      assert.equal((await request(`${s.base}/v1/report`, { headers: adminAuth })).status, 200, 'nor the admin token');
      const form = await request(`${s.base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${ADMIN}` });
      assert.equal(form.status, 303, 'the admin signs in');
      assert.match(String(form.headers['set-cookie']), /aip_session=/);
      assert.equal((await request(`${s.base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=guess' })).status, 429);
      assert.equal((await request(`${s.base}/v1/report`, { headers: { authorization: 'Bearer wrong-admin-token-0000' } })).status, 429);
      assert.equal((await request(`${s.base}/healthz`)).status, 200, 'unauthenticated routes still answer');
    } finally {
      await s.close();
    }
  });

  it('counts IPv6 clients per /64 (behind --trust-proxy, the forwarded address)', async () => {
    const s = await startServer({ trustProxy: true });
    try {
      const from = (ip: string, token: string) => request(`${s.base}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': ip }, body: '{"events":[]}' });
      for (let i = 1; i <= 20; i++) assert.equal((await from(`2001:db8:0:0:${i.toString(16)}::${i}`, 'wrong-token-0123456789')).status, 401);
      assert.equal((await from('2001:db8::ffff', 'wrong-token-0123456789')).status, 429, 'another address of the same /64');
      assert.equal((await from('2001:db8:0:1::1', 'wrong-token-0123456789')).status, 401, 'the next /64 is counted apart');
      assert.equal((await from('2001:db8::ffff', TOKEN)).status, 200);
    } finally {
      await s.close();
    }
  });

  it('throttleKey: IPv4 as is, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    assert.equal(throttleKey('192.0.2.7'), '192.0.2.7');
    assert.equal(throttleKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(throttleKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(throttleKey('2001:0db8:0000:0000:abcd::9'), '2001:db8:0:0::/64');
    assert.equal(throttleKey('2001:db8:0:1::1'), '2001:db8:0:1::/64');
    assert.equal(throttleKey('::1'), '0:0:0:0::/64');
    assert.equal(throttleKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  });
});
