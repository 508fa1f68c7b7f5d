// npm start: the product on this machine. Installs the packaged extension into the VS Code server on
// 127.0.0.1, opens a sample Git workspace (with generated sample secrets and customer data) under the starter
// policy, runs the reference audit server beside it on a stable port, prints the URLs and runs until Ctrl-C.
// Options: --port P (editor port; default 8765, or a free port when taken); AI_POLICY_CACHE_DIR moves the
// VS Code server cache. The workspace, audit database, port and tokens are kept in test-output/.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../test/harness/workspaceSetup';
import { startDemo, type Demo } from './demo/demo';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const root = repoRoot();
  const demo: Demo = await startDemo({ root, editorPort: Number(values.port ?? 8765) });
  const stop = (): void => void demo.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`\nAI Tool Policy (installed from the packaged .vsix) in VS Code ${demo.vscodeVersion} (server log: ${demo.logFile})`);
  console.log(`Workspace:    ${demo.workspace}`);
  console.log(`Policy:       ${demo.policySource}`);
  const a = demo.audit;
  if (a) {
    const state = path.join(root, 'test-output', 'demo-server.json');
    console.log(`Audit server: ${a.url} (port and tokens kept in ${state})`);
    if (a.separateAdmin) {
      console.log(`Dashboard:    ${a.url} (sign in with the admin token ${a.adminToken})`);
      console.log(`Ingest token: ${a.ingestToken} (the editor sends its events with it)`);
    } else {
      console.log(`Dashboard:    ${a.url} (sign in with the token ${a.adminToken}; the editor sends its events with the same token)`);
    }
    console.log(`Report (CSV): curl -H 'Authorization: Bearer ${a.adminToken}' '${a.url}v1/report?format=csv'`);
  }
  console.log(`\nOpen this URL in a browser:\n\n  ${demo.editorUrl}\n\nPress Ctrl-C to stop.`);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
