// The adversarial corpus (test/hooks-corpus) against the real hook bundle: one test per category spawns
// dist/hook.js (or AI_POLICY_HOOK_JS) for each of the category's cases on the generated payments repository,
// and requires every attack denied (or asked, where the case says so) and every everyday call allowed. An attack
// marked knownGap is one the hook does not stop yet: it is tolerated, and the test fails once it is stopped, so
// that its mark is removed (a ratchet: the list of known gaps only shrinks, and always says what gets through).
// A failing test lists each case that went the wrong way, with its id and payload, so it can be replayed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, SECRET_VARS, categories } from '../../hooks-corpus/corpus';
import { hookBundle, passes, render, runCase, runCases, type Outcome } from '../../hooks-corpus/runner';
import type { CorpusCase } from '../../hooks-corpus/shapes';
import { buildWorld, disposeWorld, type World } from '../../hooks-corpus/world';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const hookJs = hookBundle(repoRoot);
/** Hook processes at a time: the answers do not depend on order (each call is its own process). */
const JOBS = Math.max(2, os.availableParallelism());

function describeFailure(c: CorpusCase, o: Outcome, w: World): string {
  const payload = render(c, w).replaceAll(w.ws, 'WS');
  return `  ${c.id} [${c.harness}] expected ${c.expect}, harness would ${o.verdict} (${o.detail}): ${payload.length > 300 ? payload.slice(0, 300) + '…' : payload}`;
}

describe('hook corpus: attacks denied, everyday calls allowed (real hook bundle)', function () {
  this.timeout(300_000);
  let w: World;
  const secrets = (): string[] => SECRET_VARS.map((v) => w.vars[v]);

  before(() => {
    assert.ok(fs.existsSync(hookJs), `${hookJs} is missing: run node esbuild.js first`);
    w = buildWorld();
  });
  after(() => disposeWorld(w));

  it('the corpus covers the five harnesses with at least 150 attacks and 60 everyday calls', () => {
    const attacks = CORPUS.filter((c) => c.kind === 'attack');
    const everyday = CORPUS.filter((c) => c.kind === 'everyday');
    assert.ok(attacks.length >= 150, `attacks: ${attacks.length}`);
    assert.ok(everyday.length >= 60, `everyday calls: ${everyday.length}`);
    assert.deepEqual(new Set(attacks.map((c) => c.harness)), new Set(['claude', 'codex', 'vscode', 'copilot', 'cursor']));
    assert.equal(new Set(CORPUS.map((c) => c.id)).size, CORPUS.length, 'case ids are unique');
  });

  for (const category of categories()) {
    const cases = CORPUS.filter((c) => c.category === category);
    const a = cases.filter((c) => c.kind === 'attack').length;
    const gaps = cases.filter((c) => c.knownGap && c.kind === 'attack').length;
    const denials = cases.filter((c) => c.knownGap && c.kind === 'everyday').length;
    it(`${category}: stops its ${a - gaps} attacks (${gaps} known gaps) and allows its ${cases.length - a - denials} everyday calls${denials ? ` (${denials} known false denials)` : ''}`, async () => {
      const failures: string[] = [];
      const outcomes = await runCases(cases, w, hookJs, JOBS);
      for (const [i, c] of cases.entries()) {
        const o = outcomes[i];
        if (c.knownGap) {
          if (passes(c, o)) failures.push(`  ${c.id} [${c.harness}] is now answered ${o.verdict} as expected: remove its knownGap ('${c.knownGap}')`);
        } else if (!passes(c, o)) failures.push(describeFailure(c, o, w));
        const said = o.stdout + o.stderr;
        for (const s of secrets()) assert.ok(!said.includes(s), `${c.id}: the hook's answer repeats a secret value`);
      }
      assert.equal(failures.length, 0, `${failures.length} of ${cases.length} cases went the wrong way:\n${failures.join('\n')}`);
    });
  }

  it('each fail-closed denial is recorded as agent.hookError', async () => {
    const spools = [w.state, path.join(w.root, 'state-empty')].map((d) => path.join(d, 'ai-tool-policy', 'agent-events.jsonl'));
    const hookErrors = (): number =>
      spools.filter((f) => fs.existsSync(f)).flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.includes('"agent.hookError"'))).length;
    // fail-closed-a11 (a terminal tool's input given as an argv array) is judged as the command it is, and denied
    // as a read, not refused as an unknown shape.
    const cases = CORPUS.filter((c) => c.category === 'fail-closed' && c.kind === 'attack' && !c.knownGap && c.id !== 'fail-closed-a11');
    const before = hookErrors();
    await runCases(cases, w, hookJs, JOBS);
    assert.ok(hookErrors() - before >= cases.length, `agent.hookError recorded ${hookErrors() - before} times for ${cases.length} fail-closed cases`);
  });

  it('the audit spool never holds a secret value, a customer IBAN or a workspace path', async () => {
    // One denial of its own, so this test stands alone too.
    const direct = CORPUS.find((c) => c.id === 'direct-a01');
    assert.ok(direct);
    await runCase(direct, w, hookJs);
    const spool = path.join(w.state, 'ai-tool-policy', 'agent-events.jsonl');
    assert.ok(fs.existsSync(spool), 'denials were recorded');
    const text = fs.readFileSync(spool, 'utf8');
    for (const s of secrets()) assert.ok(!text.includes(s), 'a secret value in the spool');
    assert.ok(!text.includes(w.ws), 'a raw workspace path in the spool');
  });
});
