// Quiet in the editor: a customer CSV gives one entry per row and data class plus one file-level entry, however many
// kinds a row holds and however many path rules name the file; a cap per file sums up the rest; the scan keeps all.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { groupFindings } from '../../../src/editor/exposure/findingGroups';

const PATH = 'exports/customers_export.csv';

/** A customer export as a developer would open it: a header and eight rows of name, e-mail, phone, card, IBAN. */
function customerCsv(rows = 8): string {
  const cards = ['4111 1111 1111 1111', '5500 0000 0000 0004', '4012 8888 8888 1881', '3782 822463 10005'];
  const ibans = ['GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00'];
  const lines = ['name,email,phone,card,iban'];
  for (let i = 0; i < rows; i++) {
    lines.push(`Customer ${i},customer${i}.martin@acme-corp.io,phone +44 20 7946 ${String(958 + i).padStart(4, '0')},${cards[i % cards.length]},${ibans[i % ibans.length]}`);
  }
  return lines.join('\n') + '\n';
}

describe('Problems entries per file (grouping)', () => {
  const scanner = new Scanner({ dataHandling: { classes: [{ id: 'pii', name: 'Personal data' }], builtinDetectors: 'all', rules: [{ id: 'exports', class: 'pii', description: 'Data exports.', paths: ['exports/**'] }] } } as never);
  const findings = scanner.scanText(customerCsv(), PATH).findings;

  it('one entry per row and data class listing the kinds, one file-level entry per class', () => {
    assert.ok(findings.length >= 24, `the scan keeps every finding (${findings.length})`);
    const { groups, more } = groupFindings(findings, 100);
    assert.equal(more, 0);
    const paths = groups.filter((g) => g.kind === 'path');
    assert.equal(paths.length, 1, 'two path rules of one class are one file-level entry');
    const rows = groups.filter((g) => g.kind === 'content');
    assert.equal(rows.length, 8);
    for (const g of rows) {
      assert.ok(g.kinds.includes('E-mail address') && g.kinds.includes('Payment card number'), g.kinds.join(', '));
      assert.equal(new Set(g.members.map((m) => m.line)).size, 1);
      assert.ok(g.start <= Math.min(...g.members.map((m) => m.start)) && g.end >= Math.max(...g.members.map((m) => m.end)));
    }
  });

  it('two path rules of one class naming the file are one file-level entry listing both', () => {
    const path = (ruleId: string, ruleName: string) => ({ ruleId, ruleName, family: 'x', dataClass: 'pii', start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1, masked: '', kind: 'path' as const });
    const { groups } = groupFindings([path('path-customer-export', 'Customer data export'), path('path-database-dump', 'Database dump'), ...findings.filter((f) => f.kind === 'content')]);
    const files = groups.filter((g) => g.kind === 'path');
    assert.equal(files.length, 1);
    assert.deepEqual(files[0].kinds, ['Customer data export', 'Database dump']);
  });

  it('a secret and personal data on one line stay two entries (the tools cleared differ)', () => {
    const f = new Scanner().scanText(`jane.martin@acme-corp.io,${['gh', 'p_', 'R8sT2kLm9QwErTy7UiOp3AsDfGh5JkLz1XcV'].join('')}\n`, 'a.csv').findings;
    assert.deepEqual(groupFindings(f).groups.map((g) => g.dataClass).sort(), ['pii', 'secret']);
  });

  it('caps the entries per file and counts the findings left out', () => {
    const many = scanner.scanText(customerCsv(40), PATH).findings;
    const { groups, more } = groupFindings(many, 12);
    assert.equal(groups.length, 12);
    assert.equal(groups[0].kind, 'path', 'the file-level entry comes first');
    const shown = groups.reduce((n, g) => n + g.members.length, 0);
    assert.equal(shown + more, many.length);
    assert.ok(more > 0);
  });
});
