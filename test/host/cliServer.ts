// The checkout's real `ai-policy server` as a child process on a free loopback port, for host suites that need
// a reference server beside the editor: resolves with its base URL once it says it is listening.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../harness/workspaceSetup';

export const CLI = path.join(repoRoot(), 'dist', 'cli.js');
/** The Node the run was started with (the editor's own runtime is not a plain Node). */
export const NODE = process.env.AI_POLICY_NODE || 'node';

export async function startCliServer(args: readonly string[], tokens: { ingest: string; admin: string }): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(NODE, [CLI, 'server', '--port', '0', ...args], {
    env: { ...process.env, AI_POLICY_SERVER_TOKEN: tokens.ingest, AI_POLICY_ADMIN_TOKEN: tokens.admin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    server.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { server, base };
}
