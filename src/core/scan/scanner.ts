// The scanner: built-in rules, the policy's rules and an optional gitleaks config, behind one API.
import type { DataHandling } from '../policy/types';
import { compileRule } from './compile';
import { Detector, finish } from './detector';
import { readForScan, readForScanSync, DEFAULT_MAX_BYTES, type ReadOutcome } from './file';
import type { GitleaksConfig } from './gitleaks';
import { builtinPathRules, PathMatcher } from './paths';
import { compilePolicyRules, type RuleProblem } from './policyRules';
import { scanSliced, type SliceOptions } from './sliced';
import type * as Rules from './rules';
import type { CompiledRule, ScanResult } from './types';

export interface ScannerOptions {
  dataHandling?: DataHandling;
  gitleaks?: GitleaksConfig;
  /** The policy passed validation (the hook's always has): its keyword-anchored patterns compile on first use. */
  validatedPolicy?: boolean;
}

export interface FileScan extends ScanResult {
  path: string;
  skipped?: 'binary';
  truncated?: boolean;
}

/**
 * The built-in content rules' module, initialized on first use (defining the rules builds their keyword lists and
 * the generic rules' expressions): a scanner asked only about paths never needs it. Bundled with this module.
 */
function builtinRules(): typeof Rules.builtinRules {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require inside a function is what makes it lazy
  return (require('./rules') as typeof Rules).builtinRules;
}

export class Scanner {
  readonly paths: PathMatcher;
  readonly problems: RuleProblem[];
  private readonly pathAllowed: (p: string) => boolean;
  private built: Detector | undefined;
  private readonly buildDetector: () => Detector;

  constructor(opts: ScannerOptions = {}) {
    const dh = opts.dataHandling;
    const policy = compilePolicyRules(dh, opts.validatedPolicy);
    const off = policy.allowlist?.rules ?? new Set<string>();
    const builtinPaths = dh?.builtinDetectors === 'none' ? [] : builtinPathRules;
    this.paths = new PathMatcher([...builtinPaths, ...policy.paths, ...(opts.gitleaks?.paths ?? [])].filter((r) => !off.has(r.id)));
    this.problems = [...policy.problems, ...(opts.gitleaks?.problems ?? [])];
    this.pathAllowed = policy.allowlist?.paths ?? (() => false);
    this.buildDetector = () => {
      const rules: CompiledRule[] = [
        ...builtinRules()(dh?.builtinDetectors ?? 'all').map(compileRule),
        ...policy.content,
        ...(opts.gitleaks?.rules ?? []),
      ];
      return new Detector(rules.filter((r) => !off.has(r.id)), policy.allowlist);
    };
  }

  /**
   * The content rules, compiled on first use: a caller that only asks which paths are sensitive (the agent
   * hook, for a file whose name decides) neither loads nor compiles them.
   */
  get detector(): Detector {
    return (this.built ??= this.buildDetector());
  }

  /** The policy's allowlist.paths names this workspace-relative path: nothing in it is reported. */
  allowsPath(path: string): boolean {
    return this.pathAllowed(path);
  }

  /** Path findings plus content findings for a text; `path` is workspace-relative. */
  scanText(text: string, path?: string): ScanResult {
    if (path && this.pathAllowed(path)) return { findings: [], suppressed: 1 };
    const result = this.detector.scan({ text, path });
    if (path) result.findings.push(...this.paths.match(path));
    return finish(result);
  }

  /** For the editor: the content is scanned in slices, so that a large file never blocks; undefined when cancelled. */
  async scanFile(absPath: string, relPath: string, maxBytes = DEFAULT_MAX_BYTES, slice: SliceOptions = {}): Promise<FileScan | undefined> {
    if (this.pathAllowed(relPath)) return { path: relPath, findings: [], suppressed: 1 };
    const read = await readForScan(absPath, maxBytes);
    if (read.kind === 'binary') return this.scanRead(read, relPath);
    const result = await scanSliced(this.detector, { text: read.text, path: relPath }, slice);
    if (!result) return undefined;
    result.findings.push(...this.paths.match(relPath));
    return { path: relPath, ...finish(result), truncated: read.truncated };
  }

  scanFileSync(absPath: string, relPath: string, maxBytes = DEFAULT_MAX_BYTES): FileScan {
    if (this.pathAllowed(relPath)) return { path: relPath, findings: [], suppressed: 1 };
    return this.scanRead(readForScanSync(absPath, maxBytes), relPath);
  }

  private scanRead(read: ReadOutcome, relPath: string): FileScan {
    if (read.kind === 'binary') {
      return { path: relPath, findings: this.paths.match(relPath), suppressed: 0, skipped: 'binary' };
    }
    return { path: relPath, ...this.scanText(read.text, relPath), truncated: read.truncated };
  }
}
