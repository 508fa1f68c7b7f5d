// The demo as a newcomer meets it (`npm start`, and the UI check of its first screen): the packaged
// extension installed into the VS Code server, a Git workspace with generated sample secrets and customer
// records, and the reference audit server on a stable port with stable tokens, publishing the starter policy.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { workbenchUrl } from '../../test/harness/launcher';
import { startServer, type RunningServer } from '../../test/harness/server';
import { ensureServer, type ServerInstall } from '../../test/harness/serverCache';
import { makeDirs, writeSettings } from '../../test/harness/workspaceSetup';
import { demoServerState, portFree, type DemoServerState } from './state';
import { seedDemoUsage, writeDemoRoster } from './usage';
import { ensureDemoWorkspace } from './workspace';

export interface DemoOptions {
  root: string;
  /** Where the demo keeps its workspace, database, tokens and package (default `<root>/test-output`). */
  stateDir?: string;
  /** Editor port (default 8765, or a free one when taken). */
  editorPort?: number;
  /** Names the run folder under test-output/runs. */
  name?: string;
  log?: (line: string) => void;
  /** Added to the editor's environment (the UI check gives the screenshots a sample developer's Git identity). */
  editorEnv?: Record<string, string>;
}

export interface AuditServerInfo extends DemoServerState {
  url: string;
  /** Whether the server has a separate admin token (`--admin-token`); otherwise one token does both. */
  separateAdmin: boolean;
  /** The stored port was taken by something else, so the server moved to `port`. */
  moved: boolean;
}

export interface Demo {
  editorUrl: string;
  workspace: string;
  policySource: string;
  vscodeVersion: string;
  audit?: AuditServerInfo;
  logFile: string;
  stop(): Promise<void>;
}

export async function startDemo(o: DemoOptions): Promise<Demo> {
  const log = o.log ?? ((l: string) => console.log(l));
  const stateDir = o.stateDir ?? path.join(o.root, 'test-output');
  fs.mkdirSync(stateDir, { recursive: true });
  const install = await ensureServer(log);
  const vsix = packageExtension(o.root, path.join(stateDir, 'ai-tool-policy.vsix'), log);

  const dirs = makeDirs(o.name ?? 'demo');
  installExtension(install, vsix, dirs);
  const workspace = path.join(stateDir, 'demo-workspace');
  if (ensureDemoWorkspace(path.join(o.root, 'demo', 'workspace'), workspace).created) log(`Created the demo workspace ${workspace} (a Git repository with generated sample data).`);

  const starter = path.join(o.root, 'policy-samples', 'starter.aipolicy.yaml');
  // With the reference server up, the editor takes the policy from it (as from an organization's published
  // URL) and sends its audit events to it; without it, the sample file is the source.
  const audit = await startAuditServer(o.root, stateDir, starter, log);
  const machineSettings: Record<string, string> = audit
    ? { 'aiPolicy.policySource': `${audit.info.url}policy.yaml`, 'aiPolicy.audit.endpoint': `${audit.info.url}v1/events` }
    : { 'aiPolicy.policySource': starter };
  writeSettings(dirs, machineSettings, {});

  const wanted = o.editorPort ?? 8765;
  const port = wanted && (await portFree(wanted)) ? wanted : 0;
  const logFile = path.join(dirs.run, 'server.log');
  let server: RunningServer;
  try {
    server = await startServer({
      install,
      port,
      userDataDir: dirs.user,
      serverDataDir: dirs.server,
      extensionsDir: dirs.extensions,
      trusted: true,
      env: { ...o.editorEnv, ...(audit ? { AI_POLICY_AUDIT_TOKEN: audit.info.ingestToken } : {}) },
      logFile,
    });
  } catch (e) {
    audit?.child.kill('SIGTERM');
    throw e;
  }
  return {
    editorUrl: workbenchUrl(server.port, workspace),
    workspace,
    policySource: machineSettings['aiPolicy.policySource'],
    vscodeVersion: install.vscodeVersion,
    audit: audit?.info,
    logFile,
    stop: async () => {
      audit?.child.kill('SIGTERM');
      await server.stop();
    },
  };
}

/** Builds the .vsix as `npm run package` does, unless one newer than every packaged source is there. */
function packageExtension(root: string, vsix: string, log: (l: string) => void): string {
  const sources = ['src', 'media', 'schema', 'policy-samples', 'package.json', 'README.md', '.vscodeignore'].map((p) => path.join(root, p));
  if (fs.existsSync(vsix) && newest(sources) < fs.statSync(vsix).mtimeMs) return vsix;
  log('Packaging the extension (.vsix)…');
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the extension failed:\n${r.stdout}${r.stderr}`);
  return vsix;
}

function newest(paths: string[]): number {
  let t = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const s = fs.statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(fs.readdirSync(p).map((e) => path.join(p, e))) : s.mtimeMs);
  }
  return t;
}

/** Installs the .vsix into the server's extensions folder, as an administrator would (offline, under a second). */
function installExtension(install: ServerInstall, vsix: string, dirs: { user: string; server: string; extensions: string }): void {
  const r = spawnSync(
    install.node,
    [install.serverMain, '--install-extension', vsix, '--force', '--extensions-dir', dirs.extensions, '--server-data-dir', dirs.server, '--user-data-dir', dirs.user, '--accept-server-license-terms'],
    { encoding: 'utf8', env: { ...process.env, VSCODE_AGENT_FOLDER: dirs.server } },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} into the VS Code server failed:\n${r.stdout}${r.stderr}`);
}

/** The reference audit server, on the stored port with the stored tokens (see state.ts). */
async function startAuditServer(root: string, stateDir: string, policy: string, log: (l: string) => void): Promise<{ child: ChildProcess; info: AuditServerInfo } | undefined> {
  const cli = path.join(root, 'dist', 'cli.js');
  const help = spawnSync(process.execPath, [cli, 'server', '--help'], { encoding: 'utf8' });
  if (help.status !== 0) return undefined;
  const separateAdmin = help.stdout.includes('--admin-token');
  const state = await demoServerState(path.join(stateDir, 'demo-server.json'));
  if (state.moved) log(`Port ${state.port} was taken; the audit server moved to a free one (stored for the next runs).`);
  const tokens = separateAdmin ? ['--token', state.ingestToken, '--admin-token', state.adminToken] : ['--token', state.ingestToken];
  const roster = path.join(stateDir, 'demo-roster.csv');
  writeDemoRoster(roster);
  const args = [cli, 'server', '--port', String(state.port), '--db', path.join(stateDir, 'demo-audit.db'), ...tokens, '--policy', policy, '--roster', roster];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const info: AuditServerInfo = {
    ...state,
    // With one token, that token also signs in to the dashboard.
    adminToken: separateAdmin ? state.adminToken : state.ingestToken,
    url: `http://127.0.0.1:${state.port}/`,
    separateAdmin,
  };
  // The editor fetches the policy as soon as it starts: wait until the server answers.
  for (let i = 0; i < 100; i++) {
    if (await answers(info.url)) {
      await seedUsageOnce(info, stateDir, log);
      return { child, info };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  log('The reference audit server did not start; continuing without it.');
  return undefined;
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1000, () => req.destroy());
  });
}

/** Sends the demo organization's generated use once per demo database (a marker file beside it). */
async function seedUsageOnce(info: AuditServerInfo, stateDir: string, log: (l: string) => void): Promise<void> {
  const marker = path.join(stateDir, 'demo-usage-sent');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= (fs.statSync(path.join(stateDir, 'demo-audit.db'), { throwIfNoEntry: false })?.birthtimeMs ?? 0)) return;
  try {
    log('Sending 8 weeks of generated AI tool use for 300 developers in 6 teams to the demo server…');
    await seedDemoUsage(info.url, info.ingestToken, log);
    fs.writeFileSync(marker, new Date().toISOString());
  } catch (e) {
    log(`The demo usage could not be sent (the adoption view stays empty): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
