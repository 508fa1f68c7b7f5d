// The composite GitHub Action (action.yml at the repository root): its metadata is what GitHub requires
// (name, description, inputs, `runs.using: composite`, a shell on every run step), inputs reach scripts only
// through the environment, and its check step, run by bash as the runner would, checks a real repository.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { testPolicy } from '../tools/testPolicy';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

describe('action.yml (composite GitHub Action)', () => {
  it('has the metadata GitHub requires and the inputs the docs name', () => {
    assert.ok(action.name && action.description, 'name and description');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['base', 'cli-package', 'head', 'policy', 'pr-body', 'report-token', 'report-url']);
    for (const [k, i] of Object.entries(action.inputs)) assert.ok(i.description, `${k} has a description`);
    assert.equal(action.inputs.policy.required, true);
    assert.equal(action.inputs.base.default, '${{ github.event.pull_request.base.sha }}');
    assert.equal(action.runs.using, 'composite');
  });

  it('gives every run step a shell, and splices no expression into a script (inputs arrive as environment variables)', () => {
    const runs = action.runs.steps.filter((s) => s.run);
    assert.ok(runs.length >= 2);
    for (const s of runs) {
      assert.equal(s.shell, 'bash', `${s.name} names its shell`);
      assert.ok(!s.run?.includes('${{'), `${s.name}: no \${{ }} inside the script`);
    }
    const check = action.runs.steps.find((s) => s.id === 'check');
    assert.match(check?.run ?? '', /disclosure check/);
    assert.equal(check?.env?.AI_POLICY_AUDIT_TOKEN, '${{ inputs.report-token }}', 'the token travels in the environment, not on the command line');
    assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('actions/setup-node@')));
  });

  it("runs its check step on a real repository as the runner would (bash, the step's environment)", function () {
    this.timeout(30000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'action-'));
    try {
      const repo = path.join(root, 'repo');
      fs.mkdirSync(repo);
      const env = { ...process.env, GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com', GIT_COMMITTER_NAME: 'Ann', GIT_COMMITTER_EMAIL: 'ann@example.com', GIT_CONFIG_GLOBAL: '/dev/null' };
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
      git('init', '-q', '-b', 'main');
      const p = testPolicy();
      p.disclosure = { required: true, trailer: 'Assisted-by', pullRequest: { section: 'AI assistance' } };
      fs.writeFileSync(path.join(repo, 'org.aipolicy.yaml'), stringify(p));
      git('add', '.');
      git('commit', '-q', '-m', 'Policy');
      const base = git('rev-parse', 'HEAD');
      fs.writeFileSync(path.join(repo, 'a.ts'), 'export {};\n');
      git('add', '.');
      git('commit', '-q', '-m', 'Change\n\nAssisted-by: GitHub Copilot');
      const head = git('rev-parse', 'HEAD');
      const event = path.join(root, 'event.json');
      const body = (ticked: string) => `## AI assistance\n\n- [${ticked === 'none' ? 'x' : ' '}] No AI tool was used.\n- [${ticked === 'used' ? 'x' : ' '}] AI tools were used: GitHub Copilot\n`;
      const step = action.runs.steps.find((s) => s.id === 'check') as Step;
      // The runner's expression values for this job.
      const values: Record<string, string> = {
        '${{ steps.install.outputs.cli }}': path.join(REPO, 'dist', 'cli.js'),
        '${{ inputs.policy }}': 'org.aipolicy.yaml',
        '${{ inputs.base }}': base,
        '${{ inputs.head }}': head,
        '${{ inputs.pr-body }}': '',
        '${{ inputs.report-url }}': '',
        '${{ inputs.report-token }}': '',
      };
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, values[v] ?? assert.fail(`unexpected expression ${v}`)]));
      const runStep = (ticked: string) => {
        fs.writeFileSync(event, JSON.stringify({ number: 3, pull_request: { number: 3, body: body(ticked), base: { sha: base }, head: { sha: head } } }));
        return spawnSync('bash', ['-e', '-c', step.run ?? ''], { cwd: repo, encoding: 'utf8', env: { ...env, ...stepEnv, GITHUB_EVENT_PATH: event } });
      };
      const ok = runStep('used');
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /Pull request #3, "AI assistance": AI tools were used \(copilot\)/);
      const broken = runStep('none');
      assert.equal(broken.status, 1, broken.stdout + broken.stderr);
      assert.match(broken.stdout, /FAILED/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
