// Commit message trailers (`Key: value` lines in the last paragraph), set idempotently.
import type { Disclosure } from '../../core/policy/types';

const TRAILER = /^[A-Za-z][\w-]*: /;

/** The message with the trailer set once: a line with the same key is replaced, never doubled. */
export function withTrailer(message: string, key: string, value: string): string {
  const line = `${key}: ${value}`;
  const body = message.replace(/\s+$/, '');
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.toLowerCase().startsWith(`${key.toLowerCase()}:`));
  if (at >= 0) {
    lines[at] = line;
    return lines.join('\n');
  }
  // An empty box keeps its first line free for the subject.
  if (!body) return `\n\n${line}`;
  const paragraphs = body.split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1].split('\n');
  const joinsTrailers = paragraphs.length > 1 && last.every((l) => TRAILER.test(l));
  return joinsTrailers ? `${body}\n${line}` : `${body}\n\n${line}`;
}

export function trailerValue(d: Pick<Disclosure, 'format'>, names: string[]): string {
  return (d.format ?? '{tools}').replace('{tools}', names.join(', '));
}
