// The previous release (its server and its audit queue and sender), built once per machine from git history
// for the version skew tests: `git archive` of the release commit into a temporary folder, bundled with the
// esbuild and node_modules of this checkout. Built rather than committed as a bundle: the test then runs the
// release's own source, a reviewer can read it with `git show`, and the repository carries no generated
// megabytes. It needs the commit in the clone (CI clones in full) and nothing from the network.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './serverProcess';

/** The release before version skew was handled: its server refuses unknown fields with 400, its sender drops on 400. */
export const PREVIOUS_RELEASE = '259fdbf';

export interface PreviousRelease {
  commit: string;
  /** Its `ai-policy` CLI (run `node cli.js server ...`). */
  cli: string;
  /** Its src/core/audit as one CommonJS module (EventQueue, Sender, createEvent). */
  audit: string;
}

let built: Promise<PreviousRelease> | undefined;

/** Builds the previous release once per machine (cached in the temporary folder under its full commit id). */
export function previousRelease(): Promise<PreviousRelease> {
  built ??= build();
  return built;
}

async function build(): Promise<PreviousRelease> {
  let commit: string;
  try {
    commit = execFileSync('git', ['-C', REPO, 'rev-parse', '--verify', `${PREVIOUS_RELEASE}^{commit}`], { encoding: 'utf8' }).trim();
  } catch (e) {
    throw new Error(`the previous release ${PREVIOUS_RELEASE} is not in this clone (a shallow clone? fetch with full history): ${String(e)}`, { cause: e });
  }
  // Per checkout too: the build links this checkout's node_modules.
  const checkout = createHash('sha256').update(REPO).digest('hex').slice(0, 8);
  const dir = path.join(os.tmpdir(), `ai-policy-release-${commit}-${checkout}`);
  const out = { commit, cli: path.join(dir, 'dist', 'cli.js'), audit: path.join(dir, 'dist', 'audit.js') };
  if (fs.existsSync(path.join(dir, 'built'))) return out;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['-C', REPO, 'archive', '--format=tar', commit, 'src', 'scripts', 'schema', 'policy-samples', 'package.json'], { maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  // The release's source resolves its packages (and its build plugin its own) from this checkout's node_modules.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // Bundled by a child process with the release's own build plugin (the policy validator), as its esbuild.js did.
  fs.writeFileSync(path.join(dir, 'build.js'), BUILD_SCRIPT);
  try {
    execFileSync(process.execPath, ['build.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`building the previous release ${commit} failed: ${String((e as { stderr?: unknown }).stderr ?? e)}`, { cause: e });
  }
  fs.writeFileSync(path.join(dir, 'built'), `${commit}\n`);
  return out;
}

const BUILD_SCRIPT = `
const esbuild = require('esbuild');
const { policyValidatorPlugin } = require('./scripts/build/policyValidator');
esbuild.build({
  entryPoints: { cli: 'src/cli/main.ts', audit: 'src/core/audit/index.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'typescript', 'better-sqlite3', 'pg-native', 'playwright-core', 'mocha', 'secretlint'],
  loader: { '.yaml': 'text' },
  plugins: [policyValidatorPlugin],
  logLevel: 'error',
}).catch((e) => { console.error(e); process.exit(1); });
`;
