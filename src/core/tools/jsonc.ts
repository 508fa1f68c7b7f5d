// JSON with comments and trailing commas (VS Code's configuration files), parsed strictly otherwise.

/** Removes `//` and `/* *\/` comments and trailing commas outside strings. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      // Keep newlines so that error positions still point at the right line.
      const body = text.slice(i, end < 0 ? n : end + 2);
      out += body.replace(/[^\n]/g, ' ');
      i = end < 0 ? n : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return dropTrailingCommas(out);
}

/** Removes a `,` that only whitespace separates from `}` or `]`, leaving string contents alone. */
function dropTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, i + 1);
    } else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== '}' && text[j] !== ']') out += ch;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Throws a SyntaxError whose message starts with `line:col:` when the position is known. */
export function parseJsonc(text: string): unknown {
  const stripped = stripJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    return JSON.parse(stripped);
  } catch (e) {
    throw new SyntaxError(locateJsonError(stripped, e));
  }
}

/** JSON.parse's "… at position N" as `line:col: …` (lines survive comment stripping). */
export function locateJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /at position (\d+)/.exec(message);
  if (!m) return message;
  const offset = Number(m[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return `${line}:${col}: ${message.replace(/\s*(in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')}`;
}
