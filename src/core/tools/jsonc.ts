// JSON files of editors and tools, read with VS Code's own parser (jsonc-parser): JSONC with comments and
// trailing commas (mcp.json, settings), or strict JSON (package.json). Errors carry line and column.
// The ES module build: esbuild cannot follow the requires inside the package's default UMD build.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';

/** JSON with comments and trailing commas. Throws a SyntaxError whose message starts with `line:col:`. */
export function parseJsonc(text: string): unknown {
  return parseWith(text, { disallowComments: false, allowTrailingComma: true });
}

/** Strict JSON (no comments, no trailing commas). Throws a SyntaxError whose message starts with `line:col:`. */
export function parseJson(text: string): unknown {
  return parseWith(text, { disallowComments: true, allowTrailingComma: false });
}

function parseWith(text: string, options: { disallowComments: boolean; allowTrailingComma: boolean }): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const value: unknown = parse(source, errors, { ...options, allowEmptyContent: false });
  if (errors.length) throw new SyntaxError(located(source, errors[0]));
  return value;
}

/** `line:col: what` (1-based) for a parse error, e.g. `3:23: comma expected`. */
function located(text: string, error: ParseError): string {
  const before = text.slice(0, error.offset);
  const line = before.split('\n').length;
  const col = error.offset - before.lastIndexOf('\n');
  const what = printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `${line}:${col}: ${what}`;
}
