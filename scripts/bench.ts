// npm run bench: runs each benchmark in its own process and prints their figures.
// Each part is also runnable alone: node out/scripts/bench-startup.js, bench-activation.js, bench-scan.js, bench-server.js, bench-server-pg.js, bench-usage.js,
// bench-hook.js.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const parts = ['bench-startup.js', 'bench-activation.js', 'bench-scan.js', 'bench-server.js', 'bench-server-stall.js', 'bench-server-pg.js', 'bench-usage.js', 'bench-hook.js', 'bench-hook-corpus.js'];
let failed = 0;
for (const part of parts) {
  const file = path.join(__dirname, part);
  process.stdout.write(`\n=== ${part.replace(/\.js$/, '')} ===\n`);
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`${part} exited with ${r.status ?? r.signal}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
