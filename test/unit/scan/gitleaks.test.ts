// gitleaks TOML configs: rules, keywords, entropy, allowlists; regexes on the linear-time engine.
import * as assert from 'node:assert/strict';
import { loadGitleaksConfig, Scanner } from '../../../src/core/scan';

const CONFIG = `
title = "org rules"
[allowlist]
regexes = ['''ORG-TEST-''']
stopwords = ["dummy"]

[[rules]]
id = "org-token"
description = "Org internal token"
regex = '''(?i)\\b(org-[a-z0-9]{16})\\b'''
keywords = ["org-"]
entropy = 2.5

[[rules]]
id = "org-kv"
regex = '''orgkey\\s*=\\s*"([A-Z0-9]{12})"'''
secretGroup = 1
keywords = ["orgkey"]
[[rules.allowlists]]
regexes = ['''^AAAA''']

[[rules]]
id = "broken"
regex = '''(?<=lookbehind)x'''

[[rules]]
id = "catastrophic"
regex = '''(a+)+$'''

[[rules]]
id = "pkcs12"
path = '''\\.p12$'''
`;

describe('gitleaks config', () => {
  const cfg = loadGitleaksConfig(CONFIG);
  const scanner = new Scanner({ gitleaks: cfg });

  it('loads rules and reports the ones that do not compile', () => {
    assert.deepEqual(cfg.rules.map((r) => r.id).sort(), ['catastrophic', 'org-kv', 'org-token']);
    assert.equal(cfg.problems.length, 1);
    assert.equal(cfg.problems[0].ruleId, 'broken');
    assert.equal(cfg.paths.length, 1);
  });

  it('runs rules with (?i), keywords, secretGroup and allowlists', () => {
    const ids = (t: string) => scanner.scanText(t).findings.map((f) => f.ruleId);
    assert.ok(ids('token ORG-k3j9x7q2m5n8p1w4 ok').includes('org-token'));
    assert.ok(!ids('token ORG-TEST-aaaa ok').includes('org-token'));
    const kv = scanner.scanText('orgkey = "B7K2M9Q4X1Z8"').findings.find((f) => f.ruleId === 'org-kv');
    assert.equal(kv?.col, 11);
    assert.ok(!scanner.scanText('orgkey = "AAAAB7K2M9Q4"').findings.some((f) => f.ruleId === 'org-kv'));
    assert.ok(scanner.scanText('', 'certs/a.p12').findings.some((f) => f.ruleId === 'pkcs12'));
  });

  it('applies allowlists to the secret, the match or the line, with OR or AND conditions', () => {
    const cfg2 = loadGitleaksConfig(`
[allowlist]
regexes = ['''^tk_test_''']

[[rules]]
id = "tk"
regex = '''token\\s*=\\s*"(tk_[a-z_]*[0-9a-z]{12})"'''
secretGroup = 1
keywords = ["tk_"]
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''^\\s*#''']
[[rules.allowlists]]
regexTarget = "match"
regexes = ['''^token = ''']
[[rules.allowlists]]
condition = "AND"
paths = ['''^fixtures/''']
stopwords = ["sample"]
`);
    assert.deepEqual(cfg2.problems, []);
    const sc = new Scanner({ gitleaks: cfg2, dataHandling: { classes: [], builtinDetectors: 'none' } });
    const found = (t: string, p?: string) => sc.scanText(t, p).findings.some((f) => f.ruleId === 'tk');
    assert.ok(found('token="tk_k3j9x7q2m5n8"'));
    assert.ok(!found('token="tk_test_k3j9x7q2m5n8"'), 'global allowlist, on the secret');
    assert.ok(!found('  # token="tk_k3j9x7q2m5n8"'), 'regexTarget line');
    assert.ok(found('x = 1 # token="tk_k3j9x7q2m5n8"'), 'the line regex is anchored at the line start');
    assert.ok(!found('token = "tk_k3j9x7q2m5n8"'), 'regexTarget match (the spaced form)');
    assert.ok(!found('token="tk_sample_x7q2m5n8k3j9"', 'fixtures/a.env'), 'AND: path and stopword');
    assert.ok(found('token="tk_sample_x7q2m5n8k3j9"', 'src/a.env'), 'AND: the stopword alone is not enough');
    assert.ok(found('token="tk_k3j9x7q2m5n8"', 'fixtures/a.env'), 'AND: the path alone is not enough');
  });

  it('reports an unknown regexTarget and an [extend] instead of ignoring them', () => {
    const cfg3 = loadGitleaksConfig(`[[rules]]\nid = "x"\nregex = '''x[0-9]{8}'''\n[[rules.allowlists]]\nregexTarget = "commit"\nregexes = ['''^x''']\n`);
    assert.match(cfg3.problems[0]?.message ?? '', /regexTarget "commit"/);
    const ext = loadGitleaksConfig(`[extend]\nuseDefault = true\n`);
    assert.match(ext.problems[0]?.message ?? '', /\[extend\] is not followed/);
  });

  it('a catastrophic regex does not hang (linear-time engine)', () => {
    const text = 'a'.repeat(50_000) + '!';
    const r = scanner.scanText(text);
    assert.ok(!r.findings.some((f) => f.ruleId === 'catastrophic'));
  });

  it('broken TOML throws with a location', () => {
    assert.throws(() => loadGitleaksConfig('title = "x"\n[[rules]\nid = 1'), (e: Error & { line?: number }) => e.line === 2);
  });
});
