// The hook's payload in and its answer out, through file descriptors 0, 1 and 2 directly: touching
// process.stdin, stdout or stderr on a pipe makes Node load its stream and socket modules, which took a tenth of
// a short hook call. Where a descriptor cannot be used that way (a non-blocking pipe answers EAGAIN), the rest
// goes through the process's streams.
import { readSync, writeSync } from 'node:fs';

/** Reads all of standard input as UTF-8; throws past `max` bytes (the caller judges that an error). */
export async function readStdin(max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const add = (b: Buffer) => {
    size += b.length;
    if (size > max) throw new Error(`the hook payload is larger than ${max / 1024 / 1024} MiB`);
    chunks.push(b);
  };
  const buf = Buffer.allocUnsafe(256 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EOF') break; // Windows: the end of a pipe
      if (code !== 'EAGAIN') throw e;
      for await (const chunk of process.stdin) add(chunk as Buffer);
      break;
    }
    if (n === 0) break;
    add(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes all of `text` to standard output (1) or standard error (2). */
export function writeOut(fd: 1 | 2, text: string): void {
  if (!text) return;
  const b = Buffer.from(text, 'utf8');
  let off = 0;
  try {
    while (off < b.length) off += writeSync(fd, b, off);
  } catch {
    (fd === 1 ? process.stdout : process.stderr).write(b.subarray(off));
  }
}
