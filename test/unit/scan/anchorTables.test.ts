// The built-in rules' keyword automaton is generated at build time (scripts/build/anchorTables.js): its tables
// must equal the ones built at run time from the rules as they are now (a stale or drifted build fails here),
// and a scanner with a policy's own rules must find exactly what one automaton over all the rules finds.
import * as assert from 'node:assert/strict';
import generated = require('anchor-tables:generated');
import { anchorFinder } from '../../../src/core/scan/anchorFinder';
import { AnchorMatcher } from '../../../src/core/scan/anchors';
import { anchorKey, buildAnchorTables, unpackAnchorTables } from '../../../src/core/scan/anchorTables';
import { builtinAnchorGroups } from '../../../src/core/scan/builtinAnchors';
import { Scanner } from '../../../src/core/scan/scanner';

describe('precomputed anchor automaton', () => {
  const groups = builtinAnchorGroups();

  it('was built from the built-in rules as they are now', () => {
    assert.equal(generated.count, groups.length);
    assert.equal(generated.key, anchorKey(groups));
  });

  it('equals the automaton built at run time, table for table', () => {
    const runtime = buildAnchorTables(groups);
    const packed = unpackAnchorTables(generated);
    assert.deepEqual(Array.from(packed.classes), Array.from(runtime.classes));
    assert.equal(packed.delta.length, runtime.delta.length);
    assert.ok(packed.delta.every((v, i) => v === runtime.delta[i]), 'transition tables differ');
    assert.deepEqual(Object.keys(packed.outputs), Object.keys(runtime.outputs));
    for (const st of Object.keys(runtime.outputs)) assert.deepEqual(Array.from(packed.outputs[Number(st)]), Array.from(runtime.outputs[Number(st)]), `outputs of state ${st}`);
  });

  it('a default scanner uses the precomputed tables (its groups are the built-in ones, in order)', () => {
    const detector = new Scanner().detector;
    const anchored = detector.rules.filter((r) => r.anchors.length > 0).map((r) => r.anchors);
    assert.equal(anchorKey(anchored), generated.key);
  });

  // Texts that hold anchors of built-in rules, of the extra rules, of both, across a split, and none.
  const extra = [['nwk_'], ['acme-key', 'acme_'], ['sk_live']];
  const texts = [
    'nothing to see here',
    'AKIAIOSFODNN7EXAMPLE and nwk_0123456789abcdef0123456789abcdef',
    'export STRIPE=sk_live_abc; ACME-KEY=1; ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'password = "hunter2" ACME_token',
    `${'x'.repeat(5000)}-----BEGIN RSA PRIVATE KEY-----\nnwk_${'é'.repeat(3)}\n4111 1111 1111 1111`,
  ];

  for (const [label, all] of [['built-in rules only', groups], ['built-in rules and a policy\'s', [...groups, ...extra]]] as const) {
    it(`finds what one automaton over all the rules finds: ${label}`, () => {
      const split = anchorFinder(all);
      const one = new AnchorMatcher(all, buildAnchorTables(all));
      for (const text of texts) {
        const a = { hit: new Uint8Array(all.length), positions: all.map(() => [] as number[]), digitRuns: [] as number[] };
        const b = { hit: new Uint8Array(all.length), positions: all.map(() => [] as number[]), digitRuns: [] as number[] };
        const na = split.find(text, a.hit, a.positions, a.digitRuns);
        const nb = one.find(text, b.hit, b.positions, b.digitRuns);
        assert.equal(na, nb, text.slice(0, 40));
        assert.deepEqual(a, b);
        // In pieces, as the sliced scanner runs it.
        const c = { hit: new Uint8Array(all.length), positions: all.map(() => [] as number[]), digitRuns: [] as number[] };
        const cursor = { state: 0, runsFrom: 0 };
        for (let from = 0; from < text.length; from += 7) split.scanRange(text, from, Math.min(text.length, from + 7), cursor, c);
        assert.deepEqual(c.hit, b.hit);
        assert.deepEqual(c.positions, b.positions);
      }
      assert.ok(texts.some((t) => {
        const hit = new Uint8Array(all.length);
        split.find(t, hit);
        return hit.slice(groups.length).some((h) => h === 1);
      }) === (all.length > groups.length));
    });
  }
});
