// Prepares the folders one VS Code session uses: run folder, workspace copy, settings, fake extensions.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { registerInstalled, writeFakeExtension, type FakeExtension } from './fakeExtension';

/** The repository root (the folder whose package.json names this extension). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ai-tool-policy') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no ai-tool-policy package.json above ${__dirname}`);
    dir = parent;
  }
}

export interface SessionDirs {
  run: string;
  user: string;
  server: string;
  extensions: string;
  workspace?: string;
}

/** Settings that keep a test session quiet and deterministic; callers' user settings override them. */
export const QUIET_USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  // Test and demo workspaces live inside this repository's folder: do not offer to open the parent repository.
  'git.openRepositoryInParentFolders': 'never',
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fresh folders under test-output/runs/<name>-<pid>. Folders of earlier runs of that name whose process
 * has ended are removed (so the last one stays for inspection); concurrent runs do not collide.
 */
export function makeDirs(name: string): SessionDirs {
  const base = name.replace(/[^\w.-]+/g, '-');
  const runs = path.join(repoRoot(), 'test-output', 'runs');
  fs.mkdirSync(runs, { recursive: true });
  for (const entry of fs.readdirSync(runs)) {
    const m = /^(.*)-(\d+)$/.exec(entry);
    if (m && m[1] === base && !alive(Number(m[2]))) fs.rmSync(path.join(runs, entry), { recursive: true, force: true });
  }
  const run = path.join(runs, `${base}-${process.pid}`);
  fs.rmSync(run, { recursive: true, force: true });
  const dirs = { run, user: path.join(run, 'user'), server: path.join(run, 'server'), extensions: path.join(run, 'extensions') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  return dirs;
}

/** Copies test/host/fixtures/<fixture> (or an absolute folder) into the run folder; optionally `git init`s it. */
export function copyWorkspace(dirs: SessionDirs, fixture: string, gitInit: boolean): string {
  const source = path.isAbsolute(fixture) ? fixture : path.join(repoRoot(), 'test', 'host', 'fixtures', fixture);
  if (!fs.existsSync(source)) throw new Error(`fixture workspace not found: ${source}`);
  const workspace = path.join(dirs.run, 'workspace');
  fs.cpSync(source, workspace, { recursive: true });
  if (gitInit) {
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: workspace, stdio: 'ignore' });
    };
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', 'fixture');
  }
  return workspace;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** Machine settings (where machine-scoped settings such as aiPolicy.policySource are honoured) and user settings. */
export function writeSettings(dirs: SessionDirs, machine: Record<string, unknown>, user: Record<string, unknown>): void {
  writeJson(path.join(dirs.user, 'Machine', 'settings.json'), machine);
  writeJson(path.join(dirs.user, 'User', 'settings.json'), { ...QUIET_USER_SETTINGS, ...user });
}

/** Installs the fake extensions into the session's extensions folder. */
export function writeFakeExtensions(dirs: SessionDirs, fakes: readonly FakeExtension[]): void {
  if (fakes.length === 0) return;
  registerInstalled(dirs.extensions, fakes.map((ext) => ({ ext, dir: writeFakeExtension(dirs.extensions, ext) })));
}

/**
 * Makes `locale` available as display language. VS Code switches language only when a language pack for it is
 * registered in languagepacks.json of the user data folder; the Marketplace's packs cannot be installed
 * offline, so this registers a pack without core translations: the workbench stays English while the
 * extension host runs in `locale` and loads the extensions' own bundles (l10n/bundle.l10n.<locale>.json).
 */
export function writeLanguagePack(dirs: SessionDirs, locale: string): void {
  const translations = path.join(dirs.run, 'language-pack', `main.i18n.${locale}.json`);
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = { [locale]: { hash: `test-${locale}`, label: locale, extensions: [{ extensionIdentifier: { id: `test.language-pack-${locale}` }, version: '1.0.0' }], translations: { vscode: translations } } };
  for (const dir of [dirs.user, dirs.server]) fs.writeFileSync(path.join(dir, 'languagepacks.json'), JSON.stringify(packs));
}
