// Output formats of the scan command.
import type { FileScan } from '../../core/scan/scanner';
import { toSarif } from '../../core/scan/sarif';
import { version } from '../../../package.json';

/**
 * A file name as one printable line: control characters (a newline could forge a finding line, an escape
 * sequence could repaint the terminal) are written as \n, \t, \xNN or \uNNNN, and a backslash as \\.
 */
export function escapeControls(name: string): string {
  return name.replace(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

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
    const name = escapeControls(f.path);
    if (f.truncated) lines.push(`${name}: note: larger than the size limit; only the beginning was scanned`);
    for (const x of f.findings) {
      count++;
      const what = x.kind === 'path' ? 'sensitive file name' : x.masked;
      lines.push(`${name}:${x.line}:${x.col}: ${x.ruleId} (${x.dataClass}) ${what}`);
    }
  }
  const binary = files.filter((f) => f.skipped === 'binary').length;
  const extra = [suppressed && `${suppressed} suppressed`, binary && `${binary} binary skipped (file names checked only)`].filter(Boolean);
  lines.push(`${count} finding${count === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}${extra.map((x) => `, ${x}`).join('')}`);
  return lines.join('\n') + '\n';
}
