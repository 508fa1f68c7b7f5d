// What the editor takes from the scanner, in one module that src/core/lazyModules.ts loads the first time a
// document needs scanning. The extension's build puts it in its own file (dist/lazy/scanner.js, see esbuild.js);
// everything here is stateless, so the few small modules the main bundle also holds (paths, glob) may exist twice.
export { Scanner } from './scanner';
export { loadGitleaksConfig } from './gitleaks';
export { loadCustomRules } from './customRules';
export { regionToRescan, scanRegion, scanSliced } from './sliced';
export { remedies } from './remediation';
export { walkFiles } from './walk';
