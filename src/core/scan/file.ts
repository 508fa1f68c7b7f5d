// Reading files for scanning: binary files are skipped, large files capped, invalid UTF-8 tolerated,
// UTF-16 with a byte-order mark decoded; FIFOs and devices are never read (opening one would block).
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const SNIFF = 8192;

export type ReadOutcome =
  | { kind: 'text'; text: string; truncated: boolean; size: number }
  | { kind: 'binary'; size: number };

/** Binary when the first 8 KiB hold a NUL byte or more than 10% control characters. */
export function isBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decodes bytes as UTF-8, replacing invalid sequences (U+FFFD) instead of failing. */
export function decodeText(buf: Uint8Array): string {
  let s = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s;
}

/** The UTF-16 flavour a byte-order mark announces, if any. */
function utf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (buf.length < 2) return undefined;
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

// Non-blocking open: a FIFO swapped in for a file after the walk listed it cannot stall the scan.
const OPEN_FLAGS = process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

function notAFile(file: string, st: Stats): Error {
  const what = st.isFIFO() ? 'a FIFO (named pipe)' : st.isDirectory() ? 'a folder' : 'not a regular file';
  return Object.assign(new Error(`${what}, not read`), { code: 'ESPECIAL', path: file });
}

function outcome(bytes: Uint8Array, size: number, maxBytes: number): ReadOutcome {
  const wide = utf16(bytes);
  if (wide) {
    const text = new TextDecoder(wide).decode(bytes); // drops the BOM, replaces invalid units
    return { kind: 'text', text, truncated: size > maxBytes, size };
  }
  if (isBinary(bytes)) return { kind: 'binary', size };
  return { kind: 'text', text: decodeText(bytes), truncated: size > maxBytes, size };
}

/** Synchronous variant for the command line, where many small reads are faster without promises. */
export function readForScanSync(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadOutcome {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notAFile(file, st);
    const size = st.size;
    const buf = Buffer.allocUnsafe(Math.min(size, maxBytes)); // only the bytes read are used
    let read = 0;
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return outcome(buf.subarray(0, read), size, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** Reads at most `maxBytes` of a file; `truncated` says the rest was not scanned. */
export async function readForScan(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadOutcome> {
  const handle = await fs.open(file, OPEN_FLAGS);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw notAFile(file, st);
    const { size } = st;
    const len = Math.min(size, maxBytes);
    const buf = Buffer.alloc(len);
    let read = 0;
    while (read < len) {
      const r = await handle.read(buf, read, len - read, read);
      if (r.bytesRead === 0) break;
      read += r.bytesRead;
    }
    return outcome(buf.subarray(0, read), size, maxBytes);
  } finally {
    await handle.close();
  }
}
