// Tool history and date ranges: a tool removed mid-month still shows for that month, late snapshots
// fit in, times are compared as instants (offsets included), malformed ranges are refused.
import * as assert from 'node:assert/strict';
import { adminAuth, ev, post, report, request, startServer, type Running } from './helpers';

const tool = (id: string, status = 'prohibited') => ({ id, name: id.toUpperCase(), version: '1.0.0', status, enabled: true, active: true });
const inv = (dev: string, time: string, tools: object[], machine = `m-${dev}`) => ev('inventory', dev, { tools }, { time, machine });
type U = { developer: string; tool: string; status: string; firstSeen: string; lastSeen: string; present: boolean; machines: number };

describe('server: tool history and date ranges', () => {
  let s: Running;
  beforeEach(async () => {
    s = await startServer();
  });
  afterEach(async () => {
    await s.close();
  });

  it('shows a prohibited tool used all November and removed on the 20th in November, not in December', async () => {
    const events = [];
    for (let d = 1; d <= 19; d++) events.push(inv('dana', `2026-11-${String(d).padStart(2, '0')}T09:00:00Z`, [tool('shady.ai'), tool('github.copilot', 'approved')]));
    events.push(inv('dana', '2026-11-20T09:00:00Z', [tool('github.copilot', 'approved')]));
    events.push(inv('dana', '2026-11-28T09:00:00Z', [tool('github.copilot', 'approved')]));
    assert.equal((await post(s.base, { events })).status, 200);

    const nov = await report(s.base, '?since=2026-11-01&until=2026-11-30');
    const shady = nov.usage.find((u: U) => u.tool === 'shady.ai');
    assert.ok(shady, JSON.stringify(nov.usage));
    assert.equal(shady.status, 'prohibited');
    assert.equal(shady.firstSeen, '2026-11-01T09:00:00.000Z');
    assert.equal(shady.lastSeen, '2026-11-19T09:00:00.000Z');
    assert.equal(shady.present, false);
    assert.deepEqual(nov.census.byStatus.map((b: { status: string }) => b.status), ['approved', 'prohibited']);
    assert.equal(nov.range.since, '2026-11-01T00:00:00.000Z');
    assert.equal(nov.range.until, '2026-11-30T23:59:59.999Z');

    const dec = await report(s.base, '?since=2026-11-21&until=2026-12-01');
    assert.deepEqual(dec.usage.map((u: U) => u.tool), ['github.copilot']);
    const all = await report(s.base);
    assert.equal(all.usage.length, 2);
    // The weekly trend counts dana as a prohibited-tool user in the weeks of 2 Nov and 16 Nov, not after.
    const weeks = Object.fromEntries(nov.trend.map((w: { week: string; prohibited: number }) => [w.week, w.prohibited]));
    assert.equal(weeks['2026-11-16'], 1);
    assert.equal(weeks['2026-11-23'], 0);
  });

  it('fits a late snapshot in: it splits a run it interrupts, and extends one it continues', async () => {
    await post(s.base, { events: [inv('eli', '2026-11-01T00:00:00Z', [tool('a.x')]), inv('eli', '2026-11-10T00:00:00Z', [tool('a.x')])] });
    // Delivered later from an offline queue: on the 5th the tool was not there.
    await post(s.base, { events: [inv('eli', '2026-11-05T00:00:00Z', [])] });
    let runs = (await report(s.base, '?since=2026-11-01&until=2026-11-04')).usage;
    assert.equal(runs.length, 1);
    assert.equal(runs[0].lastSeen, '2026-11-01T00:00:00.000Z');
    runs = (await report(s.base, '?since=2026-11-05&until=2026-11-05')).usage;
    assert.equal(runs.length, 0, 'absent on the 5th');
    // A late snapshot on the 7th with the tool joins the run of the 10th.
    await post(s.base, { events: [inv('eli', '2026-11-07T00:00:00Z', [tool('a.x')])] });
    runs = (await report(s.base, '?since=2026-11-06&until=2026-11-30')).usage;
    assert.equal(runs[0].firstSeen, '2026-11-07T00:00:00.000Z');
    assert.equal(runs[0].lastSeen, '2026-11-10T00:00:00.000Z');
    assert.equal(runs[0].present, true);
  });

  it('keeps a status change as its own run (status at the time)', async () => {
    await post(s.base, {
      events: [inv('fay', '2026-11-01T00:00:00Z', [tool('c.y', 'unlisted')]), inv('fay', '2026-11-15T00:00:00Z', [tool('c.y', 'approved')])],
    });
    const rows = (await report(s.base)).usage.map((u: U) => `${u.status}:${u.firstSeen.slice(0, 10)}..${u.lastSeen.slice(0, 10)}:${u.present}`);
    assert.deepEqual(rows.sort(), ['approved:2026-11-15..2026-11-15:true', 'unlisted:2026-11-01..2026-11-01:false']);
  });

  it('compares times as instants: +05:00 offsets and ordering across zones', async () => {
    // 2026-11-20T02:00+05:00 is 2026-11-19T21:00Z: the 19th in UTC, although its text says the 20th.
    await post(s.base, { events: [inv('gus', '2026-11-20T02:00:00+05:00', [tool('z.z')]), inv('gus', '2026-11-19T22:00:00Z', [])] });
    const on19 = await report(s.base, '?since=2026-11-19&until=2026-11-19');
    const z = on19.usage.find((u: U) => u.tool === 'z.z');
    assert.ok(z, 'the +05:00 snapshot falls on the 19th (UTC)');
    assert.equal(z.present, false, 'the 22:00Z snapshot is later, so the tool is gone');
    assert.equal((await report(s.base, '?since=2026-11-20&until=2026-11-20')).usage.length, 0);
    // A date-time bound is an instant too.
    assert.equal((await report(s.base, `?since=${encodeURIComponent('2026-11-19T21:30:00Z')}`)).usage.length, 0);
    assert.equal((await report(s.base, `?until=${encodeURIComponent('2026-11-20T01:00:00+05:00')}`)).usage.length, 0, '20:00Z is before the snapshot');
    assert.equal((await report(s.base, `?until=${encodeURIComponent('2026-11-20T02:30:00+05:00')}`)).usage.length, 1, '21:30Z is after it');
  });

  it('refuses malformed since/until with 400', async () => {
    for (const q of ['?since=2026-13-01', '?since=2026-02-30', '?until=yesterday', '?since=2026-11-20T10:00', '?since=2026-11-30&until=2026-11-01', '?status=bad']) {
      const r = await request(`${s.base}/v1/report${q}`, { headers: adminAuth });
      assert.equal(r.status, 400, q);
      assert.ok(JSON.parse(r.body).error, q);
      assert.equal((await request(`${s.base}/evidence${q}`, { headers: adminAuth })).status, 400, q);
    }
  });

  it('counts exposures by day, week and tool in the range', async () => {
    await post(s.base, {
      events: [
        ev('exposure', 'hal', { classes: ['secret', 'pii'], tools: ['github.copilot', 'acme.x'], toolNames: ['GitHub Copilot', 'Acme X'] }, { time: '2026-11-02T10:00:00Z' }),
        ev('exposure', 'hal', { classes: ['secret'], tools: ['github.copilot'] }, { time: '2026-11-10T10:00:00Z' }),
        ev('exposure', 'hal', { classes: ['secret'], tools: ['github.copilot'] }, { time: '2026-10-10T10:00:00Z' }),
      ],
    });
    const nov = (await report(s.base, '?since=2026-11-01&until=2026-11-30')).exposures;
    assert.equal(nov.total, 2);
    assert.deepEqual(nov.byTool, [
      { tool: 'github.copilot', n: 2 },
      { tool: 'acme.x', n: 1 },
    ]);
    assert.deepEqual(nov.byWeek, [
      { week: '2026-11-02', n: 1 },
      { week: '2026-11-09', n: 1 },
    ]);
  });
});
