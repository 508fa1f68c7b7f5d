// Walks the scan command's paths and scans the files; a path that cannot be read is reported and skipped.
import * as path from 'node:path';
import type { FileScan, Scanner } from '../../core/scan/scanner';
import { walkFilesSync } from '../../core/scan/walk';
import { escapeControls } from './scanReport';

const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/') || path.basename(file);

function problem(p: string, e: unknown): void {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ESPECIAL' ? err.message : `cannot read: ${err.code ?? err.message}`;
  process.stderr.write(`${escapeControls(p)}: error: ${why}\n`);
}

/**
 * Scans every file under `roots` into `out` (sorted by path). Paths, folders and files that cannot be
 * read are reported on stderr and skipped; returns how many there were.
 */
export function collect(roots: string[], scanner: Scanner, maxBytes: number, out: FileScan[]): number {
  let failed = 0;
  const onError = (p: string, e: NodeJS.ErrnoException) => {
    problem(rel(p), e);
    failed++;
  };
  for (const root of roots) {
    // A root that does not exist or cannot be read fails the walk's first step and is reported below.
    try {
      for (const file of walkFilesSync(root, onError)) {
        const name = rel(file);
        try {
          // Synchronous reads: for many small files they beat the promise-based API by a wide margin.
          out.push(scanner.scanFileSync(file, name, maxBytes));
        } catch (e) {
          problem(name, e);
          failed++;
        }
      }
    } catch (e) {
      problem(root, e);
      failed++;
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return failed;
}
