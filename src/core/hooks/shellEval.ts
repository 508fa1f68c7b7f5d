// Evaluate stage of the shell guard: what a command substitution prints when it only transforms text the
// command line itself holds (`echo LmVudg== | base64 -d`, `echo vne. | rev`, `printf '\x2e\x65nv'`), computed
// as the shell would run it, so that the name it builds is judged like a written one. A substitution that
// decodes or transforms text in a way not computed here is opaque: its output is known only at run time.
import { parseLine, SUBST_WORD, VAR_OPEN, type SimpleCommand } from './shellParse';

const MAX_OUTPUT = 64 * 1024;

function program(word: string): string {
  return (word.split('/').pop() ?? word).toLowerCase();
}

/** Backslash escapes as printf and `echo -e` read them (\n, \t, \xHH, \NNN, \0NNN, \uHHHH). */
export function unescape(s: string): string {
  return s.replace(/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|0?[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}

/** printf FORMAT ARGS: the format reused until the arguments are used up, as the shell's printf does. */
function printf(args: string[]): string | undefined {
  if (!args.length) return undefined;
  const [format, ...rest] = args;
  let out = '';
  let i = 0;
  do {
    let used = false;
    out += format.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sbdicxXouq])/g, (_m, spec: string) => {
      if (spec === '%') return '%';
      used = true;
      const a = rest[i++] ?? '';
      const conv = spec[spec.length - 1];
      if (conv === 'b') return unescape(a);
      if (conv === 'c') return a.slice(0, 1);
      if (/[dixXou]/.test(conv)) {
        const n = Number.parseInt(a, 10) || 0;
        return conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : conv === 'o' ? n.toString(8) : String(n);
      }
      return a;
    });
    if (!used) break;
  } while (i < rest.length && out.length < MAX_OUTPUT);
  return unescape(out);
}

/** tr SET1 SET2 / tr -d SET: character sets with ranges (a-z) and escapes. */
function tr(args: string[], input: string): string | undefined {
  const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
  const sets = args.filter((a) => !/^-[a-zA-Z]+$/.test(a)).map((s) => {
    const u = unescape(s);
    let out = '';
    for (let i = 0; i < u.length; i++) {
      if (u[i + 1] === '-' && i + 2 < u.length) {
        for (let c = u.charCodeAt(i); c <= u.charCodeAt(i + 2) && out.length < 4096; c++) out += String.fromCharCode(c);
        i += 2;
      } else out += u[i];
    }
    return out;
  });
  if (/[cs]/.test(flags) || /\[:/.test(args.join(' '))) return undefined;
  if (flags.includes('d')) return [...input].filter((ch) => !sets[0]?.includes(ch)).join('');
  const [from = '', to = ''] = sets;
  if (!to) return undefined;
  return [...input].map((ch) => {
    const k = from.lastIndexOf(ch);
    return k < 0 ? ch : to[Math.min(k, to.length - 1)];
  }).join('');
}

/** One stage of a text pipeline: its output given its input, or undefined when not computed here. */
function stage(argv: string[], input: string | undefined): string | undefined {
  const p = program(argv[0] ?? '');
  const args = argv.slice(1);
  switch (p) {
    case 'echo': {
      let i = 0;
      let newline = true;
      let escapes = false;
      for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
        if (args[i].includes('n')) newline = false;
        if (args[i].includes('e')) escapes = true;
      }
      const text = args.slice(i).join(' ');
      return (escapes ? unescape(text) : text) + (newline ? '\n' : '');
    }
    case 'printf':
      return printf(args.filter((a, i) => !(i === 0 && a === '--')));
    case 'cat':
      return args.filter((a) => a !== '-').length ? undefined : input;
    case 'basename': {
      // basename NAME [SUFFIX], basename -a NAME...: names, whatever the folder.
      const names = args.filter((a) => !a.startsWith('-'));
      if (!names.length) return undefined;
      const many = args.some((a) => /^-[A-Za-z]*a|^--multiple/.test(a));
      const strip = (n: string, suffix?: string) => {
        const b = n.replace(/\/+$/, '').split('/').pop() ?? n;
        return suffix && b.endsWith(suffix) && b !== suffix ? b.slice(0, -suffix.length) : b;
      };
      return (many ? names.map((n) => strip(n)) : [strip(names[0], names[1])]).join('\n') + '\n';
    }
    case 'dirname': {
      const names = args.filter((a) => !a.startsWith('-'));
      if (!names.length) return undefined;
      return names.map((n) => {
        const t = n.replace(/\/+$/, '');
        const k = t.lastIndexOf('/');
        return k < 0 ? '.' : k === 0 ? '/' : t.slice(0, k).replace(/\/+$/, '') || '/';
      }).join('\n') + '\n';
    }
    case 'rev':
      return args.length || input === undefined ? undefined : input.split('\n').map((l) => [...l].reverse().join('')).join('\n');
    case 'tr':
      return input === undefined ? undefined : tr(args, input);
    case 'base64':
    case 'basenc': {
      const decode = args.some((a) => /^(-d|-D|--decode|-di|-id)$/.test(a));
      const other = args.filter((a) => !/^(-d|-D|--decode|-i|-di|-id|--ignore-garbage|--base64|-w\d*)$/.test(a));
      if (input === undefined || other.length) return undefined;
      return decode ? Buffer.from(input.replace(/\s+/g, ''), 'base64').toString('latin1') : Buffer.from(input, 'latin1').toString('base64') + '\n';
    }
    case 'xxd': {
      const flags = args.join(' ');
      if (input === undefined || !/(^|\s)-[a-z]*r/.test(flags) || !/(^|\s)-(p|ps|plain|[a-z]*p[a-z]*)(\s|$)/.test(flags)) return undefined;
      return Buffer.from(input.replace(/[^0-9A-Fa-f]/g, ''), 'hex').toString('latin1');
    }
    default:
      return undefined;
  }
}

/** What a pipeline of text transforms (argv of each stage, expanded) prints, or undefined when not computed here. */
export function pipelineOutput(stages: string[][]): string | undefined {
  let text: string | undefined;
  for (const [i, argv] of stages.entries()) {
    text = stage(argv, i > 0 ? text : undefined);
    if (text === undefined || text.length > MAX_OUTPUT) return undefined;
  }
  return text;
}

/**
 * What a command substitution's body prints, when it is one pipeline of text transforms over literal words
 * (variables already known are expanded by `expand`); undefined when it is anything else.
 */
export function substitutionOutput(body: string, expand: (word: string) => string = (w) => w): string | undefined {
  let cmds: SimpleCommand[];
  try {
    cmds = parseLine(body).commands;
  } catch {
    return undefined;
  }
  if (!cmds.length || cmds.some((c, i) => i < cmds.length - 1 && c.next !== '|')) return undefined;
  let text: string | undefined;
  for (const [i, c] of cmds.entries()) {
    if (c.argv.some((w) => w.glob) || c.redirects.some((r) => r.op !== '<<<' || /^HEREDOC\d+$/.test(r.target))) return undefined;
    const argv = c.argv.map((w) => expand(w.text));
    if (argv.some((w) => w.includes(VAR_OPEN) || w.includes(SUBST_WORD))) return undefined;
    const hereString = c.redirects.find((r) => r.op === '<<<');
    const input = hereString ? expand(hereString.target) + '\n' : i > 0 ? text : undefined;
    text = stage(argv, input);
    if (text === undefined || text.length > MAX_OUTPUT) return undefined;
  }
  return text;
}

/**
 * A substitution whose output is built at run time out of text the command itself holds (`echo … | openssl
 * base64 -d`, `printf '\\x..'` not computed here): its first stage prints literal text (echo, printf, a
 * here-string) and a later stage, or printf itself, decodes it. Output computed from a file the
 * command reads (`cat VERSION | tr -d '\\n'`) is not: that file is judged by its own name.
 */
export function buildsAtRunTime(body: string): boolean {
  let cmds: SimpleCommand[];
  try {
    cmds = parseLine(body).commands;
  } catch {
    return true;
  }
  return decodesLiteral(cmds);
}

/** The pipeline's first stage prints literal text and a stage decodes or transforms it (see buildsAtRunTime). */
export function decodesLiteral(cmds: SimpleCommand[]): boolean {
  const first = program(cmds[0]?.argv[0]?.text ?? '');
  const literal = first === 'echo' || first === 'printf' || cmds.some((c) => c.redirects.some((r) => r.op === '<<<'));
  if (!literal) return false;
  // Text written out in full (no variable, no substitution) and shaped by a later stage not computed here (sed,
  // cut, awk, tr with classes...): what it prints is known only when it runs.
  const plain = cmds[0].argv.every((w) => !w.text.includes(VAR_OPEN) && !w.text.includes(SUBST_WORD));
  if (plain && cmds.length > 1 && (first === 'echo' || first === 'printf')) return true;
  return cmds.some((c) => {
    const p = program(c.argv[0]?.text ?? '');
    const words = c.argv.slice(1).map((w) => w.text);
    if (p === 'printf') return words.some((w) => /\\(x|[0-7]|u)|%b/.test(w));
    if (p === 'echo') return words.some((w) => /^-[nE]*e/.test(w));
    // Decoders only: text editors (sed, awk, tr, rev over a variable) also shape everyday values such as a tag
    // from $GITHUB_REF; tr and rev over literal text are computed instead.
    if (/^(xxd|uudecode|gunzip|zcat|bzcat|xzcat|zstdcat)$/.test(p)) return true;
    if (/^(base64|base32|basenc|gzip|bzip2|xz|zstd|openssl)$/.test(p)) return words.some((w) => /^(-d|-D|--decode|--decompress|-[A-Za-z]*d[A-Za-z]*)$/.test(w));
    return false;
  });
}
