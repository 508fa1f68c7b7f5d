// One typed view of the extension's settings, read in one place.
import vscode = require('vscode');
import { Disposable } from './lifecycle';

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

  constructor() {
    super();
    this.cached = Config.read();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('aiPolicy')) {
          this.cached = Config.read();
          this.emitter.fire(this.cached);
        }
      }),
    );
  }

  get values(): ExtensionConfig {
    return this.cached;
  }

  private static read(): ExtensionConfig {
    const c = vscode.workspace.getConfiguration('aiPolicy');
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
