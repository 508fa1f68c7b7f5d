// Opens the extension in a real VS Code: the cached VS Code server on 127.0.0.1 plus headless Chromium.
// Host tests pass extensionTestsPath (the workbench then runs them and reports the exit code);
// UI checks leave it out and drive `session.page`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FakeExtension } from './fakeExtension';
import { markedText } from './hostOutput';
import { startServer, type RunningServer } from './server';
import { ensureServer } from './serverCache';
import { copyWorkspace, makeDirs, repoRoot, writeFakeExtensions, writeLanguagePack, writeSettings, type SessionDirs } from './workspaceSetup';

export interface LaunchOptions {
  /** Names the run folder test-output/runs/<name>-<pid>. */
  name: string;
  /** Folder under test/host/fixtures (or an absolute path), copied so the session may change it. */
  fixture?: string;
  /** `git init` + commit the copied workspace. */
  gitInit?: boolean;
  /** Default true. False opens the workspace in Restricted Mode. */
  trusted?: boolean;
  /** Machine settings (machine-scoped aiPolicy.* settings belong here). */
  machineSettings?: Record<string, unknown>;
  userSettings?: Record<string, unknown>;
  /** The development extension; default this repository. The server loads only one, so fake extensions are installed. */
  extensionDevelopmentPath?: string;
  fakeExtensions?: readonly FakeExtension[];
  /** Environment of the extension host (a function receives the session folders, e.g. the workspace copy). */
  env?: Record<string, string> | ((dirs: SessionDirs) => Record<string, string>);
  /** Compiled tests module whose run() the extension host calls. */
  extensionTestsPath?: string;
  /** Display language (the server's --locale), e.g. `de`; default English. */
  locale?: string;
  /** Fixed port (npm start); default a free one. */
  port?: number;
  /** Receives what the extension host prints (mocha output). Default: stdout. */
  onOutput?: (text: string) => void;
}

export interface Session {
  readonly url: string;
  readonly port: number;
  readonly vscodeVersion: string;
  readonly dirs: SessionDirs;
  readonly workspaceDir: string | undefined;
  readonly browser: Browser;
  readonly page: Page;
  /** Resolves with the code the workbench reports when the extension tests end. */
  readonly exited: Promise<number>;
  /** Writes test-output/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The workbench URL that opens `folder` with the given development extension and tests module; without a
 * development path, the extensions installed in the server (as a user runs the product).
 */
export function workbenchUrl(port: number, folder: string | undefined, devPath?: string, testsPath?: string): string {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload: string[][] = devPath ? [['extensionDevelopmentPath', remote(devPath)]] : [];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = folder ? `folder=${encodeURI(folder)}&` : '';
  return `http://127.0.0.1:${port}/?${query}payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function launch(o: LaunchOptions): Promise<Session> {
  const install = await ensureServer();
  const dirs = makeDirs(o.name);
  const workspaceDir = o.fixture ? copyWorkspace(dirs, o.fixture, o.gitInit ?? false) : undefined;
  dirs.workspace = workspaceDir;
  writeSettings(dirs, o.machineSettings ?? {}, o.userSettings ?? {});
  writeFakeExtensions(dirs, o.fakeExtensions ?? []);
  if (o.locale && !o.locale.startsWith('en')) writeLanguagePack(dirs, o.locale);
  const devPath = o.extensionDevelopmentPath ?? repoRoot();
  const browserLog = fs.createWriteStream(path.join(dirs.run, 'browser.log'));
  const output = o.onOutput ?? ((text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`));

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    browserLog.end();
  };
  try {
    server = await startServer({
      install,
      port: o.port,
      userDataDir: dirs.user,
      serverDataDir: dirs.server,
      extensionsDir: dirs.extensions,
      trusted: o.trusted ?? true,
      locale: o.locale,
      env: typeof o.env === 'function' ? o.env(dirs) : o.env,
      logFile: path.join(dirs.run, 'server.log'),
    });
    browser = await chromium.launch({ executablePath: process.env.AI_POLICY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => browserLog.write(`[console.${m.type()}] ${m.text()}\n`));
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    // A crashed server or page ends the run instead of leaving it to the timeout.
    server.process.once('exit', (code) => reportExit(code || 1));
    page.once('crash', () => reportExit(1));
    await page.exposeFunction('codeAutomationLog', (type: string, entry: unknown) => {
      browserLog.write(`[${type}] ${typeof entry === 'string' ? entry : JSON.stringify(entry)}\n`);
      const text = markedText(entry);
      if (text !== undefined) output(text);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    const url = workbenchUrl(server.port, workspaceDir, devPath, o.extensionTestsPath);
    await page.goto(url);
    const port = server.port;
    return {
      url, port, vscodeVersion: install.vscodeVersion, dirs, workspaceDir, browser, page, exited, close,
      screenshot: async (name: string) => {
        const file = path.join(repoRoot(), 'test-output', 'screenshots', `${name}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file });
        return file;
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

