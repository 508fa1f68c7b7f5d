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

  it('finds numbers and keys wherever the anchor pieces cut the text, as a one-shot scan does', async () => {
    // A test card number (a public test value) at each offset around the boundaries where the anchor pass
    // cuts a long text (pieces start at 16 KiB and double), with and without separators.
    const cards = ['4012 8888 8888 1881', '4012-8888-8888-1881', '4012888888881881'];
    const cardsOf = (fs: { ruleId: string; start: number }[] | undefined) => (fs ?? []).filter((f) => f.ruleId === 'payment-card').map((f) => f.start);
    let n = 0;
    for (const boundary of [16_384, 49_152, 114_688]) {
      for (let k = -24; k <= 4; k += 4) {
        const card = cards[n++ % cards.length];
        const before = filler.repeat(Math.ceil(boundary / filler.length)).slice(0, boundary + k - 6);
        const t = `${before}\ncard ${card}\n${filler.repeat(50)}`;
        const one = cardsOf(scanner.scanText(t).findings);
        assert.equal(one.length, 1, `${card} at ${boundary + k}`);
        const sliced = await scanSliced(scanner.detector, { text: t }, { budgetMs: 1 });
        assert.deepEqual(cardsOf(sliced?.findings), one, `${card} at ${boundary + k}`);
        // An anchored rule at the same place: the anchor pass must cover every piece.
        const tk = `${before}\nk = "${key}"\n${filler.repeat(50)}`;
        const keySliced = await scanSliced(scanner.detector, { text: tk }, { budgetMs: 1 });
        assert.deepEqual(keySliced?.findings.map((f) => f.ruleId), ['aws-access-key-id'], `key at ${boundary + k}`);
      }
    }
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
