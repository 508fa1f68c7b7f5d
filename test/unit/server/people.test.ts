// Who has not done it: the roster's silent developers, acknowledgement per version, training missing or
// overdue under dueWithinDays / renewalDays; and the dashboard's filters, developer page and evidence pack.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRoster } from '../../../src/server/report/roster';
import { adminAuth, ev, post, report, request, startServer, type Running } from './helpers';

type M = { developer: string; item: string; state: string; dueDate: string | null };

describe('server: who has not done it, filters, developer pages, evidence pack', () => {
  let s: Running;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-people-'));
    const policy = path.join(dir, 'policy.yaml');
    fs.writeFileSync(
      policy,
      'organization: Example Corp\nversion: 3\nacknowledgement:\n  required: true\n  withinDays: 14\ntraining:\n' +
        '  - id: ai-basics\n    title: AI basics\n    dueWithinDays: 30\n    renewalDays: 365\n  - id: secure-coding\n    title: Secure coding\n    dueWithinDays: 30\n',
    );
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'developer,team\nann@example.com,payments\nbob@example.com,payments\ncy@example.com,platform\nsilent@example.com,platform\n');
    s = await startServer({ policyFile: policy, rosterFile: roster });
    const inv = (dev: string, time: string, tools: object[]) => ev('inventory', dev, { tools }, { time, policyVersion: 3 });
    const shady = { id: 'shady.ai', name: 'Shady AI', status: 'prohibited', enabled: true };
    const copilot = { id: 'github.copilot', name: 'GitHub Copilot', status: 'approved', enabled: true };
    const r = await post(s.base, {
      events: [
        inv('ann@example.com', '2026-11-02T09:00:00Z', [copilot]),
        inv('bob@example.com', '2026-11-03T09:00:00Z', [shady, copilot]),
        inv('cy@example.com', '2025-01-05T09:00:00Z', [copilot]),
        inv('cy@example.com', '2026-11-04T09:00:00Z', [copilot]),
        ev('policy.loaded', 'ann@example.com', { version: 3, hash: 'a'.repeat(64), signature: 'valid', published: '2026-10-20', nextReview: '2027-10-20', reviewedOn: '2026-10-15' }, { time: '2026-11-02T09:00:00Z', policyVersion: 3 }),
        ev('policy.acknowledged', 'ann@example.com', { version: 3, hash: 'a'.repeat(64) }, { time: '2026-11-02T10:00:00Z', policyVersion: 3 }),
        ev('policy.acknowledged', 'cy@example.com', { version: 2, hash: 'b'.repeat(64) }, { time: '2025-01-06T10:00:00Z', policyVersion: 2 }),
        ev('training.completed', 'ann@example.com', { training: 'ai-basics', title: 'AI basics' }, { time: '2026-11-02T11:00:00Z', policyVersion: 3 }),
        // cy completed it long ago: past renewalDays (365), so overdue again.
        ev('training.completed', 'cy@example.com', { training: 'ai-basics', title: 'AI basics' }, { time: '2025-01-06T11:00:00Z' }),
      ],
    });
    assert.equal(r.status, 200, r.body);
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads roster CSV with or without a header, with an optional team column', () => {
    assert.deepEqual(parseRoster('a@x\nb@x,team b\n'), [
      { developer: 'a@x', team: null },
      { developer: 'b@x', team: 'team b' },
    ]);
    assert.deepEqual(parseRoster('Team,Developer\n'), []);
    assert.deepEqual(parseRoster('email,team\n"c,d@x",ops\n'), [{ developer: 'c,d@x', team: 'ops' }]);
    assert.deepEqual(parseRoster('id\ne@x\n'), [{ developer: 'e@x', team: null }]);
  });

  it('lists the roster developers who never sent anything as "no data"', async () => {
    const rep = await report(s.base);
    const silent = rep.developers.find((d: { developer: string }) => d.developer === 'silent@example.com');
    assert.deepEqual({ state: silent.state, team: silent.team, lastSeen: silent.lastSeen }, { state: 'no data', team: 'platform', lastSeen: null });
    assert.equal(rep.totals.noData, 1);
    assert.equal(rep.totals.developers, 4);
  });

  it('lists who has not acknowledged the current and each version, with overdue after withinDays', async () => {
    const rep = await report(s.base, '?until=2026-11-30');
    const v3 = rep.acknowledgements.missing.filter((m: M) => m.item === 'v3');
    assert.deepEqual(
      v3.map((m: M) => `${m.developer}:${m.state}`),
      ['bob@example.com:overdue', 'cy@example.com:overdue', 'silent@example.com:no data'],
    );
    const early = await report(s.base, '?until=2026-11-05');
    const bob = early.acknowledgements.missing.find((m: M) => m.item === 'v3' && m.developer === 'bob@example.com');
    assert.equal(bob.state, 'not acknowledged', 'not yet overdue on the 5th');
    assert.equal(bob.dueDate, '2026-11-17');
    const current = rep.acknowledgements.versions.find((v: { current: boolean }) => v.current);
    assert.deepEqual([current.version, current.acknowledged, current.developers], [3, 1, 4]);
    // Version 2: only cy ever ran it, and acknowledged it.
    assert.equal(rep.acknowledgements.missing.filter((m: M) => m.item === 'v2').length, 0);
  });

  it('lists missing and overdue trainings under dueWithinDays and renewalDays', async () => {
    const rep = await report(s.base, '?until=2026-11-30');
    const basics = rep.training.missing.filter((m: M) => m.item === 'ai-basics').map((m: M) => `${m.developer}:${m.state}:${m.dueDate}`);
    assert.deepEqual(basics, ['bob@example.com:due:2026-12-03', 'cy@example.com:overdue:2026-01-06', 'silent@example.com:no data:null']);
    const course = rep.training.courses.find((c: { id: string }) => c.id === 'ai-basics');
    assert.deepEqual([course.completed, course.overdue, course.due, course.noData], [1, 1, 1, 1]);
  });

  it('filters by team, tool and status', async () => {
    const team = await report(s.base, '?team=payments');
    assert.deepEqual(team.developers.map((d: { developer: string }) => d.developer), ['ann@example.com', 'bob@example.com']);
    assert.ok(team.acknowledgements.missing.every((m: M) => ['ann@example.com', 'bob@example.com'].includes(m.developer)));
    const prohibited = await report(s.base, '?status=prohibited');
    assert.deepEqual(prohibited.usage.map((u: { developer: string; tool: string }) => `${u.developer}:${u.tool}`), ['bob@example.com:shady.ai']);
    const copilot = await report(s.base, '?tool=github.copilot&since=2026-11-01');
    assert.deepEqual(copilot.usage.map((u: { developer: string }) => u.developer), ['ann@example.com', 'bob@example.com', 'cy@example.com']);
    const page = await request(`${s.base}/?team=platform&status=approved&since=2026-11-01&until=2026-11-30`, { headers: adminAuth });
    assert.equal(page.status, 200);
    assert.match(page.body, /<option value="platform" selected>/);
    assert.match(page.body, /<input type="date" name="since" value="2026-11-01">/);
    assert.ok(page.body.includes('cy@example.com') && page.body.includes('silent@example.com'));
    assert.ok(!page.body.includes('bob@example.com'), 'other teams are filtered out');
  });

  it('has a page per developer with tool history, acknowledgements and trainings', async () => {
    const r = await request(`${s.base}/developer?id=${encodeURIComponent('bob@example.com')}`, { headers: adminAuth });
    assert.equal(r.status, 200);
    assert.match(r.body, /<h1>bob@example.com<\/h1>/);
    assert.ok(r.body.includes('Shady AI'));
    assert.match(r.body, /state-overdue/);
    assert.match(r.body, /not enrolled \(events self-declared\)/);
    assert.equal((await request(`${s.base}/developer`, { headers: adminAuth })).status, 400);
  });

  it('serves the evidence pack: one printable page with the log head, and its CSVs', async () => {
    const q = '?since=2026-11-01&until=2026-11-30';
    const page = await request(`${s.base}/evidence${q}`, { headers: adminAuth });
    assert.equal(page.status, 200);
    const head = (await report(s.base, q)).log.headHash;
    assert.ok(page.body.includes(head), 'the log head hash is printed');
    for (const h of ['1. Policy version history', '2. Acknowledgements per developer and version', '3. Census', '4. Training completion', '5. Exposure trend']) assert.ok(page.body.includes(h), h);
    assert.match(page.body, /@media print/);
    const versions = await request(`${s.base}/evidence/policy-versions.csv${q}`, { headers: adminAuth });
    assert.equal(versions.status, 200);
    const lines = versions.body.trim().split('\r\n');
    assert.equal(lines[0], 'version,sha256,signature,source,organization,published,effective,reviewed_on,next_review,first_seen,last_seen,developers');
    assert.ok(lines[1].startsWith(`3,${'a'.repeat(64)},valid,claimed by editors,,2026-10-20,,2026-10-15,2027-10-20,`), lines[1]);
    const acks = (await request(`${s.base}/evidence/acknowledgements.csv${q}`, { headers: adminAuth })).body;
    assert.match(acks, /ann@example.com,payments,3,acknowledged,2026-11-02T10:00:00.000Z,,self-declared,a{64}/);
    assert.match(acks, /silent@example.com,platform,3,no data,,,,/);
    const training = (await request(`${s.base}/evidence/training.csv${q}`, { headers: adminAuth })).body;
    assert.match(training, /cy@example.com,platform,ai-basics,AI basics,overdue,2025-01-06T11:00:00.000Z,,,2026-01-06/);
    const log = (await request(`${s.base}/evidence/log.csv${q}`, { headers: adminAuth })).body;
    assert.ok(log.includes(head));
    for (const name of ['census', 'tool-history', 'exposures', 'unapproved-trend']) {
      assert.equal((await request(`${s.base}/evidence/${name}.csv${q}`, { headers: adminAuth })).status, 200, name);
    }
    assert.equal((await request(`${s.base}/evidence/nope.csv`, { headers: adminAuth })).status, 404);
  });
});
