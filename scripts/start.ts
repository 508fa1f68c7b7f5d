// npm start: the product on this machine. Starts the VS Code server on 127.0.0.1 with the extension
// loaded on a sample workspace and the starter policy (plus the reference audit server when built),
// prints the URL to open, and runs until Ctrl-C.
// Options: --port P (default 8765, or a free port when taken); AI_POLICY_CACHE_DIR moves the server cache.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { workbenchUrl } from '../test/harness/launcher';
import { freePort, startServer, type RunningServer } from '../test/harness/server';
import { ensureServer } from '../test/harness/serverCache';
import { makeDirs, repoRoot, writeSettings } from '../test/harness/workspaceSetup';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The sample workspace, copied once into test-output/demo-workspace so that edits survive restarts. */
function demoWorkspace(root: string): string {
  const target = path.join(root, 'test-output', 'demo-workspace');
  if (!fs.existsSync(target)) fs.cpSync(path.join(root, 'demo', 'workspace'), target, { recursive: true });
  return target;
}

// ---- Hook: reference audit server --------------------------------------------------------------
// Started beside the editor when dist/cli.js has a working `server` command. Its data lives in
// test-output/demo-audit.db. The editor gets the ingest token; the admin token (printed) opens the
// dashboard, reports and evidence pack.
async function startAuditServer(root: string, policy: string | undefined): Promise<{ child: ChildProcess; url: string; token: string; adminToken: string } | undefined> {
  const cli = path.join(root, 'dist', 'cli.js');
  if (spawnSync(process.execPath, [cli, 'server', '--help'], { stdio: 'ignore' }).status !== 0) return undefined;
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const adminToken = randomBytes(16).toString('hex');
  const args = [cli, 'server', '--port', String(port), '--db', path.join(root, 'test-output', 'demo-audit.db'), '--token', token, '--admin-token', adminToken];
  if (policy) args.push('--policy', policy);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}/`;
  // The editor fetches the policy as soon as it starts: wait until the server answers.
  for (let i = 0; i < 100; i++) {
    if (await answers(url)) return { child, url, token, adminToken };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  console.warn('The reference audit server did not start; continuing without it.');
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
// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const root = repoRoot();
  const wanted = Number(values.port ?? 8765);
  const port = (await portFree(wanted)) ? wanted : await freePort();
  const install = await ensureServer();

  const dirs = makeDirs('demo');
  const workspace = demoWorkspace(root);
  const starter = path.join(root, 'policy-samples', 'starter.aipolicy.yaml');
  const policy = fs.existsSync(starter) ? starter : undefined;
  if (!policy) console.warn(`No sample policy at ${starter}: starting without a policy source.`);
  // With the reference server up, the editor takes the policy from it (as from an organization's
  // published URL) and sends its audit events to it; without it, the sample file is the source.
  const audit = await startAuditServer(root, policy);
  const machineSettings: Record<string, string> = {};
  if (audit) {
    if (policy) machineSettings['aiPolicy.policySource'] = `${audit.url}policy.yaml`;
    machineSettings['aiPolicy.audit.endpoint'] = `${audit.url}v1/events`;
  } else if (policy) {
    machineSettings['aiPolicy.policySource'] = policy;
  }
  writeSettings(dirs, machineSettings, {});
  let server: RunningServer | undefined;
  const stop = async (): Promise<void> => {
    server?.process.removeAllListeners('exit');
    audit?.child.kill('SIGTERM');
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  server = await startServer({
    install,
    port,
    userDataDir: dirs.user,
    serverDataDir: dirs.server,
    extensionsDir: dirs.extensions,
    trusted: true,
    env: audit ? { AI_POLICY_AUDIT_TOKEN: audit.token } : undefined,
    logFile: path.join(dirs.run, 'server.log'),
  });
  server.process.once('exit', (code) => {
    console.error(`VS Code server stopped (exit ${code}); log: ${path.join(dirs.run, 'server.log')}`);
    audit?.child.kill('SIGTERM');
    process.exit(1);
  });

  console.log(`\nAI Tool Policy in VS Code ${install.vscodeVersion} (server log: ${path.join(dirs.run, 'server.log')})`);
  console.log(`Workspace: ${workspace}`);
  console.log(`Policy:    ${machineSettings['aiPolicy.policySource'] ?? '(none)'}${policy && audit ? ` (published from ${policy})` : ''}`);
  if (audit) {
    console.log(`Audit server: ${audit.url} (the editor sends with the ingest token ${audit.token})`);
    console.log(`Dashboard:    ${audit.url} (sign in with the admin token ${audit.adminToken})`);
    console.log(`Report (CSV): curl -H 'Authorization: Bearer ${audit.adminToken}' '${audit.url}v1/report?format=csv'`);
    console.log(`Evidence:     ${audit.url}evidence (same sign-in)`);
  }
  console.log(`\nOpen this URL in a browser:\n\n  ${workbenchUrl(port, workspace, root)}\n\nPress Ctrl-C to stop.`);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
