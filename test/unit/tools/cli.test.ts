// The inventory and export commands, run as a child process on temporary extension folders.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { MANIFESTS, REPO, writeTestPolicy } from './testPolicy';

const run = promisify(execFile);
const CLI = path.join(REPO, 'dist/cli.js');

async function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** An extensions folder as the editor lays it out: one `publisher.name-version` folder per extension. */
function installFrom(dir: string, fixture: string, version?: string): void {
  const raw = JSON.parse(fs.readFileSync(path.join(MANIFESTS, `${fixture}.json`), 'utf8'));
  if (version) raw.version = version;
  const folder = path.join(dir, `${raw.publisher}.${raw.name}-${raw.version}`.toLowerCase());
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(raw));
}

describe('tools: CLI', function () {
  this.timeout(20_000);
  let tmp: string;
  let extA: string;
  let extB: string;
  let policyFile: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `node esbuild.js` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-cli-'));
    extA = path.join(tmp, 'vscode', 'extensions');
    extB = path.join(tmp, 'cursor', 'extensions');
    for (const f of ['github.copilot-chat', 'saoudrizwan.claude-dev', 'esbenp.prettier-vscode', 'eamodio.gitlens', 'warm3snow.vscode-ollama']) installFrom(extA, f);
    installFrom(extA, 'continue.continue', '0.6.0');
    installFrom(extB, 'continue.continue', '0.7.37');
    installFrom(extB, 'dbaeumer.vscode-eslint');
    fs.mkdirSync(path.join(extB, 'broken.ext-1.0.0'));
    fs.writeFileSync(path.join(extB, 'broken.ext-1.0.0', 'package.json'), '{ not json');
    fs.writeFileSync(path.join(extB, 'extensions.json'), '[]');
    policyFile = writeTestPolicy(tmp);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('inventory --format json classifies every extension, highest version per id', async () => {
    const r = await cli(['inventory', '--policy', policyFile, '--extensions-dir', extA, '--extensions-dir', extB, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /broken\.ext-1\.0\.0.*package\.json:1:3: /, 'a broken manifest is reported at its line and column');
    const tools = (JSON.parse(r.stdout) as { tools: { id: string; version: string; ai: boolean; kind: string; status: string; reasons: string[] }[] }).tools;
    const by = Object.fromEntries(tools.map((t) => [t.id.toLowerCase(), t]));
    assert.equal(tools.length, 7);
    for (const t of tools) assert.deepEqual(Object.keys(t).filter((k) => ['id', 'version', 'ai', 'kind', 'status', 'reasons'].includes(k)).sort(), ['ai', 'id', 'kind', 'reasons', 'status', 'version']);
    assert.equal(by['github.copilot-chat'].status, 'approved');
    assert.equal(by['continue.continue'].version, '0.7.37');
    assert.equal(by['continue.continue'].status, 'restricted');
    assert.equal(by['saoudrizwan.claude-dev'].status, 'unlisted');
    assert.equal(by['warm3snow.vscode-ollama'].status, 'unlisted');
    assert.equal(by['eamodio.gitlens'].kind, 'ai-feature');
    assert.equal(by['esbenp.prettier-vscode'].status, 'not-ai');
    assert.equal(by['esbenp.prettier-vscode'].ai, false);
    assert.equal(by['dbaeumer.vscode-eslint'].status, 'not-ai');
  });

  it('inventory exits 1 when a prohibited tool is installed, and prints a text summary', async () => {
    const dir = path.join(tmp, 'with-prohibited');
    fs.mkdirSync(path.join(dir, 'codeium.codeium-1.0.0'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'codeium.codeium-1.0.0', 'package.json'), JSON.stringify({ publisher: 'Codeium', name: 'codeium', version: '1.0.0' }));
    const r = await cli(['inventory', '--policy', policyFile, '--extensions-dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^prohibited\s+completion\s+Codeium\.codeium@1\.0\.0/m);
    assert.match(r.stdout, /1 extensions, 1 AI: 0 approved, 0 restricted, 1 prohibited, 0 unlisted/);
  });

  it('inventory without --extensions-dir reads the default folders under HOME', async () => {
    const home = path.join(tmp, 'home');
    installFrom(path.join(home, '.vscode-server', 'extensions'), 'saoudrizwan.claude-dev');
    installFrom(path.join(home, '.windsurf', 'extensions'), 'esbenp.prettier-vscode');
    const r = await cli(['inventory', '--format', 'json'], { ...process.env, HOME: home, USERPROFILE: home });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { tools: { id: string; status: string }[]; folders: string[] };
    assert.deepEqual(out.tools.map((t) => [t.id, t.status]), [['esbenp.prettier-vscode', 'not-ai'], ['saoudrizwan.claude-dev', 'unlisted']]);
    assert.equal(out.folders.length, 2);
  });

  it('inventory reports a bad policy with its location and exits 2', async () => {
    const bad = path.join(tmp, 'bad.yaml');
    fs.writeFileSync(bad, 'apiVersion: aipolicy/v1\ntools: [\n');
    const r = await cli(['inventory', '--policy', bad, '--extensions-dir', extA]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.yaml:\d+:\d+: error/);
  });

  it('export prints each target; unknown targets and missing options exit 2', async () => {
    const json = await cli(['export', '--policy', policyFile, '--target', 'vscode-allowed-extensions']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout)['codeium.codeium'], false);
    const aiex = await cli(['export', '--policy', policyFile, '--target', 'aiexclude']);
    assert.equal(aiex.code, 0);
    assert.match(aiex.stdout, /^\.env$/m);
    assert.equal((await cli(['export', '--policy', policyFile, '--target', 'nope'])).code, 2);
    assert.equal((await cli(['export', '--target', 'aiexclude'])).code, 2);
  });

  it('export --audit-endpoint points the agents\' telemetry at that server; a URL that is not http(s) exits 2', async () => {
    const codex = await cli(['export', '--policy', policyFile, '--target', 'codex-config', '--audit-endpoint', 'https://audit.example.com/v1/events']);
    assert.equal(codex.code, 0, codex.stderr);
    assert.match(codex.stdout, /^endpoint = "https:\/\/audit\.example\.com\/v1\/logs"$/m);
    const claude = await cli(['export', '--policy', policyFile, '--target', 'claude-managed-settings', '--audit-endpoint', 'http://127.0.0.1:8443']);
    assert.equal(claude.code, 0, claude.stderr);
    assert.equal((JSON.parse(claude.stdout) as { env: Record<string, string> }).env.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://127.0.0.1:8443');
    const bad = await cli(['export', '--policy', policyFile, '--target', 'codex-config', '--audit-endpoint', 'audit.example.com']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--audit-endpoint "audit\.example\.com" is not an http\(s\) URL/);
  });
});
