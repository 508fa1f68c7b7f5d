// Parse stage of the shell guard: a command line as the shell splits it. Words, quotes, escapes, operators,
// globs and comments come from shell-quote (see docs/enforcement.md, "How the hook decides", for why that
// parser); shell-quote treats newlines as blanks and does not nest `$(...)`, backticks, `<(...)` or here-documents,
// so a first pass lifts those out (their bodies are parsed on their own) and turns newlines into `;`.
import { parse as shellQuoteParse } from 'shell-quote';

/** A variable reference inside a word, resolved later by the expand stage: VAR_OPEN name VAR_CLOSE. */
export const VAR_OPEN = '\u0001';
export const VAR_CLOSE = '\u0002';
/** What stands for a substitution whose output is not known before it runs. */
export const SUBST_WORD = 'SUBST';

export interface Redirect {
  op: string;
  target: string;
}

export interface SimpleCommand {
  /** Words with variable references marked; `glob` words were unquoted patterns. */
  argv: { text: string; glob: boolean }[];
  redirects: Redirect[];
  /** The operator after this command (`|`, `&&`, `;`...), to find pipelines. */
  next?: string;
}

export interface ParsedLine {
  commands: SimpleCommand[];
  /** Bodies of `$(...)`, backticks and process substitutions: command lines of their own. */
  substitutions: string[];
  /** Bodies of here-documents (the text a program reads on its standard input). */
  heredocs: string[];
}

const CONTROL = new Set([';', '|', '||', '&&', '&', '|&', ';;', '(', ')', '{', '}']);

/** The index just past the `)` that closes the group opened before `start` (quotes honoured). */
function closeParen(s: string, start: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

/**
 * What stands in the line for a substitution's output: text to insert (already quoted for where it stands,
 * inside double quotes or not), or undefined for the unknown-output placeholder.
 */
export type SubstitutionValue = (body: string, quoted: boolean, process?: boolean) => string | undefined;

/**
 * `$(pwd)`, `` `pwd` ``, `$(cd DIR && pwd)`: the working folder (docker -v "$(pwd)":/w), or a folder below it, as a
 * variable reference the expand stage resolves.
 */
function workingFolder(body: string): string | undefined {
  if (/^\s*pwd(?:\s+-[LP])?\s*$/.test(body)) return '${PWD}';
  const sub = /^\s*cd\s+(?:--\s+)?(['"]?)([\w./-]+)\1\s*(?:&&|;)\s*pwd(?:\s+-[LP])?\s*$/.exec(body);
  return sub ? (sub[2].startsWith('/') ? sub[2] : `\${PWD}/${sub[2]}`) : undefined;
}

/** Lifts substitutions and here-documents out of a command line; newlines outside quotes become `;`. */
export function liftNested(cmd: string, value?: SubstitutionValue): { text: string; substitutions: string[]; heredocs: string[] } {
  const substitutions: string[] = [];
  const heredocs: string[] = [];
  const pendingHeredocs: { delim: string; strip: boolean }[] = [];
  let out = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (c === '\\' && quote !== "'") {
      out += c + (cmd[i + 1] ?? '');
      i++;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = undefined;
      out += c;
      continue;
    }
    if (c === '$' && cmd.startsWith('((', i + 1)) {
      // Arithmetic: a number, whatever it computes (its words are still read as a substitution).
      const end = closeParen(cmd, i + 3);
      substitutions.push(cmd.slice(i + 3, Math.max(i + 3, end - 2)));
      out += '0';
      i = Math.min(cmd.length, end + 1) - 1;
      continue;
    }
    if ((c === '$' || (!quote && (c === '<' || c === '>'))) && cmd[i + 1] === '(') {
      const end = closeParen(cmd, i + 2);
      const body = cmd.slice(i + 2, end - 1);
      substitutions.push(body);
      // $(pwd) is the working folder (docker -v "$(pwd)":/w); other output is computed when it can be.
      // <(...) is a file name whose content is the output (a list of names handed to xargs -a, tar -T...).
      out += workingFolder(body) ?? (c === '$' ? value?.(body, quote === '"') : c === '<' ? value?.(body, false, true) : undefined) ?? ` ${SUBST_WORD} `;
      i = end - 1;
      continue;
    }
    if (c === '`') {
      let j = i + 1;
      while (j < cmd.length && cmd[j] !== '`') j += cmd[j] === '\\' ? 2 : 1;
      const body = cmd.slice(i + 1, j).replace(/\\`/g, '`');
      substitutions.push(body);
      out += workingFolder(body) ?? value?.(body, quote === '"') ?? ` ${SUBST_WORD} `;
      i = j;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      out += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      out += c;
      continue;
    }
    // A comment runs to the end of its line only: the newline after it still ends the command (a script's
    // `#!/bin/sh` line must not hide the lines below it once newlines become `;`).
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(cmd[i - 1]))) {
      while (i + 1 < cmd.length && cmd[i + 1] !== '\n') i++;
      continue;
    }
    if (cmd.startsWith('<<<', i)) {
      out += '<<<';
      i += 2;
      continue;
    }
    const heredoc = c === '<' ? /^<<(-?)[ \t]*(['"]?)([A-Za-z0-9_.-]+)\2/.exec(cmd.slice(i)) : null;
    if (heredoc) {
      pendingHeredocs.push({ delim: heredoc[3], strip: heredoc[1] === '-' });
      out += ` <<< HEREDOC${pendingHeredocs.length + heredocs.length - 1} `;
      i += heredoc[0].length - 1;
      continue;
    }
    if (c === '\n') {
      // Here-documents begin on the next line and end at their delimiter.
      let j = i + 1;
      for (const h of pendingHeredocs) {
        const lines: string[] = [];
        while (j < cmd.length) {
          const nl = cmd.indexOf('\n', j);
          const line = cmd.slice(j, nl < 0 ? cmd.length : nl);
          j = nl < 0 ? cmd.length : nl + 1;
          if ((h.strip ? line.replace(/^\t+/, '') : line) === h.delim) break;
          lines.push(line);
        }
        heredocs.push(lines.join('\n'));
      }
      pendingHeredocs.length = 0;
      out += ' ; ';
      i = j - 1;
      continue;
    }
    out += c;
  }
  for (const h of pendingHeredocs) heredocs.push(`<<${h.delim}`);
  return { text: out, substitutions, heredocs };
}

/** Splits one command line (without nested parts) into simple commands. */
export function parseLine(cmd: string, value?: SubstitutionValue): ParsedLine {
  const lifted = liftNested(cmd, value);
  const tokens = shellQuoteParse(lifted.text, (name: string) => `${VAR_OPEN}${name}${VAR_CLOSE}`);
  const commands: SimpleCommand[] = [];
  let cur: SimpleCommand = { argv: [], redirects: [] };
  const finish = (op?: string): void => {
    if (cur.argv.length || cur.redirects.length) {
      cur.next = op;
      commands.push(cur);
    } else if (op && commands.length && !commands[commands.length - 1].next) commands[commands.length - 1].next = op;
    cur = { argv: [], redirects: [] };
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (typeof tok === 'string') {
      cur.argv.push({ text: tok, glob: false });
    } else if ('comment' in tok) {
      continue;
    } else if (tok.op === 'glob') {
      cur.argv.push({ text: (tok as { pattern: string }).pattern, glob: true });
    } else if (CONTROL.has(tok.op)) {
      finish(tok.op);
    } else {
      // A redirection: its target is the next word (a file descriptor for >&1, a word for <<<).
      const next = tokens[t + 1];
      let target = '';
      if (typeof next === 'string') target = next;
      else if (next && typeof next === 'object' && 'op' in next && next.op === 'glob') target = (next as { pattern: string }).pattern;
      if (target) t++;
      // An fd number written before the operator (2>/dev/null) is not a word of the command.
      const last = cur.argv[cur.argv.length - 1];
      if (last && /^\d+$/.test(last.text)) cur.argv.pop();
      cur.redirects.push({ op: tok.op, target });
    }
  }
  finish();
  return { commands, substitutions: lifted.substitutions, heredocs: lifted.heredocs };
}
