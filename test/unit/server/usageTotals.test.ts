// The running totals (schema 4) against the rule they replace: a range's per-developer figures folded over
// the raw daily rows. A generated set with several sources per day, days arriving out of order and rows
// repeated; many ranges; on SQLite, and on PostgreSQL in the pg tier.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildReport } from '../../../src/server/report/build';
import { openStore, type AuditStore } from '../../../src/server/store';
import { DAY_MS } from '../../../src/server/store/eventFold';
import { USAGE_FIELDS } from '../../../src/server/usage/fields';
import { validateBatch } from '../../../src/server/validate';
import { ev, testDbSpec } from './helpers';
import { FIRST_DAY, foldRaw, generatedBatches, prng, type FoldRow } from './usageFold';

const DAYS = 40;

function sameRows(actual: readonly FoldRow[], expected: readonly FoldRow[], label: string): void {
  assert.deepEqual(
    actual.map((r) => [r.developer, r.tool, r.days]),
    expected.map((r) => [r.developer, r.tool, r.days]),
    `${label}: developers, tools and active days`,
  );
  for (const [i, e] of expected.entries()) {
    for (const f of USAGE_FIELDS) assert.ok(Math.abs(actual[i][f] - e[f]) < 1e-6, `${label}: ${e.developer} ${e.tool} ${f}: ${actual[i][f]} != ${e[f]}`);
  }
}

describe('usage running totals', function () {
  this.timeout(120_000);
  let dir: string;
  let spec: string;
  let store: AuditStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-totals-'));
    spec = await testDbSpec(dir);
    store = await openStore(spec);
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('give the same per-developer figures as a fold over the raw daily rows, for any range', async () => {
    const batches = generatedBatches(7, 6, DAYS);
    for (const b of batches) await store.ingestUsage(b);
    const rnd = prng(11);
    const ranges: [number, number][] = [
      [FIRST_DAY, FIRST_DAY + DAYS - 1],
      [FIRST_DAY - 30, FIRST_DAY - 1],
      [FIRST_DAY + 10, FIRST_DAY + 10],
      [FIRST_DAY + 5, FIRST_DAY + 35],
      [FIRST_DAY + DAYS - 3, FIRST_DAY + DAYS + 20],
    ];
    for (let i = 0; i < 15; i++) {
      const a = FIRST_DAY - 2 + Math.floor(rnd() * (DAYS + 4));
      ranges.push([a, a + Math.floor(rnd() * 20)]);
    }
    for (const [dS, dU] of ranges) {
      const rows = await store.reportRows({ since: dS * DAY_MS, until: dU * DAY_MS + DAY_MS - 1 });
      sameRows(rows.usage.byDeveloper, foldRaw(batches, dS, dU), `days ${dS - FIRST_DAY}..${dU - FIRST_DAY}`);
    }
    const all = await store.reportRows({});
    sameRows(all.usage.byDeveloper, foldRaw(batches, -Infinity, Infinity), 'no range');
    const some = await store.reportRows({ since: (FIRST_DAY + 3) * DAY_MS, until: (FIRST_DAY + 30) * DAY_MS }, ['dev1@example.com', 'dev4@example.com']);
    sameRows(
      some.usage.byDeveloper,
      foldRaw(batches, FIRST_DAY + 3, FIRST_DAY + 30).filter((r) => r.developer === 'dev1@example.com' || r.developer === 'dev4@example.com'),
      'two developers',
    );
  });

  it('stay right when two instances add to the same developers and days at once', async () => {
    const other = await openStore(spec);
    try {
      const batches = generatedBatches(13, 4, 12);
      await Promise.all([0, 1].map(async (k) => {
        for (const [i, b] of batches.entries()) if (i % 2 === k) await (k ? other : store).ingestUsage(b);
      }));
      const rows = await store.reportRows({});
      sameRows(rows.usage.byDeveloper, foldRaw(batches, -Infinity, Infinity), 'two instances');
      const mid = await store.reportRows({ since: (FIRST_DAY + 3) * DAY_MS, until: (FIRST_DAY + 8) * DAY_MS });
      sameRows(mid.usage.byDeveloper, foldRaw(batches, FIRST_DAY + 3, FIRST_DAY + 8), 'two instances, days 3..8');
    } finally {
      await other.close();
    }
  });

  it('count the hooks\' daily activity and the editor\'s active days like the rest, and the weeks per set of tools', async () => {
    const day = (d: number) => new Date((FIRST_DAY + d) * DAY_MS).toISOString().slice(0, 10);
    const events = [
      ev('agent.activity', 'ann@example.com', { day: day(2), harness: 'claude', sessions: 2, toolCalls: 10, prompts: 3, denials: 1 }, { time: `${day(2)}T18:00:00.000Z` }),
      ev('inventory', 'ann@example.com', { reason: 'interval', tools: [{ id: 'github.copilot', status: 'approved', activeDays: [day(1), day(2)] }] }, { time: `${day(2)}T09:00:00.000Z` }),
      ev('inventory', 'bob@example.com', { reason: 'interval', tools: [{ id: 'github.copilot', status: 'approved', activeDays: [day(2)] }] }, { time: `${day(2)}T09:00:00.000Z` }),
    ];
    const v = validateBatch(JSON.stringify({ events }));
    if (!v.ok) throw new Error(v.reason);
    await store.ingest({ events: v.events, received: new Date().toISOString(), auth: 'shared' });
    // Claude Code's own telemetry for the same day: the larger of the two sources counts, not their sum.
    await store.ingestUsage({ deltas: [{ day: FIRST_DAY + 2, developer: 'ann@example.com', tool: 'anthropic.claude-code', source: 'otlp-log', figures: { sessions: 1, toolCalls: 25 } }], cumulative: [], counters: {} });
    const rows = await store.reportRows({ since: (FIRST_DAY + 1) * DAY_MS, until: (FIRST_DAY + 2) * DAY_MS });
    const pick = (r: FoldRow) => [r.developer, r.tool, r.days, r.sessions, r.toolCalls, r.prompts, r.denials];
    assert.deepEqual(rows.usage.byDeveloper.map(pick), [
      ['ann@example.com', 'anthropic.claude-code', 1, 2, 25, 3, 1],
      ['ann@example.com', 'github.copilot', 2, 0, 0, 0, 0],
      ['bob@example.com', 'github.copilot', 1, 0, 0, 0, 0],
    ]);
    // FIRST_DAY is a Monday: days 1 and 2 are in its week.
    const weeks = rows.usage.weeks.filter((w) => w.week === FIRST_DAY).map((w) => [w.tools.join(' '), w.developers]);
    assert.deepEqual(weeks.sort(), [
      ['anthropic.claude-code github.copilot', 1],
      ['github.copilot', 1],
    ]);
  });

  it('a developer seen only through the agents\' telemetry counts as active, not as "no data"', async () => {
    await store.ingestUsage({ deltas: [{ day: FIRST_DAY + 1, developer: 'otel-only@example.com', tool: 'anthropic.claude-code', source: 'otlp-metric', figures: { sessions: 1 } }], cumulative: [], counters: {} });
    const query = { since: FIRST_DAY * DAY_MS, until: (FIRST_DAY + 7) * DAY_MS - 1 };
    const roster = [
      { developer: 'otel-only@example.com', team: 'platform' },
      { developer: 'silent@example.com', team: 'platform' },
    ];
    const r = buildReport(await store.reportRows(query), { query, roster, now: (FIRST_DAY + 8) * DAY_MS });
    assert.deepEqual(
      r.developers.map((d) => [d.developer, d.state]),
      [
        ['otel-only@example.com', 'active'],
        ['silent@example.com', 'no data'],
      ],
    );
    assert.deepEqual([r.totals.active, r.totals.noData, r.adoption.activeDevelopers], [1, 1, 1]);
  });

  it('tell, per query, the days in force with use, their sources and the last day with use (an exception\'s use)', async () => {
    const batches = generatedBatches(5, 5, 20);
    for (const b of batches) await store.ingestUsage(b);
    const queries = [
      { key: 'a', developers: ['dev1@example.com', 'dev3@example.com', 'nobody@example.com'], tools: ['anthropic.claude-code', 'github.copilot'], fromDay: FIRST_DAY + 6, untilDay: FIRST_DAY + 12 },
      { key: 'b', developers: ['dev3@example.com'], tools: ['openai.codex', 'github.copilot'], fromDay: FIRST_DAY + 15, untilDay: FIRST_DAY + 40 },
      { key: 'c', developers: ['dev2@example.com'], tools: ['not-a-tool'], fromDay: FIRST_DAY, untilDay: FIRST_DAY + 40 },
      { key: 'd', developers: ['dev4@example.com'], tools: ['openai.codex'], fromDay: FIRST_DAY + 2, untilDay: FIRST_DAY + 1 },
    ];
    // The rule over the raw rows: distinct days in force whatever the source, the sources of those days, the last day from the first on.
    const expected = queries.flatMap((q) => {
      const rows = batches.flatMap((b) => b.deltas).filter((d) => q.developers.includes(d.developer) && q.tools.includes(d.tool) && d.day >= q.fromDay);
      if (!rows.length) return [];
      const during = rows.filter((d) => d.day <= q.untilDay);
      return [{ key: q.key, activeDays: new Set(during.map((d) => d.day)).size, sources: [...new Set(during.map((d) => d.source))].sort(), lastDay: Math.max(...rows.map((d) => d.day)) }];
    });
    assert.deepEqual(expected.map((e) => e.key), ['a', 'b', 'd'], 'the generated set has use for three queries');
    assert.ok(expected[0].activeDays > 3 && expected[0].sources.length > 1 && expected[2].activeDays === 0);
    assert.deepEqual(await store.usageInForce(queries), expected);
    assert.deepEqual(await store.usageInForce([]), []);
    assert.deepEqual(await store.usageInForce([{ key: 'x', developers: [], tools: ['github.copilot'], fromDay: 0, untilDay: 1e6 }]), []);
  });
});
