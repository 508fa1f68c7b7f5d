// The memory the extension adds to a Node process, measured in plain Node (part of the start-up bench): the Node
// built-ins it uses are loaded first (the extension host has them already), then the production bundle is required
// and activate() called with `vscode` stubbed, the user settings naming the starter policy. Heap and RSS are read
// after a full GC at each step. What the editor itself keeps for the extension (registered commands, views,
// diagnostics) is not in these figures; the extension's code, its objects and the parsed policy are.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface MemoryStep {
  /** Growth over the process before the bundle was required, in bytes. */
  heapUsed: number;
  rss: number;
}

export interface StartupMemory {
  loaded: MemoryStep;
  activated: MemoryStep;
  /** Whether the policy load had run to its end (the validated policy cached) when the figures were read. */
  policyLoaded: boolean;
}

/** The child process: prints one JSON line with the three readings. */
const child = (bundle: string, policy: string, storage: string, preload: string[]) => `
for (const m of ${JSON.stringify(preload)}) require(m);
const read = () => { global.gc(); global.gc(); const m = process.memoryUsage(); return { heapUsed: m.heapUsed, rss: m.rss }; };
const handler = {
  get: (t, k) => (k in t.overrides ? t.overrides[k] : k === 'then' ? undefined : k === Symbol.iterator ? function* () {} : k === Symbol.toPrimitive ? () => '' : stub()),
  set: (t, k, v) => ((t.overrides[k] = v), true),
  apply: () => stub(),
  construct: () => stub(),
};
function stub(overrides = {}) { const f = function () {}; f.overrides = overrides; return new Proxy(f, handler); }
const settings = { policySource: ${JSON.stringify(policy)} };
const vscode = stub({
  version: '1.0.0',
  env: stub({ appName: 'node', language: 'en', machineId: 'bench', sessionId: 'bench' }),
  l10n: stub({ t: (s) => s }),
  workspace: stub({
    isTrusted: true, workspaceFolders: [], textDocuments: [],
    getConfiguration: (section) => ({ get: (k, d) => (section === 'aiPolicy' && k in settings ? settings[k] : d), inspect: () => undefined, has: () => false }),
  }),
  extensions: stub({ all: [], getExtension: () => undefined }),
  window: stub({ visibleTextEditors: [], activeTextEditor: undefined }),
});
const Module = require('node:module');
const load = Module._load;
Module._load = function (req, ...rest) { return req === 'vscode' ? vscode : load.call(this, req, ...rest); };
const memento = () => { const m = new Map(); return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()], setKeysForSync() {} }; };
const context = stub({
  subscriptions: [], extensionMode: 1, globalState: memento(), workspaceState: memento(),
  globalStorageUri: stub({ fsPath: ${JSON.stringify(storage)}, scheme: 'file' }),
  extension: stub({ packageJSON: { version: '0.0.0' } }),
  secrets: stub({ get: async () => undefined, store: async () => undefined, delete: async () => undefined }),
});
const before = read();
const ext = require(${JSON.stringify(bundle)});
const loaded = read();
ext.activate(context);
setTimeout(() => {
  const activated = read();
  const policyLoaded = require('node:fs').existsSync(${JSON.stringify(path.join(storage, 'policy-cache.json'))});
  process.stdout.write(JSON.stringify({ before, loaded, activated, policyLoaded }));
  process.exit(0);
}, 3000);
`;

/** Runs the measurement once in a fresh process. */
export function startupMemory(bundle: string, policy: string, preload: string[]): StartupMemory {
  // The policy store caches the validated policy here (context.globalStorageUri).
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'));
  try {
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', child(bundle, policy, storage, preload)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`memory measurement exited with ${r.status}: ${r.stderr}`);
    const m = JSON.parse(r.stdout) as { before: MemoryStep; loaded: MemoryStep; activated: MemoryStep; policyLoaded: boolean };
    const growth = (x: MemoryStep): MemoryStep => ({ heapUsed: x.heapUsed - m.before.heapUsed, rss: x.rss - m.before.rss });
    return { loaded: growth(m.loaded), activated: growth(m.activated), policyLoaded: m.policyLoaded };
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
}
