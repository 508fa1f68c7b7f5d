// `npm test`: type check, lint, unit, PostgreSQL, host and UI tiers (or those named on the command line), then one
// summary line `N passed, N failed`. Fails when any tier fails or runs no tests.
import type { TierResult } from './hostRun';
import { ensureServer } from './serverCache';
import { hostTier, lint, mochaTier, pgTier, typecheck } from './tiers';

const TIERS: Record<string, () => Promise<TierResult>> = {
  typecheck,
  lint,
  // A generous per-test timeout: some unit tests fsync or spawn processes, which a loaded machine slows.
  unit: () => mochaTier('unit', ['--timeout', '20000']),
  // The server's store suites again on a real PostgreSQL, plus several instances on one database.
  pg: pgTier,
  // The CLI package installed with npm into a temporary prefix and run from PATH; what the extension package holds.
  package: () => mochaTier('package', ['--timeout', '600000']),
  host: hostTier,
  ui: () => mochaTier('ui', ['--timeout', '120000']),
};

async function main(): Promise<number> {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(TIERS);
  const unknown = names.filter((n) => !(n in TIERS));
  if (unknown.length > 0) {
    console.error(`unknown tier(s): ${unknown.join(', ')}; known: ${Object.keys(TIERS).join(', ')}`);
    return 2;
  }
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let ok = true;
  // Host and UI tiers need the cached VS Code server: install it once, up front.
  let serverError: string | undefined;
  if (names.includes('host') || names.includes('ui')) {
    serverError = await ensureServer().then(
      (s) => (console.log(`VS Code server ${s.vscodeVersion} ready`), undefined),
      (e: Error) => `VS Code server unavailable: ${e.message}`,
    );
  }
  for (const name of names) {
    console.log(`\n=== ${name} ===`);
    const needsServer = name === 'host' || name === 'ui';
    const r = needsServer && serverError ? { passed: 0, failed: 0, error: serverError } : await TIERS[name]();
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped ?? 0;
    const problem = r.error ?? (r.passed + r.failed === 0 ? 'ran no tests' : r.failed > 0 ? `${r.failed} failed` : undefined);
    if (problem) ok = false;
    const skips = r.skipped ? `, ${r.skipped} skipped` : '';
    lines.push(`${name}: ${r.passed} passed, ${r.failed} failed${skips}${problem ? ` -- FAILED: ${problem}` : ''}`);
  }
  console.log(`\n=== summary ===\n${lines.join('\n')}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return ok ? 0 : 1;
}

// Exit through process.exit so that launchers' exit hooks stop their VS Code servers.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e);
    process.exit(1);
  },
);
