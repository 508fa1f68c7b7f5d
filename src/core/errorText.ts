// A log line about a failure keeps the error in full: util.format shows an Error with its stack (and its
// cause), where `e.message` alone would hide where it came from.
import { format, inspect } from 'node:util';

/** `message`, a space, then the error as util.format writes it (stack and cause for an Error, the value otherwise). */
export function errorText(message: string, error: unknown): string {
  return format('%s %s', message, error instanceof Error ? inspect(error) : error);
}
