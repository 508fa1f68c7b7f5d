// Reads a file named on the command line; a missing or unreadable file is one plain message, not a stack.
import { readFile } from 'node:fs/promises';

export async function readInput(file: string, command: string): Promise<Buffer | undefined>;
export async function readInput(file: string, command: string, encoding: 'utf8'): Promise<string | undefined>;
export async function readInput(file: string, command: string, encoding?: 'utf8'): Promise<Buffer | string | undefined> {
  try {
    return encoding ? await readFile(file, encoding) : await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    process.stderr.write(`ai-policy ${command}: ${file}: ${why}\n`);
    return undefined;
  }
}
