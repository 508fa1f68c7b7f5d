import * as assert from 'node:assert/strict';
import { addActiveDay, mergeActiveDays } from '../../../src/core/tools/activeDays';

describe('active days', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it('merges sets by union, sorted, so repeats never add up', () => {
    const a = { 'github.copilot': ['2026-12-05', '2026-12-01'], 'saoudrizwan.claude-dev': ['2026-12-06'] };
    const b = { 'github.copilot': ['2026-12-05', '2026-12-06'] };
    assert.deepEqual(mergeActiveDays(a, b, now), { 'github.copilot': ['2026-12-01', '2026-12-05', '2026-12-06'], 'saoudrizwan.claude-dev': ['2026-12-06'] });
    assert.deepEqual(mergeActiveDays(mergeActiveDays(a, b, now), b, now), mergeActiveDays(a, b, now));
  });

  it('keeps the last 14 days and drops future days and malformed entries', () => {
    const merged = mergeActiveDays({ t: ['2026-11-22', '2026-11-23', '2026-12-07', 'yesterday'], u: 'x' as unknown as string[], v: ['2026-11-01'] }, {}, now);
    assert.deepEqual(merged, { t: ['2026-11-23'] });
  });

  it('adds a day once per tool and says whether anything was new', () => {
    const days: Record<string, string[]> = {};
    assert.equal(addActiveDay(days, ['a', 'b'], '2026-12-06'), true);
    assert.equal(addActiveDay(days, ['a', 'b'], '2026-12-06'), false);
    assert.equal(addActiveDay(days, ['a'], '2026-12-05'), true);
    assert.deepEqual(days, { a: ['2026-12-05', '2026-12-06'], b: ['2026-12-06'] });
  });
});
