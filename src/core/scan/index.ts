// Public surface of the sensitive-data detector.
export { Scanner, type FileScan, type ScannerOptions } from './scanner';
export { Detector } from './detector';
export { loadGitleaksConfig, type GitleaksConfig } from './gitleaks';
export { builtinPathRules, PathMatcher } from './paths';
export { readForScan, isBinary, decodeText } from './file';
export type { Finding, ScanResult, CompiledRule } from './types';
