// What a shell command reads: the files it hands to reading programs, and whether it dumps the environment.
// A conservative reading of POSIX shell and PowerShell one-liners, not a full shell parser: words are split
// on whitespace and operators with quotes honoured; every simple command is judged on its own.

export interface ShellReads {
  /** Paths (as written) that a reading program gets as operands or redirections. */
  files: string[];
  /** The command prints the environment (env, printenv, set, export -p, /proc/self/environ...). */
  dumpsEnvironment: boolean;
}

/** Programs whose operands are files they read (and may print, encode or send). */
const READERS = new Set([
  'cat', 'tac', 'less', 'more', 'most', 'head', 'tail', 'nl', 'bat', 'batcat', 'view', 'vi', 'vim', 'nvim', 'nano', 'emacs',
  'base64', 'base32', 'basenc', 'xxd', 'hexdump', 'hd', 'od', 'strings', 'uuencode', 'gzip', 'zcat', 'bzip2', 'xz', 'zstd',
  'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'awk', 'gawk', 'sed', 'cut', 'sort', 'uniq', 'wc', 'diff', 'cmp', 'comm', 'paste', 'column',
  'jq', 'yq', 'tr', 'fold', 'fmt', 'pr', 'iconv', 'dos2unix', 'md5sum', 'sha1sum', 'sha256sum', 'openssl', 'gpg',
  'cp', 'mv', 'scp', 'rsync', 'tar', 'zip', '7z', 'curl', 'wget', 'nc', 'ncat', 'socat', 'http', 'xclip', 'pbcopy', 'wl-copy',
  'source', '.', 'export-env', 'dotenv', 'get-content', 'gc', 'type', 'select-string', 'copy-item', 'cat.exe', 'more.com',
]);

/** Programs that print the environment when run without a command to execute. */
const ENV_DUMPERS = new Set(['env', 'printenv', 'set', 'export', 'declare', 'typeset', 'compgen', 'get-childitem', 'gci', 'dir', 'ls']);

type Token = { word: string; op?: false } | { op: true; word: string };

function tokenize(cmd: string): Token[] {
  const out: Token[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  const push = (): void => {
    if (has) out.push({ word: cur });
    cur = '';
    has = false;
  };
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < cmd.length) cur += cmd[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < cmd.length) {
      cur += cmd[++i];
      has = true;
    } else if (/\s/.test(c)) push();
    else if (c === '<' || c === '>') {
      push();
      let op = c;
      while (cmd[i + 1] === '<' || cmd[i + 1] === '>' || cmd[i + 1] === '&') op += cmd[++i];
      out.push({ op: true, word: op });
    } else if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`' || c === '\n') {
      push();
      let op = c;
      if ((c === '|' || c === '&') && cmd[i + 1] === c) op += cmd[++i];
      out.push({ op: true, word: op });
    } else if (c === '$' && cmd[i + 1] === '(') {
      push();
      i++;
      out.push({ op: true, word: '$(' });
    } else {
      cur += c;
      has = true;
    }
  }
  push();
  return out;
}

function programName(word: string): string {
  return (word.split(/[\\/]/).pop() ?? word).toLowerCase();
}

const PREFIXES = new Set(['sudo', 'doas', 'exec', 'time', 'nice', 'nohup', 'command', 'builtin', 'xargs', 'timeout', 'stdbuf', 'watch']);

/** Splits a command line into simple commands and judges each. */
export function shellReads(command: string): ShellReads {
  const tokens = tokenize(command);
  const files: string[] = [];
  let dumps = /\/proc\/(self|\d+|\$\$)\/environ|\[environment\]::getenvironmentvariables\(\)|process\.env\b(?![.[])|os\.environ\b(?![.[])/i.test(command);
  let words: string[] = [];
  const finish = (): void => {
    judge(words);
    words = [];
  };
  const judge = (argv: string[]): void => {
    let i = 0;
    // Leading assignments (A=1 cmd) and wrappers (sudo cmd).
    while (i < argv.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]) || PREFIXES.has(programName(argv[i])))) {
      if (programName(argv[i]) === 'timeout' && argv[i + 1] && /^\d/.test(argv[i + 1])) i++;
      i++;
    }
    if (i >= argv.length) return;
    const prog = programName(argv[i]);
    const rest = argv.slice(i + 1);
    if (ENV_DUMPERS.has(prog)) {
      const operands = rest.filter((a) => !a.startsWith('-'));
      if ((prog === 'env' || prog === 'printenv') && operands.length === 0) dumps = true;
      else if ((prog === 'set' || prog === 'export' || prog === 'declare' || prog === 'typeset') && (rest.length === 0 || rest.every((a) => /^-[xpa]+$/.test(a)))) dumps = true;
      else if (prog === 'compgen' && rest.includes('-e')) dumps = true;
      else if ((prog === 'get-childitem' || prog === 'gci' || prog === 'dir' || prog === 'ls') && rest.some((a) => /^env:/i.test(a))) dumps = true;
    }
    if (READERS.has(prog)) {
      for (const a of rest) {
        if (a.startsWith('-') && !a.includes('@')) continue;
        const at = /@(.+)$/.exec(a); // curl -d @file, -F x=@file
        if (at) files.push(at[1]);
        else if (!a.startsWith('-')) files.push(a.replace(/^[A-Za-z]+=/, ''));
      }
    }
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (!tok.op) {
      words.push(tok.word);
      continue;
    }
    if (tok.word.startsWith('<') && !tok.word.startsWith('<<') && tokens[t + 1] && !tokens[t + 1].op) {
      files.push(tokens[++t].word);
      continue;
    }
    if (tok.word.startsWith('>')) {
      t++; // the target of an output redirection is written, not read
      continue;
    }
    finish();
  }
  finish();
  return { files: [...new Set(files.filter((f) => f && !/^[|&;]+$/.test(f)))], dumpsEnvironment: dumps };
}
