// Who may write which record: the shared ingest token cannot speak for an enrolled developer, and a
// verified record cannot be backdated (before the enrollment, or past the bound); verified records keep
// their own time and hash and show the server's receive time beside the claimed time.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CLI } from '../audit/serverProcess';
import { ev, fresh, post, report, request, startServer, TOKEN, type Running } from './helpers';
import { MAX_PAST_MS } from '../../../src/server/validate';

const DAY = 86_400_000;
const ago = (ms: number) => ({ time: new Date(Date.now() - ms).toISOString() });

function enroll(db: string, developer: string): string {
  const r = spawnSync(process.execPath, [CLI, 'enroll', '--db', db, '--developer', developer], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').pop() as string;
}

describe('server: the shared token cannot speak for enrolled developers', () => {
  let s: Running;
  beforeEach(async () => {
    s = await startServer();
  });
  afterEach(async () => {
    await s.close();
  });

  it('refuses with 403 events in an enrolled developer\'s name sent with the shared token, whole batch, whatever their date', async () => {
    enroll(path.join(s.dir, 'audit.db'), 'ann@example.com');
    const hide = await post(s.base, { events: [ev('inventory', 'carl@example.com', { reason: 'start', tools: [] }), ev('inventory', 'ann@example.com', { reason: 'start', tools: [] }, fresh())] }, TOKEN);
    assert.equal(hide.status, 403);
    assert.match(JSON.parse(hide.body).error, /events\[1\]: developer "ann@example.com" is enrolled; their events are accepted only with their own token/);
    const backdated = await post(s.base, { events: [ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'a'.repeat(64) }, { time: '2020-01-01T00:00:00.000Z' })] }, TOKEN);
    assert.equal(backdated.status, 403);
    const rep = await report(s.base);
    assert.equal(rep.totals.events, 0, 'nothing of either batch was stored');
    assert.deepEqual(rep.acknowledgements.records, []);
    assert.equal((await post(s.base, { events: [ev('inventory', 'carl@example.com', { reason: 'start', tools: [] })] }, TOKEN)).status, 200, 'developers who are not enrolled still send with it');
  });

  it('a verified acknowledgement keeps its own time and hash; an earlier self-declared one is shown beside it', async () => {
    const early = ago(3 * DAY);
    assert.equal((await post(s.base, { events: [ev('policy.acknowledged', 'bob@example.com', { version: 2, hash: 'a'.repeat(64) }, early)] }, TOKEN)).status, 200);
    const token = enroll(path.join(s.dir, 'audit.db'), 'bob@example.com');
    const sent = new Date().toISOString();
    assert.equal((await post(s.base, { events: [ev('policy.acknowledged', 'bob@example.com', { version: 2, hash: 'b'.repeat(64) }, fresh())] }, token)).status, 200);
    const [rec] = (await report(s.base)).acknowledgements.records;
    assert.equal(rec.verified, true);
    assert.equal(rec.hash, 'b'.repeat(64), 'the verified record\'s own hash');
    assert.equal(rec.time, rec.verifiedAt, 'the verified record\'s own time');
    assert.ok(Date.parse(rec.time) >= Date.parse(sent) - 1000);
    assert.equal(rec.selfDeclaredAt, early.time, 'the self-declared one is kept beside it');
  });
});

describe('server: verified records cannot be backdated', () => {
  let s: Running;
  let token: string;
  beforeEach(async () => {
    s = await startServer();
    token = enroll(path.join(s.dir, 'audit.db'), 'ann@example.com');
  });
  afterEach(async () => {
    await s.close();
  });

  it('refuses an enrolled acknowledgement or training dated 2019, or before the enrollment, with 400', async () => {
    for (const e of [
      ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'a'.repeat(64) }, { time: '2019-01-01T00:00:00.000Z' }),
      ev('training.completed', 'ann@example.com', { training: 'ai-basics' }, { time: '2019-01-01T00:00:00.000Z' }),
    ]) {
      const r = await post(s.base, { events: [e] }, token);
      assert.equal(r.status, 400, r.body);
      assert.match(JSON.parse(r.body).error, /events\[0\]: "time" is more than 60 days before the server's clock/);
    }
    const beforeEnrollment = await post(s.base, { events: [ev('training.completed', 'ann@example.com', { training: 'ai-basics' }, ago(2 * 3600_000))] }, token);
    assert.equal(beforeEnrollment.status, 400);
    assert.match(JSON.parse(beforeEnrollment.body).error, /before the developer's enrollment/);
    assert.equal((await report(s.base)).totals.events, 0);
  });

  // Found by an attacker's pass: an agent.activity tally counts for data.day, which was not bounded like "time".
  it("refuses an enrolled agent tally whose day is far back, before the enrollment, or after the event's time", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tally = (day: string) => ev('agent.activity', 'ann@example.com', { day, harness: 'claude', sessions: 42, toolCalls: 1, prompts: 7, denials: 0 }, ago(1000));
    const far = await post(s.base, { events: [tally('2019-03-01')] }, token);
    assert.equal(far.status, 400, far.body);
    assert.match(JSON.parse(far.body).error, /"data\.day" is more than 60 days before/);
    const early = await post(s.base, { events: [tally(new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10))] }, token);
    assert.match(JSON.parse(early.body).error, /"data\.day" is before the developer's enrollment/);
    const ahead = await post(s.base, { events: [tally(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10))] }, token);
    assert.match(JSON.parse(ahead.body).error, /"data\.day" is after the event's "time"/);
    assert.equal((await post(s.base, { events: [tally(today)] }, token)).status, 200);
  });

  it('keeps the server\'s receive time beside the claimed time of verified records', async () => {
    const claimed = ago(60_000).time;
    const before = Date.now();
    const r = await post(s.base, { events: [ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'a'.repeat(64) }, { time: claimed }), ev('training.completed', 'ann@example.com', { training: 'ai-basics', title: 'AI basics' }, { time: claimed })] }, token);
    assert.equal(r.status, 200, r.body);
    const rep = await report(s.base);
    const [ack] = rep.acknowledgements.records;
    const [done] = rep.training.records;
    for (const rec of [ack, done]) {
      assert.equal(rec.time, claimed);
      assert.ok(Date.parse(rec.receivedAt) >= before && Date.parse(rec.receivedAt) <= Date.now(), rec.receivedAt);
    }
    const pack = await request(`${s.base}/evidence/acknowledgements.csv`, { headers: { authorization: 'Bearer admin-token-0123456789' } });
    assert.match(pack.body, new RegExp(`ann@example.com,,2,acknowledged,${claimed.replace(/\./g, '\\.')},${ack.receivedAt.replace(/\./g, '\\.')},verified`));
  });

  it('through the identity header: within the bound (queued offline events) taken, beyond it refused', async () => {
    const proxied = await startServer({ identityHeader: 'X-Forwarded-User' });
    try {
      const send = (time: string) =>
        request(`${proxied.base}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-forwarded-user': 'dee@example.com' },
          body: JSON.stringify({ events: [ev('training.completed', 'dee@example.com', { training: 'ai-basics' }, { time })] }),
        });
      assert.equal((await send(ago(30 * DAY).time)).status, 200, 'a month offline still fits');
      assert.equal((await send(ago(MAX_PAST_MS + DAY).time)).status, 400);
    } finally {
      await proxied.close();
    }
  });
});
