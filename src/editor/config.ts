// One typed view of the extension's settings, read in one place.
import vscode = require('vscode');
import { managedConfigPath, managedTeams, readManagedConfig, type ManagedConfig } from '../core/managed/managedConfig';
import { Disposable } from './lifecycle';

/** The settings the organization's managed configuration can pin (they win over user values). */
export type ManagedKey = 'policySource' | 'publicKey' | 'auditEndpoint' | 'otlpEndpoint' | 'developerId';
const MANAGED_SETTINGS: Readonly<Record<ManagedKey, string>> = {
  policySource: 'policySource',
  publicKey: 'publicKey',
  auditEndpoint: 'audit.endpoint',
  otlpEndpoint: 'audit.otlpEndpoint',
  developerId: 'developerId',
};

export interface ManagedState {
  /** The managed file's path. */
  path: string;
  /** Settings whose values come from it. */
  keys: ManagedKey[];
  /** Settings where a user value was set and is ignored. */
  overridden: string[];
  /** Why the file could not be used (it is then ignored as a whole). */
  error?: string;
  hooksMode?: ManagedConfig['hooksMode'];
  /** The developer's teams as the managed file names them: team exceptions of the policy apply to them. */
  teams: string[];
}

export interface ExtensionConfig {
  /** https URL, loopback http URL or local file path of the published policy (machine scope). */
  policySource: string;
  /** PEM Ed25519 public key; when set, only policies signed with it are accepted (machine scope). */
  publicKey: string;
  refreshIntervalMinutes: number;
  /** Audit endpoint override (machine scope); empty means the policy's. */
  auditEndpoint: string;
  /** OTLP/HTTP logs endpoint (machine scope); empty means the policy's or none. */
  otlpEndpoint: string;
  /** Explicit developer id, used when the policy's identity is `explicit` (machine scope). */
  developerId: string;
  scanEnabled: boolean;
  maxFileSizeMB: number;
}

export class Config extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<ExtensionConfig>());
  /** Fires with the new values when any aiPolicy.* setting changes. */
  readonly onDidChange = this.emitter.event;
  private cached: ExtensionConfig;
  private managedState: ManagedState;

  /** `managedPath` is the platform's fixed path; only the extension's test hooks pass another (see setManagedPath). */
  constructor(private managedPath: string = managedConfigPath()) {
    super();
    [this.cached, this.managedState] = Config.read(this.managedPath);
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('aiPolicy')) this.reload();
      }),
    );
  }

  get values(): ExtensionConfig {
    return this.cached;
  }

  /** What the organization's managed configuration pins on this machine. */
  get managed(): ManagedState {
    return this.managedState;
  }

  /** Reads the settings and the managed file again; fires when anything changed. */
  reload(): void {
    const [values, managed] = Config.read(this.managedPath);
    const changed = JSON.stringify(values) !== JSON.stringify(this.cached) || JSON.stringify(managed) !== JSON.stringify(this.managedState);
    this.cached = values;
    this.managedState = managed;
    if (changed) this.emitter.fire(values);
  }

  /** Test hooks only: read the managed configuration from another file. */
  setManagedPath(file: string): void {
    this.managedPath = file;
    this.reload();
  }

  private static read(managedPath: string): [ExtensionConfig, ManagedState] {
    const c = vscode.workspace.getConfiguration('aiPolicy');
    const values = Config.readUser(c);
    const m = readManagedConfig(managedPath);
    const state: ManagedState = { path: m.path, keys: [], overridden: [], error: m.error, hooksMode: m.config?.hooksMode, teams: managedTeams(m.config) };
    for (const key of Object.keys(MANAGED_SETTINGS) as ManagedKey[]) {
      const v = m.config?.[key];
      if (v === undefined) continue;
      const setting = MANAGED_SETTINGS[key];
      const user = c.inspect<string>(setting);
      const userValue = user?.globalValue ?? user?.workspaceValue ?? user?.workspaceFolderValue;
      if (typeof userValue === 'string' && userValue.trim() && userValue.trim() !== v) state.overridden.push(`aiPolicy.${setting}`);
      values[key] = v.trim();
      state.keys.push(key);
    }
    return [values, state];
  }

  private static readUser(c: vscode.WorkspaceConfiguration): ExtensionConfig {
    return {
      policySource: c.get<string>('policySource', '').trim(),
      publicKey: c.get<string>('publicKey', '').trim(),
      refreshIntervalMinutes: atLeast(1, c.get<number>('refreshIntervalMinutes', 60), 60),
      auditEndpoint: c.get<string>('audit.endpoint', '').trim(),
      otlpEndpoint: c.get<string>('audit.otlpEndpoint', '').trim(),
      developerId: c.get<string>('developerId', '').trim(),
      scanEnabled: c.get<boolean>('scan.enabled', true),
      maxFileSizeMB: atLeast(0.1, c.get<number>('scan.maxFileSizeMB', 5), 5),
    };
  }
}

/** A number setting, raised to its minimum; a value that is not a finite number (hand-edited JSON) gets the default. */
function atLeast(min: number, value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, value) : fallback;
}
