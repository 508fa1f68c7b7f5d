import * as assert from 'node:assert/strict';
import { lintPolicy, parseYaml, validatePolicyText } from '../../../src/core/policy';
import { lineOf, NOW, replaceOnce, starterText, strictText } from './helpers';

const problemAt = (text: string, re: RegExp, now = NOW) => {
  const problems = validatePolicyText(text, { now }).problems;
  const p = problems.find((x) => re.test(x.message));
  assert.ok(p, `no problem matching ${re} in ${JSON.stringify(problems, null, 1)}`);
  return p;
};

describe('policy parse', () => {
  it('locates YAML syntax errors', () => {
    const r = parseYaml('a: 1\nb: @x\n');
    assert.equal(r.value, undefined);
    assert.equal(r.problems[0].severity, 'error');
    assert.deepEqual({ line: r.problems[0].line, col: r.problems[0].col }, { line: 2, col: 4 });
    assert.doesNotMatch(r.problems[0].message, /at line/);
  });

  it('refuses a second YAML document, at its start, without naming library functions', () => {
    const r = parseYaml('a: 1\n---\nb: 2\n');
    assert.equal(r.problems.length, 1);
    assert.deepEqual({ line: r.problems[0].line, col: r.problems[0].col }, { line: 2, col: 1 });
    assert.match(r.problems[0].message, /one YAML document/);
  });

  it('reports duplicate keys with their line', () => {
    const r = parseYaml('a: 1\nb: 2\na: 3\n');
    assert.equal(r.problems[0].line, 3);
    assert.equal(r.problems[0].col, 1);
    assert.match(r.problems[0].message, /unique/);
  });

  it('maps JSON pointers to keys and values', () => {
    const r = parseYaml('top:\n  list:\n    - x: 1\n      y: two\n');
    assert.deepEqual(r.locate('/top/list/0/y'), { line: 4, col: 10 });
    assert.deepEqual(r.locate('/top/list/0/y', true), { line: 4, col: 7 });
    assert.deepEqual(r.locate('/top/missing'), { line: 2, col: 3 });
  });

  it('reads JSON policies too', () => {
    const json = JSON.stringify(validatePolicyText(starterText(), { now: NOW }).policy);
    assert.ok(validatePolicyText(json, { now: NOW }).policy);
  });

  it('reports an alias bomb as a located problem instead of throwing', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const k of 'bcdef') levels.push(`${k}: &${k} [${Array(9).fill('*' + String.fromCharCode(k.charCodeAt(0) - 1)).join(', ')}]`);
    const r = validatePolicyText(levels.join('\n') + '\n', { file: 'bomb.yaml' });
    assert.equal(r.policy, undefined);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'yaml');
    assert.match(r.problems[0].message, /alias/i);
    assert.deepEqual({ line: r.problems[0].line, col: r.problems[0].col, file: r.problems[0].file }, { line: 1, col: 1, file: 'bomb.yaml' });
  });

  it('refuses a document that is not a mapping', () => {
    const r = validatePolicyText('- just\n- a list\n');
    assert.equal(r.policy, undefined);
    assert.match(r.problems[0].message, /mapping/);
  });
});

describe('policy lint', () => {
  it('flags a tool without an owner at its owner value', () => {
    const text = replaceOnce(starterText(), "    owner: Dana Whitfield <dana.whitfield@example.com>\n    dataClasses: [code]", "    owner: ' '\n    dataClasses: [code]");
    const p = problemAt(text, /tool "vscode-chat" has no accountable owner/);
    assert.equal(p.severity, 'error');
    assert.deepEqual({ line: p.line, col: p.col }, { line: lineOf(text, "owner: ' '").line, col: lineOf(text, "owner: ' '").col + 7 });
  });

  it('flags unknown data classes in tools and rules', () => {
    const text = replaceOnce(replaceOnce(starterText(), 'dataClasses: [code, internal]', 'dataClasses: [code, intrenal]'), 'class: customer-data', 'class: customers');
    const t = problemAt(text, /unknown data class "intrenal"/);
    assert.deepEqual({ line: t.line, col: t.col }, lineOf(text, 'intrenal'));
    const r = problemAt(text, /unknown data class "customers"/);
    const at = lineOf(text, 'class: customers');
    assert.deepEqual({ line: r.line, col: r.col }, { line: at.line, col: at.col + 'class: '.length });
  });

  it('rejects regexes RE2 rejects and patterns that match the empty string', () => {
    for (const bad of ['(?=NW-)\\\\d+', '(a)\\\\1', '[unclosed']) {
      const text = replaceOnce(strictText(), 'pattern: "\\\\bNW-[0-9]{10}\\\\b"', `pattern: "${bad}"`);
      const p = problemAt(text, /not a valid RE2 regex/);
      assert.deepEqual({ line: p.line, col: p.col }, { line: lineOf(text, bad).line, col: lineOf(text, bad).col - 1 }, bad);
    }
    const hinted = (bad: string) => problemAt(replaceOnce(strictText(), 'pattern: "\\\\bNW-[0-9]{10}\\\\b"', `pattern: "${bad}"`), /not a valid RE2 regex/).message;
    assert.match(hinted('(?<=x)y'), /lookaround and backreferences are not supported/);
    assert.doesNotMatch(hinted('x{2,1}'), /lookaround/, 'the hint only where it applies');
    const empty = replaceOnce(strictText(), 'pattern: "\\\\bNW-[0-9]{10}\\\\b"', 'pattern: "x*"');
    assert.equal(problemAt(empty, /matches the empty string/).severity, 'error');
    const allow = replaceOnce(strictText(), 'patterns: ["\\\\bNW-0{10}\\\\b"]', 'patterns: ["(?!x)"]');
    problemAt(allow, /allowlist pattern: not a valid RE2 regex/);
  });

  it('rejects invalid globs and warns about absolute ones', () => {
    const text = replaceOnce(starterText(), '"**/*.dump"', '"**/*.{dump"');
    const p = problemAt(text, /invalid glob "\*\*\/\*\.\{dump": unclosed "\{"/);
    assert.equal(p.line, lineOf(text, '*.{dump').line);
    const abs = replaceOnce(starterText(), '"**/*.dump"', '"/srv/*.dump"');
    assert.equal(problemAt(abs, /absolute glob never matches/).severity, 'warning');
    assert.ok(validatePolicyText(abs, { now: NOW }).policy, 'a warning does not make the policy invalid');
  });

  it('warns when the review is overdue and errors when expired', () => {
    const later = new Date('2027-12-01T00:00:00Z');
    const overdue = problemAt(starterText(), /review overdue: nextReview was 2027-11-25/, later);
    assert.equal(overdue.severity, 'warning');
    assert.equal(overdue.line, lineOf(starterText(), 'nextReview:').line);
    const expired = problemAt(starterText(), /policy expired on 2028-01-31/, new Date('2028-02-01T00:00:00Z'));
    assert.equal(expired.severity, 'error');
    assert.equal(expired.code, 'expired');
    assert.equal(validatePolicyText(starterText(), { now: new Date('2028-01-31T23:00:00Z') }).problems.some((x) => x.code === 'expired'), false, 'the expiry day itself is still valid');
  });

  it('requires a review at least once a year', () => {
    const text = replaceOnce(starterText(), 'nextReview: 2027-11-25', 'nextReview: 2027-12-31');
    assert.equal(problemAt(text, /more than a year after reviewedOn/).severity, 'error');
  });

  it('flags duplicate ids and identifiers', () => {
    const text = replaceOnce(starterText(), 'id: vscode-chat', 'id: github-copilot');
    const p = problemAt(text, /duplicate tool id "github-copilot"/);
    const second = text.indexOf('id: github-copilot', text.indexOf('id: github-copilot') + 1);
    assert.equal(p.line, text.slice(0, second).split('\n').length);
    const ids = replaceOnce(starterText(), 'identifiers: [vscode.chat]', 'identifiers: [GitHub.Copilot]');
    problemAt(ids, /identifier "GitHub.Copilot" is also claimed by tool "github-copilot"/);
  });

  it('refuses an audit endpoint over plain http, except on loopback', () => {
    const text = replaceOnce(starterText(), '  identity: git-email\n', '  identity: git-email\n  endpoint: http://audit.example.com/v1/events\n');
    const p = problemAt(text, /audit\.endpoint must use https/);
    assert.equal(p.severity, 'error');
    assert.deepEqual({ line: p.line, col: p.col }, lineOf(text, 'http://audit'));
    for (const ok of ['https://audit.example.com/v1/events', 'http://127.0.0.1:8080/v1/events', 'http://[::1]:8080/v1/logs']) {
      const fine = replaceOnce(starterText(), '  identity: git-email\n', `  identity: git-email\n  otlpEndpoint: ${ok}\n`);
      assert.ok(validatePolicyText(fine, { now: NOW }).policy, ok);
    }
  });

  it('lints a parsed policy directly', () => {
    const policy = validatePolicyText(starterText(), { now: NOW }).policy!;
    assert.deepEqual(lintPolicy(policy, NOW), []);
    const broken = { ...policy, version: 0, tools: [{ ...policy.tools[0], owner: '' }] };
    const codes = lintPolicy(broken, NOW).map((p) => p.path);
    assert.deepEqual(codes.sort(), ['/tools/0/owner', '/version']);
  });
});
