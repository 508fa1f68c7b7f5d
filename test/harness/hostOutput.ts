// The extension host's console reaches the launcher mixed with the workbench's own log. Host test
// code marks its lines (see markedLog) so that the launcher can show only those.
import { format } from 'node:util';

export const HOST_OUTPUT_MARK = '\u2063[host-test] ';

/** console.log with the mark (the extension host ignores reassignment of console methods, so code calls this). */
export function markedLog(...args: unknown[]): void {
  console.log(HOST_OUTPUT_MARK + format(...args));
}

/** The marked text in one workbench log entry (the console arguments, JSON or plain), or undefined. */
export function markedText(entry: unknown): string | undefined {
  const args = Array.isArray(entry) ? entry : [entry];
  const text = typeof args[0] === 'string' && args.length > 1 ? format(...(args as [string, ...unknown[]])) : args.map(String).join(' ');
  const at = text.indexOf(HOST_OUTPUT_MARK);
  return at < 0 ? undefined : text.slice(at + HOST_OUTPUT_MARK.length);
}
