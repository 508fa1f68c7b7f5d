// Output formats of the scan command.
import type { FileScan } from '../../core/scan/scanner';
import { toSarif } from '../../core/scan/sarif';
import { version } from '../../../package.json';

export function report(files: FileScan[], format: string, rootUri: string): string {
  if (format === 'sarif') {
    return JSON.stringify(toSarif(files, { toolVersion: version, rootUri }), null, 2) + '\n';
  }
  if (format === 'json') {
    const findings = files.flatMap((f) => f.findings.map((x) => ({ path: f.path, ...x })));
    const suppressed = files.reduce((n, f) => n + f.suppressed, 0);
    const skipped = files.filter((f) => f.skipped).map((f) => ({ path: f.path, reason: f.skipped }));
    const truncated = files.filter((f) => f.truncated).map((f) => f.path);
    return JSON.stringify({ findings, suppressed, skipped, truncated, files: files.length }, null, 2) + '\n';
  }
  const lines: string[] = [];
  let count = 0;
  let suppressed = 0;
  for (const f of files) {
    suppressed += f.suppressed;
    if (f.truncated) lines.push(`${f.path}: note: larger than the size limit; only the beginning was scanned`);
    for (const x of f.findings) {
      count++;
      const what = x.kind === 'path' ? 'sensitive file name' : x.masked;
      lines.push(`${f.path}:${x.line}:${x.col}: ${x.ruleId} (${x.dataClass}) ${what}`);
    }
  }
  const binary = files.filter((f) => f.skipped === 'binary').length;
  const extra = [suppressed && `${suppressed} suppressed`, binary && `${binary} binary skipped (file names checked only)`].filter(Boolean);
  lines.push(`${count} finding${count === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}${extra.map((x) => `, ${x}`).join('')}`);
  return lines.join('\n') + '\n';
}
