// Suppression: inline allow comments and the policy allowlist; suppressed findings are counted.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import type { DataHandling } from '../../../src/core/policy/types';
import { j, rnd } from './fixtures';

const key = j('AK', 'IA', 'QYLPMN5HHHFPZAM2');

describe('suppression', () => {
  const scanner = new Scanner();
  it('an allow comment on the line suppresses and is counted', () => {
    const r = scanner.scanText(`id = "${key}" # ai-policy:allow\nother = "${key}"\n`);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].line, 2);
    assert.equal(r.suppressed, 1);
  });
  it('an allow comment naming another rule does not suppress', () => {
    const r = scanner.scanText(`id = "${key}" // ai-policy:allow github-token`);
    assert.equal(r.findings.length, 1);
    const r2 = scanner.scanText(`id = "${key}" // ai-policy:allow aws-access-key-id`);
    assert.equal(r2.findings.length, 0);
    assert.equal(r2.suppressed, 1);
  });
  it('policy allowlist: rules, paths and RE2 patterns', () => {
    const dh: DataHandling = { classes: [], allowlist: { rules: ['aws-access-key-id'] } };
    assert.equal(new Scanner({ dataHandling: dh }).scanText(`k = "${key}"`).findings.length, 0);
    const byPath = new Scanner({ dataHandling: { classes: [], allowlist: { paths: ['fixtures/**'] } } });
    assert.equal(byPath.scanText(`k = "${key}"`, 'fixtures/a.txt').findings.length, 0);
    assert.equal(byPath.scanText(`k = "${key}"`, 'src/a.txt').findings.length, 1);
    const byPattern = new Scanner({ dataHandling: { classes: [], allowlist: { patterns: ['^AKIAQYLP'] } } });
    const r = byPattern.scanText(`k = "${key}"`);
    assert.equal(r.findings.length, 0);
    assert.equal(r.suppressed, 1);
  });
  it('policy rules run on the linear-time engine, gated by keywords, with a class', () => {
    const dh: DataHandling = {
      classes: [{ id: 'customer-data', name: 'Customer data' }],
      rules: [{ id: 'customer-id', class: 'customer-data', pattern: 'CUST-[0-9]{8}', keywords: ['cust-'] }, { id: 'exports', class: 'customer-data', paths: ['exports/**'] }],
    };
    const s = new Scanner({ dataHandling: dh });
    const f = s.scanText('ref CUST-12345678 here').findings.find((x) => x.ruleId === 'customer-id');
    assert.equal(f?.dataClass, 'customer-data');
    assert.ok(s.scanText('nothing', 'exports/a.csv').findings.some((x) => x.ruleId === 'exports' && x.kind === 'path'));
  });
  it('a policy rule that does not compile is reported, not fatal', () => {
    const s = new Scanner({ dataHandling: { classes: [], rules: [{ id: 'bad', class: 'secret', pattern: '(unclosed' }] } });
    assert.equal(s.problems[0].ruleId, 'bad');
    assert.ok(s.scanText(`k = "${j('AK', 'IA', rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 3))}"`).findings.length >= 1);
  });
  it("a validated policy's keyword rule compiles when its keyword first occurs, and finds the same", () => {
    const rules = [{ id: 'customer-id', class: 'customer-data', pattern: 'CUST-[0-9]{8}', keywords: ['cust-'] }];
    const s = new Scanner({ dataHandling: { classes: [{ id: 'customer-data', name: 'Customer data' }], rules }, validatedPolicy: true });
    assert.deepEqual(s.problems, []);
    assert.equal(s.scanText('nothing to see').findings.length, 0);
    assert.equal(s.scanText('ref CUST-12345678 here').findings.find((x) => x.ruleId === 'customer-id')?.dataClass, 'customer-data');
    // A pattern that does not compile after all (a forged copy of the policy) fails the scan, never passes it silently.
    const forged = new Scanner({ dataHandling: { classes: [], rules: [{ id: 'bad', class: 'secret', pattern: '(unclosed', keywords: ['key'] }] }, validatedPolicy: true });
    assert.equal(forged.scanText('nothing here').findings.length, 0);
    assert.throws(() => forged.scanText('key = 1'));
  });
});
