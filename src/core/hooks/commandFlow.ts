// Resolve stage of the shell guard: walks a parsed command line as the shell would run it and collects what
// data it can reach: every word and string literal that may name a file (whatever the program), folders read
// as a whole, Git commands that print stored content, and environment variables a printing command reveals.
// Command strings (sh -c, eval, ssh, xargs, find -exec...) and inline code (python -c, node -e...) are
// followed; scripts in the workspace are read and judged by their content.
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path = require('node:path');
import { computedLiterals, dumpsEnvironment, environmentNames, existenceOnly, joinedLiterals, readsComputedEnvironmentName, readsDotenv, stringLiterals, usesHomeFolder } from './codeStrings';
import { assignment, expandBraces, expandGlob, expandTilde, procPath, Variables, type GlobOptions } from './shellExpand';
import { pipedNames } from './pipedNames';
import { composeEnvFiles, containerRun, editorCommandNames, envPrints, excludedArguments, grepKeptNames, identityArguments, keepsNamesOnly, onlyChecks, printsCredential, printsNoContent, senderInputs, shellOnlyChecks, SHOWS_ARGUMENTS, uploadTree } from './programRules';
import { environmentAliases, runsLiteral, showsOnlyPrefix, withoutPresenceTests } from './environmentCode';
import { buildsAtRunTime, decodesLiteral, pipelineOutput, substitutionOutput } from './shellEval';
import { parseLine, SUBST_WORD, VAR_CLOSE, VAR_OPEN, type SimpleCommand } from './shellParse';
import { findTree, treeRead, type TreeRead } from './treeReads';

export interface CommandReads {
  /** Words and literals that may name files (as written, expanded; resolved against cwd by the judge). */
  words: string[];
  trees: TreeRead[];
  /** `git` argument lists (after `git`), with the folder they run in. */
  git: { args: string[]; cwd: string }[];
  /** Environment variables a printing command shows by name. */
  envNames: string[];
  dumpsEnvironment: boolean;
  /** Commands that print a stored credential (`aws configure get aws_secret_access_key`, `gh auth token`), as written. */
  credentials: string[];
  /** Paths under a folder known only at run time ("$(…)/.env"): judged by their name. */
  namesUnderUnknownDir: string[];
  /** Programs given a word built at run time by a decoder from text the command holds (`cat $(echo … | openssl base64 -d)`). */
  runtimeNames: string[];
}

/** Stands for the output of a substitution that decodes or transforms literal text in a way not computed here. */
export const RUNTIME_VALUE = '\u0003runtime\u0003';

export interface FlowOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  home: string;
  /** Scripts larger than this are judged by their name only. */
  maxScriptBytes?: number;
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'fish', 'ash', 'busybox', 'tcsh', 'csh']);
/** Programs that run the rest of their arguments as a command, after their own options. */
const WRAPPERS = new Set(['sudo', 'doas', 'nohup', 'time', 'nice', 'ionice', 'exec', 'command', 'builtin', 'stdbuf', 'setsid', 'unbuffer', 'chrt', 'taskset', 'strace', 'ltrace', 'caffeinate', 'chronic', 'env', 'timeout', 'xargs', 'watch', 'flock', 'parallel', 'firejail', 'proxychains', 'torsocks', 'nix-shell', 'doppler', 'op', 'dotenv', 'with-contenv', 'npx', 'bunx', 'pnpx', 'uvx', 'poetry', 'pipenv', 'uv']);
/** Interpreters and the options that take inline code. */
const INLINE_CODE: Record<string, RegExp> = {
  python: /^-[A-Za-z]*c$/, node: /^(-e|-p|--eval|--print|-pe)$/, deno: /^(eval|-e)$/, bun: /^(-e|--eval|-p|--print)$/, perl: /^-[A-Za-z]*[eE]$/,
  ruby: /^-[A-Za-z]*e$/, php: /^-r$/, lua: /^-e$/, rscript: /^-e$/, pwsh: /^-(c|command|encodedcommand)$/i, powershell: /^-(c|command)$/i, osascript: /^-e$/,
  awk: /^$/, jshell: /^$/, tclsh: /^$/, tsx: /^(-e|--eval|-p|--print)$/, 'ts-node': /^(-e|--eval|-p|--print)$/, esno: /^(-e|--eval)$/,
};
/** Interpreter options that take the next word as their value (python -W ignore, node -r fs, ruby -r json). */
const VALUE_OPTIONS: Record<string, RegExp> = {
  python: /^-[WXQ]$|^--check-hash-based-pycs$/,
  node: /^(-r|--require|--import|--loader|--experimental-loader|-C|--conditions|--input-type|--title|--env-file|--env-file-if-exists|--inspect-port|--redirect-warnings|--diagnostic-dir|--report-dir|--watch-path)$/,
  bun: /^(-r|--preload|--env-file|--cwd|--config|--tsconfig-override|--conditions)$/,
  deno: /^(--config|-c|--import-map|--env-file|--location|--cert)$/,
  ruby: /^-[rIC]$|^--encoding$/,
  perl: /^-[IMm]$/,
  php: /^-[dcz]$/,
  lua: /^-[lW]$/,
};

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** Programs that only look at names or metadata, or write: their operands are not read. */
const NAME_ONLY = new Set(['ls', 'stat', 'test', '[', '[[', 'touch', 'rm', 'rmdir', 'mkdir', 'chmod', 'chown', 'chgrp', 'du', 'realpath', 'readlink', 'basename', 'dirname', 'unlink', 'which', 'type', 'cd', 'pushd', 'popd', 'echo', 'printf', 'true', 'false', 'exit',
  // They read, but print only counts, checksums or a file type: no content.
  'cksum', 'sum', 'md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'b2sum', 'file']);
/** Programs that print their arguments (an environment variable named in them is shown). */
const PRINTERS = new Set(['echo', 'printf', 'print', 'printenv', 'cat', 'tee', 'logger', 'declare', 'typeset', 'export', 'env', 'set', 'xargs', 'jq', 'base64', 'xxd', 'od', 'hexdump', 'rev', 'tr', 'sed', 'awk']);
/** Programs whose last operand is written, not read. */
const COPIES = new Set(['cp', 'mv', 'install', 'rsync', 'scp']);
/** Message options: their value is prose (git commit -m "ignore .env"), not a file or a command. */
const MESSAGE_OPTIONS = new Set(['-m', '--message', '--title', '--body', '--subject', '--notes']);

const MAX_DEPTH = 6;
const MAX_WORDS = 5000;

function programName(word: string): string {
  const base = (word.split(/[\\/]/).pop() ?? word).toLowerCase().replace(/\.exe$/, '');
  if (/^python[\d.]*$|^pypy[\d.]*$/.test(base)) return 'python';
  if (/^(nodejs|node\d*)$/.test(base)) return 'node';
  if (/^(perl|ruby|php|lua)[\d.]*$/.test(base)) return base.replace(/[\d.]+$/, '');
  return base;
}

/**
 * The index of the last piece of args[at]: a word with blanks from an expanded variable ("X-K: $KEY") is followed
 * by the pieces its blanks split it into (simple() keeps both), which are not arguments of their own.
 */
function piecesAfter(args: string[], at: number): number {
  const pieces = (args[at] ?? '').split(/\s+/).filter(Boolean);
  let j = at;
  if (pieces.length > 1) for (let p = 0; p < pieces.length && args[j + 1] === pieces[p]; p++) j++;
  return j;
}

function referencedVariables(word: string, env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  const re = new RegExp(`${VAR_OPEN}([A-Za-z_][A-Za-z0-9_]*)([^${VAR_CLOSE}]*)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(word))) if (!showsOnlyPrefix(m[2], env[m[1]])) out.push(m[1]);
  return out;
}

/** Where a simple command stands in its pipeline. */
interface Pipe {
  pipedFrom?: SimpleCommand;
  pipedTo?: SimpleCommand;
  /** A later stage of the pipeline takes names as arguments (xargs, parallel, while read). */
  feedsArguments?: boolean;
  /** For xargs: the names the stages before it print, when known. */
  items?: string[];
  /** Its output is written to a file (`env > /tmp/e | wc -l`): a later stage filters nothing of it. */
  toFile?: boolean;
  /** For xargs: the stages before it print names not computed here (compgen -c, sed, cut, git status). */
  unknownItems?: boolean;
}

const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);
const TAKES_NAMES = new Set(['xargs', 'parallel', 'while']);
/** Programs that send their arguments off the machine (a name looked up in DNS leaves it too). */
const SENDERS = new Set(['curl', 'wget', 'http', 'https', 'xh', 'whois', 'nc', 'ncat', 'host', 'dig', 'nslookup', 'drill', 'ping', 'ping6', 'traceroute', 'delv', 'kdig', 'getent', 'resolvectl', 'telnet', 'socat', 'openssl']);
/** JSON and YAML query programs whose filter language reads the environment (jq `env`, `$ENV`; yq `env(NAME)`). */
const JSON_QUERY = new Set(['jq', 'gojq', 'jaq', 'yq']);

/** A path in a repository's hooks folder: Git runs the file there on its own. */
function gitHook(abs: string): boolean {
  return /[\\/]\.git[\\/](?:modules[\\/].+[\\/])?hooks[\\/][^\\/]+$/.test(abs);
}

/** Programs printing a selection of a file's lines or fields (the last operand), after a script or a count. */
const TEXT_FILTERS = /^(sed|head|tail|grep|egrep|fgrep|cut|awk|gawk|sort|uniq)$/;

/** Variables whose value a program runs as a command line (Git's and ssh's helpers, pagers, editors, prompts). */
const COMMAND_VARIABLES = /^(GIT_EDITOR|GIT_SEQUENCE_EDITOR|GIT_SSH_COMMAND|GIT_SSH|GIT_EXTERNAL_DIFF|GIT_PAGER|GIT_ASKPASS|GIT_PROXY_COMMAND|SSH_ASKPASS|EDITOR|VISUAL|PAGER|MANPAGER|SYSTEMD_PAGER|LESSOPEN|LESSCLOSE|PROMPT_COMMAND|PS0|PS1|PS2|PS3|PS4)$/;
/** Variables naming a script a program runs at start (bash's BASH_ENV, sh's ENV) or options holding one. */
const STARTUP_VARIABLES = /^(BASH_ENV|ENV|NODE_OPTIONS|RUBYOPT|PERL5OPT|PYTHONSTARTUP)$/;
/** Git configuration whose value is a program Git runs (core.editor, diff.external, a filter, a merge driver...). */
const GIT_COMMAND_CONFIG = /^(core\.(?:editor|pager|sshcommand|askpass|fsmonitor|gitproxy|hookspath)|diff\.external|sequence\.editor|gpg(?:\.[a-z]+)?\.program|credential(?:\..+)?\.helper|(?:diff|merge|filter|pager|difftool|mergetool|remote)\..+)$/i;

export class CommandFlow {
  private readonly reads: CommandReads = { words: [], trees: [], git: [], envNames: [], dumpsEnvironment: false, credentials: [], runtimeNames: [], namesUnderUnknownDir: [] };
  private readonly vars: Variables;
  private readonly seenScripts = new Set<string>();
  /** Files written earlier on the line (printf 'cat .env' > r.sh; sh r.sh): what was written, by absolute path. */
  private readonly written = new Map<string, string>();
  /** Inside the body of a substitution (its output becomes words of another command). */
  private inSubstitution = 0;
  /** The folder the line is in now (after `cd`): later relative words are resolved against it. */
  private dir: string;
  /** New names given on the line (ln, cp, mv) → the path they stand for, both absolute. */
  private readonly aliases = new Map<string, string>();
  /** The whole command line, as given. */
  private lineText = '';
  /** Clones of a repository here made on the line (`git clone . /tmp/c`): the clone's folder → the source. */
  private readonly clones = new Map<string, string>();
  /** Folders a revision is checked out into on the line (git worktree add): their files do not exist yet. */
  private readonly checkouts = new Set<string>();
  /** Process substitutions whose output is computed (`<(git ls-files src)`): kept in `written` as /dev/fd/63, 62... */
  private processes = 0;
  /** Glob options the line turns on (shopt, GLOBIGNORE, setopt, zsh): later globs are expanded with them. */
  private readonly globs: GlobOptions = {};

  constructor(private readonly o: FlowOptions) {
    // $IFS splits words where it is expanded: the shell's default when the environment has none.
    this.vars = new Variables({ IFS: ' \t\n', ...o.env, PWD: o.cwd });
    this.dir = o.cwd;
  }

  static analyze(command: string, o: FlowOptions): CommandReads {
    const flow = new CommandFlow(o);
    flow.line(command, 0);
    // ${!name}: the variable whose name another holds, known only at run time: any variable may be the one shown.
    if (/\$\{![A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\}/.test(command)) flow.reads.dumpsEnvironment = true;
    // Extended globs (.env.@(production), !(*.md)): the parser reads their parentheses as operators.
    for (const m of command.matchAll(/[^\s'"`;&|<>()]*[@+!?*]\([^()\s]*\)[^\s'"`;&|<>()]*/g)) for (const f of expandGlob(m[0], o.cwd, flow.globs)) flow.word(f);
    // zsh glob qualifiers (*env(D), **/*(.N)): the pattern before them, dot files included (D).
    for (const m of command.matchAll(/([^\s'"`;&|<>()]*[*?[][^\s'"`;&|<>()]*)\(([A-Za-z.^:/@*%=+-]*)\)/g)) for (const f of expandGlob(m[1], o.cwd, { ...flow.globs, dot: true, globstar: true })) flow.word(f);
    const r = flow.reads;
    return { ...r, words: [...new Set(r.words)], envNames: [...new Set(r.envNames)] };
  }

  private word(w: string): void {
    if (this.reads.words.length >= MAX_WORDS || !w || w.length >= 4096 || w.includes('\n')) return;
    this.reads.words.push(w);
    if (this.dir !== this.o.cwd && !path.isAbsolute(w)) this.reads.words.push(path.resolve(this.dir, w));
    // "$(…)/.env": the folder is known only at run time, the name is not (judged by the path rules).
    const unknownDir = w.lastIndexOf(SUBST_WORD);
    if (unknownDir >= 0) {
      const rest = w.slice(unknownDir + SUBST_WORD.length).trim().replace(/^\/+/, '');
      if (rest && !rest.includes(SUBST_WORD)) this.reads.namesUnderUnknownDir.push(rest);
    }
    if (this.checkouts.size) {
      const abs = path.resolve(this.dir, w);
      for (const dir of this.checkouts) {
        if (!abs.startsWith(dir + path.sep)) continue;
        const rel = path.relative(dir, abs);
        this.reads.namesUnderUnknownDir.push(rel);
        // A glob over files that exist only once the line has run (cat /tmp/w/.??*): it may name any of them.
        if (/[*?[]/.test(rel)) this.reads.runtimeNames.push('a glob over checked-out files');
      }
    }
    if (this.aliases.size) {
      const abs = path.resolve(this.dir, expandTilde(w, this.o.home));
      for (const [alias, source] of this.aliases) if (abs === alias || abs.startsWith(alias + path.sep)) this.reads.words.push(source + abs.slice(alias.length));
    }
    // /proc/self/environ, /proc/self//environ, /proc/1/task/*/environ, /proc/thread-self/root/proc/self/environ.
    if (/^\/proc\/(?:[^/]*\/)+environ$/.test(w) || /^\/proc\/(?:[^/]+\/)+environ$/.test(path.posix.normalize(w))) this.reads.dumpsEnvironment = true;
    const proc = w.startsWith('/proc/') ? procPath(w, this.dir) : w;
    if (proc !== w) this.reads.words.push(proc);
    // A name written in base64 (base64 -d <<< LmVudg== | xargs cat) is the same name.
    if (w.length >= 4 && w.length <= 1024 && w.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(w)) {
      const decoded = Buffer.from(w, 'base64').toString('utf8');
      if (/^[\x20-\x7e]+$/.test(decoded)) this.reads.words.push(decoded.trim());
    }
  }

  /** A folder that is (under) a clone made on the line stands for the repository it was cloned from. */
  private cloned(dir: string): string {
    for (const [to, from] of this.clones) if (dir === to || dir.startsWith(to + path.sep)) return from + dir.slice(to.length);
    return dir;
  }

  /** A folder read as a whole, its folders resolved against the folder the line is in now (after `cd`). */
  private tree(t: TreeRead): void {
    this.folders(t, t.dirs.map((d) => path.resolve(this.dir, expandTilde(this.vars.expand(d), this.home()))));
  }

  /** A folder read with its folders resolved. A repository's .git folder (tar czf - .git) holds every stored version of every file: its history is read. */
  private folders(t: TreeRead, dirs: string[]): void {
    this.reads.trees.push({ ...t, dirs });
    for (const d of dirs) if (/(^|[\\/])\.git([\\/]|$)/.test(d)) this.reads.git.push({ args: ['cat-file', '--batch-all-objects', '--batch'], cwd: d.slice(0, d.search(/[\\/]\.git(?:[\\/]|$)/)) || '/' });
  }

  /** One command line (a shell's input): its nested parts first, then each simple command in order. */
  line(text: string, depth: number): void {
    if (depth > MAX_DEPTH || !text.trim()) return;
    if (depth === 0) this.lineText = text;
    const parsed = parseLine(text, (body, quoted, process) => this.substitutionValue(body, quoted, process));
    // What a substitution prints becomes words of the command: a find in it hands on the files it selects.
    // A substitution runs in a subshell: a cd inside it (`$(cd config && pwd)`) does not move the line.
    const before = { dir: this.dir, pwd: this.vars.get('PWD'), oldpwd: this.vars.get('OLDPWD') };
    this.inSubstitution++;
    for (const s of parsed.substitutions) {
      this.line(s, depth + 1);
      this.dir = before.dir;
      this.vars.assign('PWD', before.pwd ?? this.dir);
      if (before.oldpwd !== undefined) this.vars.assign('OLDPWD', before.oldpwd);
    }
    this.inSubstitution--;
    const cmds = parsed.commands;
    const piped = (k: number): boolean => cmds[k].next === '|' || cmds[k].next === '|&';
    let start = 0;
    for (let i = 0; i < cmds.length; i++) {
      if (i > 0 && !piped(i - 1)) start = i;
      let end = i;
      while (end < cmds.length - 1 && piped(end)) end++;
      const takesNames = (k: number): boolean => TAKES_NAMES.has(programName(this.vars.expand(cmds[k].argv[0]?.text ?? '')));
      const feedsArguments = cmds.slice(i + 1, end + 1).some((_c, k) => takesNames(i + 1 + k));
      const producer = i > start && takesNames(i) ? cmds.slice(start, i).map((c) => c.argv.flatMap((w) => this.expandWord(w.text, w.glob))) : undefined;
      const items = producer ? pipedNames(producer, this.dir) : undefined;
      // find and fd hand on the files they select: their folder is judged as a whole (find with intoXargs).
      const unknownItems = producer !== undefined && items === undefined && !/^(find|fd|fdfind)$/.test(programName(producer[0]?.[0] ?? ''));
      if (this.vars.expand(cmds[i].argv[0]?.text ?? '') === 'while') this.whileRead(cmds, i, producer ? items ?? (unknownItems ? RUNTIME_VALUE : []) : undefined);
      const heredocBody = (c: SimpleCommand): string[] =>
        c.redirects.filter((r) => r.op === '<<<').map((r) => {
          const h = /^HEREDOC(\d+)$/.exec(r.target);
          return h ? parsed.heredocs[Number(h[1])] ?? '' : this.vars.expand(r.target);
        });
      const stdin = heredocBody(cmds[i]);
      const input = i > start ? this.pipedInput(cmds.slice(start, i), cmds[i]) : undefined;
      if (input !== undefined) stdin.push(input);
      const pipedFrom = i > 0 && (cmds[i - 1].next === '|' || cmds[i - 1].next === '|&') ? cmds[i - 1] : undefined;
      const pipedTo = cmds[i].next === '|' || cmds[i].next === '|&' ? cmds[i + 1] : undefined;
      this.simple(cmds[i], depth, stdin, { pipedFrom, pipedTo, feedsArguments, items, unknownItems });
    }
  }

  /** `$(cat FILE)` where the line writes FILE (`echo .env > /tmp/n; cat $(cat /tmp/n)`): known only when it runs. */
  private readsWrittenLater(body: string): boolean {
    const m = /^\s*cat\s+(?:--\s+)?(['"]?)([^\s'"]+)\1\s*$/.exec(body);
    if (!m) return false;
    const name = m[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`>>?\\|?\\s*(['"]?)${name}\\1(?:\\s|;|&|\\||$)`).test(this.lineText);
  }

  /**
   * What `realpath X`, `readlink [-f] X` or `cat FILE` prints, as it would now: the path a link stands for, the text
   * a file written earlier on the line (or a small file here) holds; undefined for anything else.
   */
  private namePrinted(body: string): string | undefined {
    const cmds = parseLine(body).commands;
    if (cmds.length !== 1) return undefined;
    const [p, ...args] = cmds[0].argv.map((w) => this.vars.expand(w.text));
    const operands = args.filter((a) => !a.startsWith('-'));
    const program = programName(p ?? '');
    // sed -n 2p FILE, head -1 FILE, grep x FILE: some of the file's text, so every word it holds may be printed.
    const last = operands[operands.length - 1] ?? '';
    if (TEXT_FILTERS.test(program) && operands.length > 1 && !printsNoContent(program, args) && !last.includes(VAR_OPEN) && !last.includes(SUBST_WORD)) {
      const file = path.resolve(this.dir, expandTilde(last, this.home()));
      return isFile(file) ? this.textOf(file, 4096) ?? RUNTIME_VALUE : undefined;
    }
    if (operands.length !== 1 || operands[0].includes(VAR_OPEN) || operands[0].includes(SUBST_WORD)) return undefined;
    const abs = path.resolve(this.dir, expandTilde(operands[0], this.home()));
    try {
      if (program === 'realpath' || (program === 'readlink' && args.some((a) => /^-[A-Za-z]*[fem]/.test(a)))) return realpathSync(abs);
      if (program === 'readlink') return readlinkSync(abs);
      if (program === 'cat') return this.textOf(abs, 4096);
    } catch {
      return undefined;
    }
    return undefined;
  }

  /**
   * `while read [-r] NAME...; do ...; done`: the names it reads (from the pipe before it, or the `done < FILE`
   * redirection) are what NAME holds in the body, all of them at once; unknown names are a run-time value.
   */
  private whileRead(cmds: SimpleCommand[], at: number, piped: string[] | string | undefined): void {
    const words = cmds[at].argv.map((w) => this.vars.expand(w.text));
    if (words[1] !== 'read') return;
    const names = words.slice(2).filter((w, k, all) => /^[A-Za-z_]\w*$/.test(w) && !/^-[dnNptu]$/.test(all[k - 1] ?? ''));
    let source = piped;
    if (source === undefined) {
      const done = cmds.findIndex((c, k) => k > at && c.argv[0]?.text === 'done');
      const from = done > 0 ? cmds[done].redirects.find((r) => r.op === '<') : undefined;
      if (!from) return;
      source = this.namesFrom(this.vars.expand(from.target)) ?? RUNTIME_VALUE;
    }
    const value = typeof source === 'string' ? source : source.join(' ');
    for (const n of names) this.vars.assign(n, value.length < 4000 ? value : RUNTIME_VALUE);
  }

  /**
   * The names a list holds (xargs -a LIST, tar -T LIST, done < LIST): a process substitution's computed output, or
   * the words of a file (written earlier on the line, or a file here); undefined when not known before it runs.
   */
  private namesFrom(list: string): string[] | undefined {
    if (list === '-' || (list.startsWith('/dev/') && !this.written.has(list)) || list.includes(SUBST_WORD) || list.includes(RUNTIME_VALUE) || list.includes(VAR_OPEN)) return undefined;
    const abs = path.resolve(this.dir, expandTilde(list, this.home()));
    const text = this.textOf(abs, 64 * 1024);
    if (text === undefined) return isFile(abs) ? undefined : [];
    // A name in the list may be a pattern (.gitignore's `.env.*`): the files it matches are named too.
    const words = text.split(/\s+/).filter(Boolean).slice(0, 200);
    return [...new Set(words.flatMap((w) => [w, ...(/[*?[]/.test(w) ? expandGlob(w.replace(/^!/, ''), this.dir, { dot: true }) : [])]))];
  }

  private listedNames(body: string): string | undefined {
    const cmds = parseLine(body).commands;
    if (!cmds.length || cmds.some((c, i) => i < cmds.length - 1 && c.next !== '|')) return undefined;
    return pipedNames(cmds.map((c) => c.argv.flatMap((w) => this.expandWord(w.text, w.glob))), this.dir)?.join('\n');
  }

  /**
   * What a shell or an interpreter reads as its program from a pipe (`echo 'cat .env' | sh`), when the stages
   * before it only transform literal text; a run-time placeholder when they decode it in another way.
   */
  private pipedInput(producer: SimpleCommand[], consumer: SimpleCommand): string | undefined {
    const p = programName(this.vars.expand(consumer.argv[0]?.text ?? ''));
    if (!SHELLS.has(p) && INLINE_CODE[p] === undefined && p !== 'make' && p !== 'gmake') return undefined;
    const stages = producer.map((c) => c.argv.flatMap((w) => this.expandWord(w.text, w.glob)));
    const out = pipelineOutput(stages);
    if (out !== undefined) return out;
    // cat FILE... | sh: the program is the files' text (a script in the workspace, judged by its content).
    const [cat, ...files] = stages.length === 1 ? stages[0] : [];
    if (cat !== undefined && programName(cat) === 'cat' && files.length && files.every((f) => !f.startsWith('-'))) {
      const texts = files.map((f) => this.textOf(path.resolve(this.dir, expandTilde(f, this.home())), this.o.maxScriptBytes ?? 256 * 1024));
      if (texts.every((t) => t !== undefined)) return texts.join('\n');
    }
    if (decodesLiteral(producer)) this.reads.runtimeNames.push(p);
    return undefined;
  }

  /**
   * The output of `$(...)` as it stands in the line: computed when the body only transforms literal text (so a
   * name built by base64, rev or printf escapes is the name), the run-time placeholder when the body decodes
   * literal text in another way, else unknown (undefined). Quoted for where it stands.
   */
  private substitutionValue(body: string, quoted: boolean, process = false): string | undefined {
    // <(git ls-files src): a file whose content is the names the listing prints, when they are computed here.
    if (process) {
      const text = substitutionOutput(body, (w) => this.vars.expand(w)) ?? this.listedNames(body);
      if (text === undefined) return undefined;
      const fd = `/dev/fd/${63 - this.processes++}`;
      this.written.set(fd, text);
      return ` ${fd} `;
    }
    // Names a listing prints (`$(ls -a | grep env)`, `$(git ls-files -o)`) are computed like text.
    const out = substitutionOutput(body, (w) => this.vars.expand(w)) ?? this.listedNames(body) ?? this.namePrinted(body);
    if (out === undefined) return buildsAtRunTime(body) || this.readsWrittenLater(body) ? RUNTIME_VALUE : undefined;
    const text = out.replace(/\n+$/, '');
    if (quoted) return text.replace(/[\\"$`]/g, '\\$&');
    // Unquoted: split into words; globs still apply, nothing else in the output is syntax.
    return text.split(/\s+/).filter(Boolean).map((f) => f.replace(/[^A-Za-z0-9_./*?,+=:@%-]/g, '\\$&')).join(' ');
  }

  private simple(c: SimpleCommand, depth: number, stdin: string[], pipe: Pipe): void {
    for (const r of c.redirects) {
      if (r.op === '<' || r.op === '<>' || r.op === '<&') for (const w of this.expandWord(r.target, true)) this.word(w);
      if ((r.op === '<' || r.op === '<>') && this.vars.expand(r.target).includes(RUNTIME_VALUE)) this.reads.runtimeNames.push(r.op);
    }
    const argv: string[] = [];
    let leading = true;
    let printedVars: string[] = [];
    for (const w of c.argv) {
      const a = leading && !w.glob ? assignment(w.text) : undefined;
      if (a) {
        const value = this.vars.expand(a[1]);
        this.vars.assign(a[0], value);
        this.word(value);
        this.specialVariable(a[0], value, depth);
        continue;
      }
      leading = false;
      printedVars = printedVars.concat(referencedVariables(w.text, this.o.env));
      const expanded = this.expandWord(w.text, w.glob);
      // cat${IFS}.env: an expansion's blanks split the word (the whole is kept too, as a candidate name).
      if (w.text.includes(VAR_OPEN) && expanded.some((e) => /\s/.test(e))) {
        const fields = expanded.flatMap((e) => e.split(/\s+/).filter(Boolean));
        argv.push(...(argv.length ? [...expanded, ...fields] : fields));
      } else argv.push(...expanded);
    }
    for (const body of stdin) printedVars = printedVars.concat(this.hereStringVariables(body));
    // cmd <<< "$KEY": the here-string is expanded before the program reads it.
    for (const r of c.redirects) if (r.op === '<<<') printedVars = printedVars.concat(referencedVariables(r.target, this.o.env));
    if (!argv.length) return;
    // bash < FILE, python3 < FILE: a shell or an interpreter reads its program from the file.
    const p0 = programName(argv[0]);
    const programFrom = SHELLS.has(p0) || INLINE_CODE[p0] !== undefined || p0 === 'make' || p0 === 'gmake' ? c.redirects.find((r) => r.op === '<') : undefined;
    if (programFrom) {
      const text = this.textOf(path.resolve(this.dir, expandTilde(this.vars.expand(programFrom.target), this.home())), this.o.maxScriptBytes ?? 256 * 1024);
      if (text !== undefined) stdin = [...stdin, text];
    }
    // What a command writes to a file may be run later on the same line: kept as that file's content.
    const writes = c.redirects.filter((r) => r.op === '>' || r.op === '>>' || r.op === '>|').map((r) => r.target);
    if (programName(argv[0]) === 'tee') writes.push(...argv.slice(1).filter((a) => !a.startsWith('-')));
    const writer = pipe.pipedFrom && programName(argv[0]) === 'tee' ? pipe.pipedFrom.argv.map((w) => w.text).slice(1) : argv.slice(1);
    for (const t of writes) {
      if (!t || t.startsWith('&') || t === '/dev/null') continue;
      const abs = path.resolve(this.dir, this.vars.expand(t));
      this.written.set(abs, [...writer, ...stdin].join(' ').replace(/\\n/g, '\n'));
      // A Git hook written on the line (echo 'cat .env' > .git/hooks/pre-commit) runs at a later git command.
      if (gitHook(abs)) this.line(this.written.get(abs) ?? '', depth + 1);
    }
    if (writes.some((t) => t && !t.startsWith('&') && t !== '/dev/null')) pipe = { ...pipe, toFile: true };
    // xargs CMD < FILE: the names the file holds (written earlier on the line, or a small file here) are CMD's arguments.
    const from = programName(argv[0]) === 'xargs' && !pipe.items ? c.redirects.find((r) => r.op === '<') : undefined;
    if (from) {
      const content = this.textOf(path.resolve(this.dir, expandTilde(this.vars.expand(from.target), this.home())), 64 * 1024);
      if (content) pipe = { ...pipe, items: content.split(/\s+/).filter(Boolean).slice(0, 200) };
    }
    this.argv(argv, depth, stdin, printedVars, pipe);
  }

  /**
   * Options that widen later globs (bash shopt -s NAME, -O NAME, BASHOPTS; zsh setopt NAME, -o NAME): turned on
   * whatever else the words say (turning one off only narrows what a glob names).
   */
  private globOptions(names: string[]): void {
    for (const raw of names) {
      const n = raw.toLowerCase().replace(/_/g, '');
      if (n === 'dotglob' || n === 'globdots') this.globs.dot = true;
      if (n === 'nocaseglob' || n === 'nocasematch') this.globs.nocase = true;
      if (n === 'globstar' || n === 'globstarshort') this.globs.globstar = true;
    }
  }

  /** Variables the shell acts on when assigned: glob options (GLOBIGNORE turns dotglob on, BASHOPTS lists options). */
  private specialVariable(name: string, value: string, depth: number): void {
    if (name === 'GLOBIGNORE') this.globs.dot = true;
    if (name === 'BASHOPTS' || name === 'SHELLOPTS') this.globOptions(value.split(':'));
    // GIT_EDITOR='cat .env >&2;', PS4='$(cat .env)': run (or expanded) by the program the assignment is for.
    if (COMMAND_VARIABLES.test(name)) this.line(/^PS\d$/.test(name) ? `: ${value}` : value.replace(/^\|/, ''), depth + 1);
    if (STARTUP_VARIABLES.test(name)) this.startupScripts(value, depth);
  }

  /** BASH_ENV=FILE, NODE_OPTIONS='--require FILE', RUBYOPT=-rFILE: the files a program loads at start, judged by content. */
  private startupScripts(value: string, depth: number): void {
    for (const w of value.split(/\s+/)) {
      const file = w.replace(/^(?:--(?:require|import|loader|experimental-loader)=|-[rM])/, '');
      if (!file || file.startsWith('-')) continue;
      this.word(file);
      this.scriptFile(this.resolveModule(file), depth, 'auto');
    }
  }

  /** What node loads for a name without extension (scripts/leak → scripts/leak.js, a folder → its index.js). */
  private resolveModule(file: string): string {
    const abs = path.resolve(this.dir, expandTilde(file, this.home()));
    if (isFile(abs)) return file;
    for (const ext of ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '/index.js', '/index.mjs', '/index.ts']) if (isFile(abs + ext)) return file + ext;
    return file;
  }

  /** Environment names whose values appear in an expanded word (the value came from $NAME). */
  private namesIn(word: string): string[] {
    return [...this.vars.fromEnvironment].filter((n) => {
      const v = this.o.env[n];
      return v !== undefined && v.length >= 8 && word.includes(v);
    });
  }

  private hereStringVariables(body: string): string[] {
    return [...body.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  }

  /** The home folder `~` stands for: HOME as assigned on the line (HOME=$PWD; cat ~/.env), else the user's. */
  private home(): string {
    return this.vars.get('HOME') || this.o.home;
  }

  /** A word as the shell hands it to the program: variables, `~`, braces, then globs against the folder. */
  private expandWord(text: string, glob: boolean): string[] {
    let value = this.vars.expand(text);
    // ~- is the folder before the last cd ($OLDPWD).
    if (/^~-(?:\/|$)/.test(value)) value = (this.vars.get('OLDPWD') ?? this.dir) + value.slice(2);
    // HOME assigned on the line: `HOME=$PWD; cat ~/.env` reads under the new one, `HOME=x cat ~/.env` under the old.
    const homes = value.startsWith('~') ? [...new Set([this.home(), this.o.home])] : [this.o.home];
    return homes.flatMap((home) => this.expandIn(procPath(expandTilde(value, home, this.dir), this.dir), glob));
  }

  private expandIn(expanded: string, glob: boolean): string[] {
    // shell-quote marks only * ? [ as patterns: braces are expanded for every word (a quoted {a,b} only adds candidates).
    const braces = expandBraces(expanded);
    // shell-quote does not mark bracket patterns (.[e]nv) either: tried against the folder as well.
    if (!glob && /\[[^\]\s]+\]/.test(expanded) && !/\s/.test(expanded)) return [expanded, ...braces.flatMap((w) => expandGlob(w, this.dir, this.globs))];
    if (!glob) return braces.length > 1 ? [expanded, ...braces] : [expanded];
    return braces.flatMap((w) => expandGlob(w, this.dir, this.globs));
  }

  /** A list of arguments, as a program receives them (after the shell, a wrapper or xargs). */
  argv(argv: string[], depth: number, stdin: string[] = [], printedVars: string[] = [], pipe: Pipe = {}): void {
    if (depth > MAX_DEPTH || !argv.length) return;
    const program = programName(argv[0]);
    const args = argv.slice(1);
    // if/then/do/while...: the shell's keywords stand before the command they run (`then printenv; fi`).
    if (SHELL_KEYWORDS.has(argv[0]) && args.length) return this.argv(args, depth, stdin, printedVars, pipe);
    // A word built at run time from text the command holds may name any file: unknown, so judged as one.
    if (argv.some((a) => a.includes(RUNTIME_VALUE)) && (!NAME_ONLY.has(program) || argv[0].includes(RUNTIME_VALUE) || pipe.pipedTo)) this.reads.runtimeNames.push(program);
    if (PRINTERS.has(program) || INLINE_CODE[program] || SHELLS.has(program) || SHOWS_ARGUMENTS.has(program)) this.reads.envNames.push(...printedVars);
    this.reads.envNames.push(...editorCommandNames(program, args));
    // curl/wget: a secret variable in the URL or the body leaves the machine (in a header or -u, it is the credential's use).
    if (SENDERS.has(program)) {
      for (let j = 0; j < args.length; j++) {
        if (/^(-H|--header)$/.test(args[j]) || (program === 'curl' && /^(-u|--user|--oauth2-bearer)$/.test(args[j]))) j = piecesAfter(args, j + 1);
        else if (!/^--(header|user|oauth2-bearer)=/.test(args[j])) this.reads.envNames.push(...this.namesIn(args[j]));
      }
      const sent = senderInputs(program, args);
      for (const f of sent.files) this.word(f);
      this.reads.envNames.push(...sent.envNames);
    }
    this.environment(program, args, pipe);
    if (printsCredential(program, args)) this.reads.credentials.push([program, ...args].join(' '));
    // docker run -e NAME IMAGE printenv NAME: the host's value, handed in by name, shown by the container's command.
    const container = containerRun(program, args);
    if (container?.passed.length && container.command.length) {
      const inner = programName(container.command[0]);
      if (PRINTERS.has(inner) || SHELLS.has(inner) || INLINE_CODE[inner] !== undefined) this.reads.envNames.push(...container.passed);
    }

    if (program === 'cd' || program === 'pushd') {
      const to = args.find((a) => !a.startsWith('-'));
      this.vars.assign('OLDPWD', this.dir);
      this.dir = to === undefined ? this.home() : path.resolve(this.dir, expandTilde(to, this.home()));
      this.vars.assign('PWD', this.dir);
    }
    if (/^(export|declare|typeset|local|readonly)$/.test(program)) for (const a of args) {
      const set = assignment(a);
      if (set) this.specialVariable(set[0], set[1], depth);
    }
    if (program === 'shopt' || program === 'setopt') this.globOptions(program === 'shopt' ? args.filter((a, k) => k > 0 || a !== '-s') : args);
    if (program === 'set' && args[0] === '--') args.slice(1).forEach((a, k) => this.vars.assign(String(k + 1), a));
    // printf -v NAME FORMAT ARGS: the variable holds what printf would print.
    if (program === 'printf' && args[0] === '-v' && args[1]) {
      const out = pipelineOutput([['printf', ...args.slice(2)]]);
      this.vars.assign(args[1], out ?? RUNTIME_VALUE);
    }
    // cmake -E chdir DIR CMD...: CMD runs in DIR; cmake -E env NAME=value CMD...: as env runs it.
    if (program === 'cmake' && args[0] === '-E' && args[1] === 'chdir' && args[2] !== undefined) return this.inFolder(path.resolve(this.dir, expandTilde(args[2], this.home())), () => this.argv(args.slice(3), depth + 1, stdin));
    if (program === 'cmake' && args[0] === '-E' && args[1] === 'env') return this.argv(['env', ...args.slice(2)], depth + 1, stdin);
    if (WRAPPERS.has(program)) return this.wrapper(program, args, depth, stdin, program === 'xargs' ? pipe.items : undefined, program === 'xargs' && Boolean(pipe.unknownItems));
    // busybox APPLET ARGS is APPLET ARGS (busybox printenv, busybox httpd); busybox sh is a shell.
    if (program === 'busybox' && args[0] && !args[0].startsWith('-') && !SHELLS.has(args[0]) && args[0] !== 'hush') return this.argv(args, depth, stdin, printedVars, pipe);
    // bash -n, node --check, make -n: the script is checked or its commands printed, not run.
    if (SHELLS.has(program) && shellOnlyChecks(args)) return;
    if (SHELLS.has(program)) return this.shell(args, depth, stdin, program);
    if (program === 'eval' || program === 'ssh' || program === 'su' || program === 'runuser' || program === 'script') {
      const rest = program === 'ssh' ? args.filter((a) => !a.startsWith('-')).slice(1) : program === 'eval' ? args : this.optionValue(args, /^(-[A-Za-z]*c|--command)$/);
      this.line(rest.join(' '), depth + 1);
      // ssh -i KEY: the key signs in, it is not shown (GIT_SSH_COMMAND="ssh -i KEY" git fetch).
      const keys = identityArguments(program, args);
      args.forEach((w, k) => keys.has(k) || this.word(w));
      return;
    }
    if (onlyChecks(program, args)) {
      for (const w of args) this.word(w);
      return;
    }
    if (INLINE_CODE[program] !== undefined) return this.interpreter(program, args, depth, stdin);
    if ((program === '.' || program === 'source') && args[0]) this.scriptFile(args[0], depth, 'shell');
    if (program === 'git') return this.git(args);
    if (program === 'find' || program === 'fd' || program === 'fdfind') return this.find(program, args, depth, Boolean(pipe.feedsArguments) || this.inSubstitution > 0);
    if (['npm', 'pnpm', 'yarn', 'bun'].includes(program)) this.packageScript(program, args, depth);
    if (program === 'make' || program === 'gmake') this.make(args, depth, stdin);
    if (program.startsWith('./') || argv[0].includes('/')) this.scriptFile(argv[0], depth, 'auto');

    if (program === 'ln' || program === 'cp' || program === 'mv') this.newName(program, args);
    const tree = treeRead(program, args) ?? uploadTree(program, args);
    if (program === 'tar' || program === 'bsdtar') this.tar(args, tree);
    else if (tree) this.tree(tree);
    for (const body of stdin) this.code(body, depth);
    // echo .env | xargs cat: what a name-only program prints becomes the next program's arguments.
    if ((NAME_ONLY.has(program) || printsNoContent(program, args)) && !pipe.feedsArguments) return;
    const operands = COPIES.has(program) && args.filter((a) => !a.startsWith('-')).length > 1 ? args.slice(0, args.map((a) => !a.startsWith('-')).lastIndexOf(true)) : args;
    // --exclude=.env, zip -x .env: names left out (the folder read judges them); ssh/scp -i KEY signs in;
    // docker compose --env-file FILE up -d fills in the compose file for detached containers.
    const skipped = new Set([...excludedArguments(program, operands), ...identityArguments(program, operands), ...composeEnvFiles(program, operands)]);
    for (let i = 0; i < operands.length; i++) {
      const a = operands[i];
      if (skipped.has(i)) continue;
      if (MESSAGE_OPTIONS.has(a)) {
        i++;
        continue;
      }
      this.operand(a);
    }
  }

  /**
   * tar: `-C DIR` makes the names after it relative to DIR (tar -C src -czf x .; tar cf - -C ~ .ssh), and
   * `-T LIST` / `--files-from=LIST` names more files to read, from a file or a process substitution.
   */
  private tar(args: string[], tree: TreeRead | undefined): void {
    const folders: { at: number; dir: string }[] = [];
    let dir = this.dir;
    for (let k = 0; k < args.length; k++) {
      const cd = /^(?:-C|--directory)(?:=?(.+))?$/.exec(args[k]);
      if (cd) {
        dir = path.resolve(dir, expandTilde(cd[1] ?? args[k + 1] ?? '.', this.home()));
        folders.push({ at: k, dir });
      }
      const list = /^(?:-T|--files-from)(?:=?(.+))?$/.exec(args[k]);
      if (list) {
        const names = this.namesFrom(list[1] ?? args[k + 1] ?? '');
        if (names === undefined) this.reads.runtimeNames.push('tar');
        else this.inFolder(dir, () => names.forEach((n) => this.word(n)));
      }
    }
    if (!tree) return;
    // Each folder read is taken from the -C before it (the last one, when the names come first in a cluster).
    const from = (d: string): string => {
      const at = args.indexOf(d);
      return [...folders].reverse().find((f) => f.at < at)?.dir ?? (folders.length && at < 0 ? folders[folders.length - 1].dir : this.dir);
    };
    // The -C value itself is no folder read (tar -C src -czf x . reads src/. only).
    const read = tree.dirs.filter((d) => !/^(-C|--directory)$/.test(args[args.indexOf(d) - 1] ?? ''));
    const dirs = read.map((d) => path.resolve(from(d), expandTilde(this.vars.expand(d), this.home())));
    this.folders(tree, dirs);
    for (const d of dirs) this.word(d);
  }

  /**
   * ln TARGET LINK, cp/mv SRC DEST: a later word on the line under the new name (k/id_ed25519 after
   * `ln -s deploy/keys k`) names the same data as under the old one.
   */
  private newName(program: string, args: string[]): void {
    const pos = args.filter((a) => !a.startsWith('-'));
    if (pos.length !== 2) return;
    const [from, to] = pos.map((p) => this.vars.expand(expandTilde(p, this.o.home)));
    let dest = path.resolve(this.dir, to);
    try {
      if (statSync(dest).isDirectory()) dest = path.join(dest, path.basename(from));
    } catch {
      // no such file yet: the new name is the one written
    }
    const symbolic = program === 'ln' && args.some((a) => /^-[A-Za-z]*s/.test(a) || a === '--symbolic');
    const source = symbolic && !path.isAbsolute(from) ? path.resolve(path.dirname(dest), from) : path.resolve(this.dir, from);
    this.word(source);
    this.aliases.set(dest, source);
    // A Git hook put in place (cp x .git/hooks/post-checkout): a later git command runs it.
    if (gitHook(dest)) this.scriptFile(source, 1, 'auto');
  }

  /** An argument that may name a file: as written, and its value after `--opt=`, `key=`, `@`. */
  private operand(a: string): void {
    this.word(a);
    const eq = /^-{0,2}[A-Za-z0-9_.-]+=(.+)$/.exec(a);
    if (eq) this.word(eq[1]);
    const at = /@([^@\s]+)$/.exec(a);
    if (at) this.word(at[1]);
    // docker -v SRC:DST[:ro], --volume=SRC:DST, --mount source=SRC: a file mounted into a container is read there.
    for (const v of eq ? [a, eq[1]] : [a]) {
      const mount = /^([^:\s]+):\/[^\s]*$/.exec(v) ?? /(?:^|,)(?:source|src)=([^,\s]+)/.exec(v);
      if (mount) this.word(mount[1]);
    }
    if (/^-[A-Za-z]./.test(a) && !a.startsWith('--')) this.word(a.slice(2));
    // A string with blanks handed to a program is its own little language (sqlite3 ".import FILE t", psql
    // "\\copy t from FILE", a -c command): code when it has quotes or calls, else its words.
    if (/\s/.test(a) && /['"(]/.test(a)) this.code(a, 1);
    else if (/\s/.test(a) && a.length < 4096) for (const t of a.split(/\s+/)) this.word(t);
  }

  private optionValue(args: string[], option: RegExp): string[] {
    const i = args.findIndex((a) => option.test(a));
    return i >= 0 ? args.slice(i + 1, i + 2) : [];
  }

  private wrapper(program: string, args: string[], depth: number, stdin: string[], piped?: string[], unknownItems = false): void {
    let items = piped;
    let i = 0;
    let replace: string | undefined;
    let chdir: string | undefined;
    let listFile: string | undefined;
    // The wrapper's own options (and their values), then NAME=value for env, a duration for timeout.
    const valued = program === 'sudo' ? /^-[ugCDhprt]$/ : program === 'xargs' ? /^-[IdEeLnPsa]$/ : program === 'timeout' ? /^-[sk]$/ : program === 'watch' ? /^-[nd]$/ : program === 'env' ? /^-[uCS]$/ : program === 'dotenv' ? /^-[evpc]$/ : /^$/;
    while (i < args.length && (args[i].startsWith('-') || (program === 'env' && assignment(args[i])))) {
      if (args[i] === '--') {
        i++;
        break;
      }
      if (program === 'env' && (args[i] === '-S' || args[i].startsWith('--split-string'))) {
        this.line(args.slice(i + 1).join(' '), depth + 1);
        return;
      }
      // env -C DIR / --chdir=DIR: the command runs in DIR.
      const cd = program === 'env' ? /^(?:-C|--chdir)(?:=?(.+))?$/.exec(args[i]) : null;
      if (cd) {
        chdir = cd[1] ?? args[i + 1];
        if (cd[1] === undefined) i++;
        i++;
        continue;
      }
      if (program === 'xargs' && (args[i] === '-i' || args[i].startsWith('--replace'))) replace = args[i].split('=')[1] ?? '{}';
      if (program === 'xargs' && /^-I./.test(args[i])) replace = args[i].slice(2);
      // xargs -a LIST / --arg-file=LIST: the names come from LIST instead of the pipe.
      const list = program === 'xargs' ? /^(?:-a|--arg-file)(?:=?(.+))?$/.exec(args[i]) : null;
      if (list) listFile = list[1] ?? args[i + 1] ?? '';
      if (list?.[1] !== undefined) {
        this.word(list[1]);
        i++;
        continue;
      }
      if (valued.test(args[i]) || (program === 'xargs' && /^(-a|--arg-file)$/.test(args[i]))) {
        if (program === 'xargs' && args[i] === '-I') replace = args[i + 1];
        // dotenv -e FILE loads the file into the command's environment: judged by what the command shows of it.
        if (program !== 'dotenv') this.word(args[i + 1] ?? '');
        i++;
      }
      i++;
    }
    if (program === 'timeout' && /^\d/.test(args[i] ?? '')) i++;
    if ((program === 'flock' || program === 'op' || program === 'doppler' || program === 'poetry' || program === 'pipenv' || program === 'uv') && i < args.length) i++;
    const rest = args.slice(i);
    if (chdir !== undefined) return this.inFolder(path.resolve(this.dir, expandTilde(chdir, this.home())), () => this.argv(rest, depth + 1, stdin));
    if (program === 'watch' && rest.length === 1) return this.line(rest[0], depth + 1);
    if (program === 'parallel') {
      const sep = rest.indexOf(':::');
      if (sep >= 0) for (const w of rest.slice(sep + 1)) this.word(w);
      return this.line((sep >= 0 ? rest.slice(0, sep) : rest).join(' '), depth + 1);
    }
    // xargs git cat-file -p / git show with objects the pipeline computes (ls-tree | awk | xargs): any stored file.
    if (program === 'xargs' && !items?.length && programName(rest[0] ?? '') === 'git' && rest.some((a) => a === 'cat-file' || a === 'show')) {
      this.reads.git.push({ args: ['cat-file', '--batch-all-objects', '--batch'], cwd: this.dir });
    }
    if (listFile !== undefined) {
      items = this.namesFrom(listFile);
      unknownItems = items === undefined;
    }
    // Names not computed here (compgen -c | xargs cat, sed over a listing): a reader of them is judged fail-closed.
    const target = programName(rest[0] ?? 'echo');
    if (program === 'xargs' && !items?.length && unknownItems && !NAME_ONLY.has(target) && !printsNoContent(target, rest.slice(1)) && target !== 'git') this.reads.runtimeNames.push(`xargs ${target}`);
    // xargs CMD: the names the pipeline prints become CMD's arguments (or replace -I's placeholder).
    if (items?.length) {
      if (replace) for (const item of items.slice(0, 50)) this.argv(rest.map((a) => a.replaceAll(replace ?? '{}', item)), depth + 1, stdin);
      else this.argv([...(rest.length ? rest : ['echo']), ...items], depth + 1, stdin);
      return;
    }
    this.argv(rest, depth + 1, stdin);
  }

  private shell(args: string[], depth: number, stdin: string[], program = 'sh'): void {
    let i = 0;
    if (args[0] === 'sh' || args[0] === 'ash') i = 1; // busybox sh
    // zsh expands `**/` over any depth of folders without an option.
    if (program === 'zsh') this.globs.globstar = true;
    for (; i < args.length; i++) {
      const a = args[i];
      if (/^[-+][oO]$/.test(a)) this.globOptions([args[i + 1] ?? '']);
      if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a) || a === '--command') {
        this.line(args[i + 1] ?? '', depth + 1);
        for (const w of args.slice(i + 2)) this.word(w);
        return;
      }
      if (/^[-+][oO]$/.test(a)) i++;
      else if (!a.startsWith('-') && !a.startsWith('+')) {
        this.word(a);
        this.scriptFile(a, depth, 'shell');
        for (const w of args.slice(i + 1)) this.word(w);
        return;
      }
    }
    for (const body of stdin) this.line(body, depth + 1);
  }

  private interpreter(program: string, args: string[], depth: number, stdin: string[]): void {
    const flag = INLINE_CODE[program];
    if (program === 'awk' || program === 'gawk') {
      // awk -F= '{print $1}' FILE: the names of its KEY=value lines, no value.
      if (keepsNamesOnly(program, args)) return;
      // awk 'prog' file...: the program text is code; the rest are files.
      const pos = args.filter((a, i) => !a.startsWith('-') && !/^-[fvF]$/.test(args[i - 1] ?? ''));
      if (pos.length) this.code(pos[0], depth);
      for (const w of pos.slice(1)) this.word(w);
      return;
    }
    // python -m http.server, php -S: a folder served on the network is read as a whole.
    const served = uploadTree(program, args);
    if (served) this.tree(served);
    const inline = (i: number): void => {
      const code = program === 'pwsh' && /^-encodedcommand$/i.test(args[i]) ? Buffer.from(args[i + 1] ?? '', 'base64').toString('utf16le') : args[i + 1] ?? '';
      this.code(code, depth);
      args.forEach((w, k) => k !== i && k !== i + 1 && this.operand(w));
    };
    const hasInline = flag.source !== '^$';
    const valued = VALUE_OPTIONS[program];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (hasInline && flag.test(a)) return inline(i);
      if (program === 'python' && a === '-m') {
        for (const w of args.slice(i + 1)) this.operand(w);
        // python -m pkg.mod runs ./pkg/mod.py (or ./pkg/mod/__main__.py) when the module is here.
        const mod = (args[i + 1] ?? '').replace(/\./g, '/');
        if (/^[\w/]+$/.test(mod)) for (const f of [`${mod}.py`, `${mod}/__main__.py`]) if (isFile(path.resolve(this.dir, f))) this.scriptFile(f, depth, 'code');
        if (args[i + 1] === 'dotenv') this.word('.env'); // python-dotenv's command line prints ./.env
        return;
      }
      // node --run NAME runs package.json's script NAME.
      if (program === 'node' && /^--run(=|$)/.test(a)) return this.packageScript('npm', ['run', a.slice(6) || (args[i + 1] ?? '')], depth);
      // An option and its value (python -W ignore, node -r fs): the value is neither the script nor code; a module
      // node or bun loads first (-r, --require, --import, --preload) is run, so judged by its content.
      if (valued?.test(a)) {
        const value = args[++i] ?? '';
        this.operand(value);
        if ((program === 'node' || program === 'bun') && /^(-r|--require|--import|--loader|--experimental-loader|--preload)$/.test(a) && /^[./~]/.test(value)) this.scriptFile(this.resolveModule(value), depth, 'code');
        continue;
      }
      // The program read from stdin (python3 /dev/stdin <<< CODE, python3 - <<EOF) or from a process substitution.
      if (a === '-' || a === '/dev/stdin' || /^\/dev\/fd\/0$|^\/proc\/self\/fd\/0$/.test(a)) {
        for (const body of stdin) this.code(body, depth);
        for (const w of args.slice(i + 1)) this.operand(w);
        return;
      }
      if (a.includes(SUBST_WORD)) {
        this.reads.runtimeNames.push(program);
        return;
      }
      if (!a.startsWith('-')) {
        // A word that is no file here, followed by the inline-code option, is the value of an option this list
        // does not know (python3 -X utf8 -c ...): the code is judged all the same (fail closed).
        const later = hasInline ? args.findIndex((x, k) => k > i && flag.test(x)) : -1;
        if (later >= 0 && !isFile(path.resolve(this.dir, expandTilde(a, this.o.home)))) return inline(later);
        this.word(a);
        this.scriptFile(/^(node|bun|tsx|ts-node|deno)$/.test(program) ? this.resolveModule(a) : a, depth, 'code');
        for (const w of args.slice(i + 1)) this.operand(w);
        return;
      }
    }
    for (const body of stdin) this.code(body, depth);
  }

  /** Inline code of any language: its literals may name files or hold command lines; it may read the environment. */
  code(code: string, depth: number, inline = true): void {
    if (depth > MAX_DEPTH) return;
    if (readsDotenv(code, inline)) this.word('.env');
    // 'KEY' in os.environ, !!process.env.KEY: whether it is set, not its value.
    const envCode = withoutPresenceTests(code);
    const aliases = environmentAliases(envCode);
    if (dumpsEnvironment(envCode) || (inline && (readsComputedEnvironmentName(envCode) || aliases.any))) this.reads.dumpsEnvironment = true;
    this.reads.envNames.push(...environmentNames(envCode), ...aliases.names);
    // Code that walks a folder and opens what it finds (os.walk + open, rglob + read_text, readdirSync + readFileSync):
    // which files it opens is decided when it runs, so it reads the folder as a whole.
    const walk = inline ? /\b(?:os\.walk|os\.scandir|os\.listdir|glob\.i?glob|[\w.]*rglob|walkSync|readdirSync|readdir|Dir\.glob|Find\.find|File::Find)\s*\(\s*(?:(['"])([^'"]*)\1)?/.exec(code) : null;
    if (walk && /\bopen\s*\(|read_text|read_bytes|readFileSync|readFile\s*\(|File\.read|createReadStream/.test(code)) {
      this.tree({ program: 'the inline code', dirs: [walk[2] || '.'], excludes: [], includes: [], skipsHidden: false, respectsGitignore: false });
    }
    const literals = stringLiterals(code);
    // A name the code only tests for existence (fs.existsSync('.env')) is not read.
    const tested = inline ? existenceOnly(code, literals) : new Set<string>();
    for (const lit of literals) {
      if (tested.has(lit)) continue;
      // exec(open('scripts/x.py').read()), runpy.run_path('scripts/x.py'): a script the code may run, judged by its content.
      if (inline && /\.(?:py|js|mjs|cjs|ts|rb|pl|php|sh|bash)$/.test(lit)) this.scriptFile(lit, depth, 'auto');
      for (const w of expandBraces(expandTilde(lit, this.o.home))) {
        if (/[*?[]/.test(w)) for (const g of expandGlob(w, this.dir, this.globs)) this.word(g);
        this.word(w);
      }
      // os.system('cat .env'), execSync("cat .env"): a literal with blanks may be a command line; os.system('env') is one.
      if ((/\s/.test(lit) || (/^[\w.-]+$/.test(lit) && runsLiteral(code, lit))) && depth < MAX_DEPTH) this.line(lit, depth + 1);
    }
    const joined = joinedLiterals(literals);
    for (const j of joined) this.word(expandTilde(j, this.o.home));
    for (const c of computedLiterals(code)) this.word(expandTilde(c, this.o.home));
    // process.env.HOME + '/.aws/credentials', os.homedir() with '.ssh': the pieces are under the home folder.
    if (usesHomeFolder(code)) for (const lit of [...literals, ...joined]) if (lit.length <= 200) this.word(path.join(this.o.home, lit));
    // Bare words of the code (perl -ne 'print' .env, `open(.env)` after shell quoting).
    for (const m of code.matchAll(/[~A-Za-z0-9_./-]*\.[A-Za-z0-9_.-]+|~\/[A-Za-z0-9_./-]+/g)) if (!tested.has(m[0])) this.word(expandTilde(m[0], this.o.home));
    if (code.length < 4096) for (const t of code.split(/\s+/)) this.word(t);
  }

  /**
   * What a file holds as the line would find it: the text written to it earlier on the line, else the file here
   * when it is a regular file of at most `maxBytes`; undefined when neither.
   */
  private textOf(abs: string, maxBytes: number): string | undefined {
    const written = this.written.get(abs);
    if (written !== undefined) return written;
    try {
      const st = statSync(abs);
      return st.isFile() && st.size <= maxBytes ? readFileSync(abs, 'utf8') : undefined;
    } catch {
      return undefined; // not there (yet)
    }
  }

  /** A script the agent runs: judged by its content when it is a small file. */
  private scriptFile(file: string, depth: number, kind: 'shell' | 'code' | 'auto'): void {
    const abs = path.resolve(this.dir, expandTilde(file, this.o.home));
    if (this.seenScripts.has(abs) || depth >= MAX_DEPTH) return;
    this.seenScripts.add(abs);
    const text = this.textOf(abs, this.o.maxScriptBytes ?? 256 * 1024);
    if (text === undefined) return; // not a file here (or too large): the word is judged like any other
    const shellish = kind === 'shell' || (kind === 'auto' && (/^#!.*\b(ba|z|da|k)?sh\b/.test(text) || /\.(sh|bash|zsh)$/.test(abs)));
    if (shellish) this.line(text, depth + 1);
    this.code(text, depth + 1, false);
  }

  /**
   * make [-C DIR] [-f FILE|-]... [TARGET...]: the makefiles it reads (in DIR, the one on stdin for `-f -`), and the
   * recipes of the targets it runs, in DIR.
   */
  private make(args: string[], depth: number, stdin: string[]): void {
    let dir = this.dir;
    const files: string[] = [];
    const targets: string[] = [];
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      const m = /^(?:-([CfIoWl])(.*)|--(directory|file|makefile|include-dir|old-file|what-if|load-average)(?:=(.*))?)$/.exec(a);
      if (m) {
        const value = (m[2] || m[4]) ?? args[++k] ?? '';
        if (m[1] === 'C' || m[3] === 'directory') dir = path.resolve(dir, expandTilde(value, this.home()));
        if (m[1] === 'f' || m[3] === 'file' || m[3] === 'makefile') files.push(value);
      } else if (!a.startsWith('-') && !a.includes('=')) targets.push(a);
    }
    const texts = (files.length ? files : ['GNUmakefile', 'makefile', 'Makefile']).map((f) => (f === '-' ? stdin.join('\n') : this.textOf(path.resolve(dir, expandTilde(f, this.home())), 1024 * 1024)));
    // Without -f, make reads the first of its default names that exists.
    const text = files.length ? texts.filter((t) => t !== undefined).join('\n') : texts.find((t) => t !== undefined);
    if (text) this.inFolder(dir, () => this.makeTargets(text, targets, depth));
  }

  /** The recipe lines of the targets run (the default goal when none is named), and their prerequisites. */
  private makeTargets(text: string, targets: string[], depth: number): void {
    const rules = new Map<string, { deps: string[]; recipe: string[] }>();
    let first: string | undefined;
    let current: { deps: string[]; recipe: string[] } | undefined;
    for (const line of text.split('\n')) {
      const goal = /^\s*\.DEFAULT_GOAL\s*[:?]?=\s*(\S+)/.exec(line);
      if (goal) first = goal[1];
      const rule = /^([A-Za-z0-9_./%-][^:=\s]*(?:\s+[^:=\s]+)*)\s*:(?!=)\s*(.*)$/.exec(line);
      if (rule && !line.startsWith('\t')) {
        // `target: deps ; recipe`: a recipe on the rule's own line.
        const [deps, ...inline] = rule[2].split(';');
        current = { deps: deps.split(/\s+/).filter(Boolean), recipe: inline.length ? [inline.join(';').trim().replace(/^[@+-]+/, '')] : [] };
        for (const t of rule[1].split(/\s+/)) {
          rules.set(t, current);
          if (!first && !t.startsWith('.')) first = t;
        }
      } else if (line.startsWith('\t') && current) current.recipe.push(line.slice(1).replace(/^[@+-]+/, ''));
      else if (line.trim() && !line.startsWith('#')) current = undefined;
    }
    const seen = new Set<string>();
    const run = (t: string): void => {
      if (seen.has(t) || seen.size > 50) return;
      seen.add(t);
      const r = rules.get(t);
      if (!r) return;
      for (const d of r.deps) run(d);
      for (const line of r.recipe) this.line(line.replace(/\$\$/g, '$'), depth + 1);
    };
    for (const t of targets.length ? targets : first ? [first] : []) run(t);
  }

  /** Runs `body` as if the line were in `dir` (env -C, make -C, cmake -E chdir): its relative words resolve there. */
  private inFolder(dir: string, body: () => void): void {
    const before = { dir: this.dir, pwd: this.vars.get('PWD') };
    this.dir = dir;
    this.vars.assign('PWD', dir);
    try {
      body();
    } finally {
      this.dir = before.dir;
      this.vars.assign('PWD', before.pwd ?? before.dir);
    }
  }

  private packageScript(program: string, argv: string[], depth: number): void {
    // Options may come before the subcommand and before the script's name (npm run --silent NAME); --prefix DIR,
    // -C DIR and --cwd DIR choose the package.
    let dir = this.dir;
    const args: string[] = [];
    for (let k = 0; k < argv.length; k++) {
      const m = /^(--prefix|-C|--dir|--cwd)(?:=(.*))?$/.exec(argv[k]);
      if (m) dir = path.resolve(this.dir, expandTilde(m[2] ?? argv[++k] ?? '', this.home()));
      else if (/^(-w|--workspace|--filter|-F)$/.test(argv[k])) k++;
      else if (argv[k] === '--') break;
      else if (!argv[k].startsWith('-')) args.push(argv[k]);
    }
    const sub = args[0];
    const name = sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn' ? args[1] : sub === 't' || sub === 'tst' ? 'test' : ['test', 'start', 'stop', 'restart'].includes(sub ?? '') ? sub : program === 'yarn' || program === 'bun' ? sub : undefined;
    if (!name) return;
    let scripts: Record<string, unknown> | undefined;
    try {
      scripts = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> }).scripts;
    } catch {
      return;
    }
    // `npm run env` with no script of that name prints the environment scripts run in.
    if (name === 'env' && program !== 'bun' && typeof scripts?.env !== 'string') this.reads.dumpsEnvironment = true;
    this.inFolder(dir, () => {
      for (const n of [`pre${name}`, name, `post${name}`]) {
        const s = scripts?.[n];
        if (typeof s === 'string') this.line(s, depth + 1);
      }
    });
  }

  private git(args: string[]): void {
    // Run in a clone made earlier on the line (cd into it), git reads the history of the repository cloned.
    let cwd = this.cloned(this.dir);
    let workTree: string | undefined;
    const config: string[] = [];
    let i = 0;
    while (i < args.length && args[i].startsWith('-')) {
      const a = args[i];
      if (a === '-C' && args[i + 1]) cwd = this.cloned(path.resolve(cwd, args[++i]));
      else if (a === '-c') {
        config.push(args[i + 1] ?? '');
        i = piecesAfter(args, i + 1);
      }
      else if (a === '--work-tree') workTree = args[++i];
      else if (a.startsWith('--work-tree=')) workTree = a.slice(12);
      else if (a === '--git-dir') i++;
      i++;
    }
    const abs = (p: string) => path.resolve(this.dir, expandTilde(p, this.home()));
    let rest = args.slice(i);
    // -c remote.NAME.url=ADDRESS: a push to NAME goes to ADDRESS; -c alias.NAME='!cmd': `git NAME` runs cmd.
    for (const c of config) {
      const remote = /^remote\.([^.]+)\.(?:push)?url=(.*)$/is.exec(c);
      if (remote && rest[0] === 'push') rest = rest.map((a) => (a === remote[1] ? remote[2] : a));
      // url.X.insteadOf / pushInsteadOf rewrites where any remote points: the push goes to an address of the line's choosing.
      if (/^url\..*insteadof=/is.test(c) && rest[0] === 'push') {
        const at = rest.findIndex((a, k) => k > 0 && !a.startsWith('-'));
        if (at > 0) rest = rest.map((a, k) => (k === at ? `rewritten://${a}` : a));
      }
      const alias = /^alias\.[^=]+=\s*!(.*)$/s.exec(c);
      if (alias) this.line(alias[1], 1);
      this.gitConfigCommand(c.slice(0, Math.max(0, c.indexOf('='))), c.slice(c.indexOf('=') + 1));
    }
    this.reads.git.push({ args: rest, cwd });
    // worktree add DIR [REV], --work-tree DIR checkout, clone SRC DIR: DIR holds stored files; a later word under it
    // is judged by its name, and git run in a clone of this repository reads this repository's history.
    if (rest[0] === 'worktree' && rest[1] === 'add') {
      const dir = rest.slice(2).find((a) => !a.startsWith('-'));
      if (dir) this.checkouts.add(abs(dir));
    }
    if (workTree && /^(checkout|restore|reset|switch|read-tree|checkout-index)$/.test(rest[0] ?? '')) this.checkouts.add(abs(workTree));
    if (rest[0] === 'clone') {
      const [src, dest] = rest.slice(1).filter((a) => !a.startsWith('-'));
      if (src !== undefined && !/^[a-z][a-z0-9+.-]*:\/\/|^[^/]+@[^:]+:/i.test(src)) {
        const to = abs(dest ?? path.basename(src.replace(/\/+$/, '')).replace(/\.git$/, ''));
        this.checkouts.add(to);
        this.clones.set(to, abs(src));
      }
    }
    // An address with a secret variable in it (git ls-remote "https://$TOKEN@host/r") sends the secret.
    // So does a config value (-c http.extraHeader="X-K: $KEY"): git sends headers and cookies to any remote it contacts.
    if (/^(ls-remote|clone|fetch|pull|push|remote|submodule)$/.test(rest[0] ?? '')) for (const a of [...rest, ...config]) this.reads.envNames.push(...this.namesIn(a));
    // pack-objects, repack --stdout...: the object store, every stored version; add -f: a file the push after it sends.
    if (/^(pack-objects|unpack-objects|pack-redundant)$/.test(rest[0] ?? '')) this.reads.git.push({ args: ['cat-file', '--batch-all-objects', '--batch'], cwd });
    if (rest[0] === 'add') for (const a of rest.slice(1)) if (!a.startsWith('-')) this.word(a);
    // Paths given to git are judged by what git prints of them (gitReads), not as reads by name:
    // `git log --oneline -- .env` prints no content. An alias or config value starting with ! is a command line.
    for (const a of rest) if (a.startsWith('!')) this.line(a.slice(1), 1);
    // git config core.editor CMD: a later git command runs CMD.
    if (rest[0] === 'config') {
      const [key, value] = rest.slice(1).filter((a) => !a.startsWith('-'));
      if (key !== undefined && value !== undefined) this.gitConfigCommand(key, value);
    }
    for (const a of rest) {
      // ext::CMD (a transport that runs CMD; `% ` is a blank), --upload-pack=CMD, --receive-pack=CMD, --exec=CMD.
      if (/^ext::/i.test(a)) this.line(a.slice(5).replace(/%(.)/g, (_m, ch: string) => (ch === ' ' || ch === '%' ? ch : ' ')), 1);
      const pack = /^--(?:upload-pack|receive-pack|exec)=(.*)$/s.exec(a);
      if (pack) this.line(pack[1], 1);
    }
  }

  /** A Git setting whose value is a program Git runs: the value is judged as a command line. */
  private gitConfigCommand(key: string, value: string): void {
    if (!GIT_COMMAND_CONFIG.test(key)) return;
    if (/^core\.hookspath$/i.test(key)) {
      // Hooks from another folder: each file there may run.
      const dir = path.resolve(this.dir, expandTilde(value, this.home()));
      let names: string[] = [];
      try {
        names = readdirSync(dir).slice(0, 50);
      } catch {
        // not there (yet)
      }
      for (const n of names) this.scriptFile(path.join(dir, n), 1, 'auto');
      return;
    }
    this.line(value.replace(/^!/, ''), 1);
  }

  private find(program: string, args: string[], depth: number, intoXargs: boolean): void {
    for (const w of args) this.word(w);
    const exec = args.findIndex((a) => /^(-(exec|execdir|ok|okdir)|-x|--exec|-X|--exec-batch)$/.test(a));
    if (exec < 0 && !intoXargs) return;
    if (program !== 'find') {
      // fd PATTERN [DIR] -x CMD: every file it selects is handed on; hidden and ignored ones only with -H/-I.
      const own = exec < 0 ? args : args.slice(0, exec);
      const pos = own.filter((a) => !a.startsWith('-'));
      this.tree({ program, dirs: [pos[1] ?? '.'], excludes: [], includes: [], skipsHidden: !own.some((a) => /^-[A-Za-z]*H|^--hidden|^-u/.test(a)), respectsGitignore: !own.some((a) => /^-[A-Za-z]*I|^--no-ignore|^-u/.test(a)), excludeHint: '-E NAME' });
    } else this.tree(findTree(exec < 0 ? args : args.slice(0, exec)));
    if (exec < 0) return;
    const end = args.findIndex((a, i) => i > exec && (a === ';' || a === '+'));
    this.argv(args.slice(exec + 1, end < 0 ? undefined : end), depth + 1);
  }

  /** Environment dumps: env, printenv, set, export -p... unless only the names are kept (| cut -d= -f1). */
  private environment(program: string, args: string[], pipe: { pipedTo?: SimpleCommand; toFile?: boolean }): void {
    const operands = args.filter((a) => !a.startsWith('-'));
    let dumps = false;
    if (program === 'env') dumps = envPrints(args);
    // printenv "$v" with v known only at run time (or empty: dropped, so no operand): any variable may be printed.
    else if (program === 'printenv' && (operands.length === 0 || operands.some((a) => !/^[A-Za-z_]\w*$/.test(a)))) dumps = true;
    else if (program === 'printenv') this.reads.envNames.push(...operands);
    else if (program === 'ps') dumps = args.some((a) => /^[A-Za-z]*e[A-Za-z]*$/.test(a)); // BSD-style `e`: each process's environment
    else if (JSON_QUERY.has(program)) {
      const filter = args.find((a, k) => !a.startsWith('-') && !/^(--arg|--argjson|--slurpfile|--rawfile|-f|--from-file|--indent)$/.test(args[k - 1] ?? '')) ?? '';
      if (/\$ENV\b(?!\s*\.\s*\w)|(?<![\w$.])env\b(?!\s*[.(])/.test(filter)) dumps = true;
      for (const m of filter.matchAll(/(?:\$ENV|(?<![\w$.])env)\s*\.\s*([A-Za-z_]\w*)|\b(?:str)?env\(\s*([A-Za-z_]\w*)\s*\)/g)) this.reads.envNames.push(m[1] ?? m[2]);
    }
    else if (program === 'set' && args.length === 0) dumps = true;
    else if ((program === 'export' || program === 'declare' || program === 'typeset') && (args.length === 0 || args.every((a) => /^-[xpaA]+$/.test(a)))) dumps = true;
    else if ((program === 'declare' || program === 'typeset') && args.some((a) => /^-[A-Za-z]*p/.test(a))) this.reads.envNames.push(...operands);
    else if (program === 'get-childitem' || program === 'gci' || program === 'dir' || program === 'ls') dumps = args.some((a) => /^env:/i.test(a));
    else if (program === 'make' || program === 'gmake') dumps = args.some((a) => /^-[A-Za-z]*p|^--print-data-base$/.test(a)); // make's database lists the environment
    // declare -n r=NAME: a reference whose target is a name the line may compute.
    else if (/^(declare|typeset|local)$/.test(program) && args.some((a) => /^-[A-Za-z]*n/.test(a))) dumps = true;
    if (!dumps) return;
    // env > FILE | cut ...: the filter sees nothing; the file holds every value.
    if (pipe.toFile) {
      this.reads.dumpsEnvironment = true;
      return;
    }
    if (this.namesOnly(pipe.pipedTo)) return;
    // env | grep ^NAME: only the lines of the variables whose names start so are shown.
    const kept = this.grepKeeps(pipe.pipedTo);
    if (kept) this.reads.envNames.push(...Object.keys(this.o.env).filter((n) => kept.test(n)));
    else this.reads.dumpsEnvironment = true;
  }

  /** `grep [-i] ^NAME` after an environment dump: which variables' lines it keeps (by name), or undefined. */
  private grepKeeps(next: SimpleCommand | undefined): RegExp | undefined {
    if (!next) return undefined;
    const [p, ...args] = next.argv.map((w) => this.vars.expand(w.text));
    return grepKeptNames(programName(p ?? ''), args);
  }

  /** A pipeline stage that keeps only variable names (cut -d= -f1, awk -F= '{print $1}', a sed that drops values, wc). */
  private namesOnly(next: SimpleCommand | undefined): boolean {
    if (!next) return false;
    const [p, ...args] = next.argv.map((w) => this.vars.expand(w.text));
    const program = programName(p ?? '');
    // grep -c/-q/-l: a count or an exit status, no line.
    return (/^(grep|egrep|fgrep|rg)$/.test(program) && printsNoContent(program, args)) || keepsNamesOnly(program, args);
  }
}
