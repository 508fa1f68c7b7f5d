// Walks the scan command's paths and scans the files.
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { FileScan, Scanner } from '../../core/scan/scanner';
import { walkFiles } from '../../core/scan/walk';

/** Scans every file under `roots` into `out` (sorted by path); false (after a message) when a path cannot be read. */
export async function collect(roots: string[], scanner: Scanner, maxBytes: number, out: FileScan[]): Promise<boolean> {
  for (const root of roots) {
    try {
      await stat(root);
    } catch (e) {
      process.stderr.write(`${root}: error: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return false;
    }
  }
  let failed = false;
  for (const root of roots) {
    for await (const file of walkFiles(root)) {
      const rel = path.relative(process.cwd(), file).split(path.sep).join('/') || path.basename(file);
      try {
        // Synchronous reads: for many small files they beat the promise-based API by a wide margin.
        out.push(scanner.scanFileSync(file, rel, maxBytes));
      } catch (e) {
        process.stderr.write(`${rel}: error: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        failed = true;
      }
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return !failed;
}
