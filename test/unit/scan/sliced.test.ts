// Sliced scanning (same findings as a one-shot scan, cancellable) and region re-scans.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { regionToRescan, scanRegion, scanSliced } from '../../../src/core/scan/sliced';
import { j, rnd } from './fixtures';

const key = j('AK', 'IA', 'QYLPMN5HHHFPZAM2');

describe('sliced scanning', () => {
  const scanner = new Scanner();
  const filler = 'const value = computeSomething(alpha, beta) + 42; // ordinary line\n';
  const text = filler.repeat(20_000) + `k = "${key}"\n` + filler.repeat(20_000);

  it('finds what a one-shot scan finds, in slices', async () => {
    const one = scanner.scanText(text).findings.map((f) => `${f.ruleId}@${f.start}`);
    const sliced = await scanSliced(scanner.detector, { text }, { budgetMs: 2 });
    assert.deepEqual(sliced?.findings.map((f) => `${f.ruleId}@${f.start}`), one);
    assert.equal(one.length, 1);
  });

  it('stops when cancelled', async () => {
    const token = { isCancellationRequested: true };
    assert.equal(await scanSliced(scanner.detector, { text }, { token }), undefined);
  });

  it('re-scans a region, widening for multi-line rules', () => {
    const t = `a\nb\nc\nd\nk = "${key}"\ne\nf\ng\nh\n`;
    const [from, to] = regionToRescan(t, 4, 4, ['private key']);
    assert.ok(from > 0 && to < t.length);
    assert.equal(scanRegion(scanner.detector, t, from, to).findings[0].ruleId, 'aws-access-key-id');
    const pem = j('-----BEGIN ', 'RSA PRIVATE', ' KEY-----\n', rnd(64), '\n', rnd(64), '\n-----END ', 'RSA PRIVATE', ' KEY-----\n');
    const t2 = `x\n${pem}y\n`;
    assert.deepEqual(regionToRescan(t2, 3, 3, ['private key']), [0, t2.length]);
    assert.equal(scanRegion(scanner.detector, t2, 0, t2.length).findings[0].ruleId, 'private-key');
  });
});
