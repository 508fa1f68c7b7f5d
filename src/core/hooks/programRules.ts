// What particular programs do with their arguments, beyond reading the files they name: print a credential a tool
// keeps, send or serve a whole folder, print nothing of what they read, print the environment. Used by the resolve
// stage (commandFlow.ts).
import { assignment } from './shellExpand';
import type { TreeRead } from './treeReads';

const SECRET_KEY = /(secret|token|passw|_auth|auth_|authtoken|_pass\b|session|private|credential)/i;

/**
 * Calls that mint a credential and print it: temporary keys (sts get-session-token, assume-role...), signed
 * database tokens (rds generate-db-auth-token), registry passwords and tokens (ecr, codeartifact, eks get-token).
 */
const AWS_MINTS = /^(sts (get-session-token|get-federation-token|assume-role\S*)|rds generate-db-auth-token|ecr get-login-password|ecr get-authorization-token|ecr-public get-login-password|codeartifact get-authorization-token|eks get-token|sso get-role-credentials|cognito-identity get-credentials-for-identity|iam create-access-key|iam create-service-specific-credential|lightsail get-relational-database-master-user-password)$/;

/** Options of a CLI that take no value: any other `--option` takes the next word (aws --profile NAME). */
const AWS_FLAGS = /^--(debug|no-paginate|no-verify-ssl|no-sign-request|no-cli-pager|no-cli-auto-prompt|cli-auto-prompt|version|dry-run|no-dry-run|generate-cli-skeleton|recursive|force|quiet|with-decryption|no-with-decryption|help)$/;

/**
 * A CLI's operands (subcommands and their arguments), without its options and the values they take: `aws
 * configure get --profile default KEY` has operands configure, get, KEY (not default).
 */
function operandsOf(program: string, args: string[]): string[] {
  if (program !== 'aws') return args.filter((a) => !a.startsWith('-'));
  const out: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!a.startsWith('-')) out.push(a);
    else if (a.startsWith('--') && !a.includes('=') && !AWS_FLAGS.test(a)) k++;
  }
  return out;
}

/** Whether program + args print a credential a tool keeps for the user (not a file the command names). */
export function printsCredential(program: string, args: string[]): boolean {
  const pos = operandsOf(program, args);
  const [a0, a1, a2] = pos;
  switch (program) {
    case 'aws':
      return (a0 === 'configure' && (a1 === 'export-credentials' || (a1 === 'get' && SECRET_KEY.test(a2 ?? '')))) || AWS_MINTS.test(`${a0 ?? ''} ${a1 ?? ''}`);
    case 'npm':
    case 'pnpm':
    case 'yarn':
      // config edit opens the user's .npmrc (its tokens) in an editor the line may choose (--editor cat).
      return (a0 === 'config' || a0 === 'c') && ((a1 === 'get' && SECRET_KEY.test(a2 ?? '')) || a1 === 'edit');
    case 'git':
      return (a0 === 'credential' && (a1 === 'fill' || a1 === 'get')) || (/^credential-/.test(a0 ?? '') && a1 === 'get');
    case 'gh':
      return a0 === 'auth' && (a1 === 'token' || (a1 === 'status' && args.some((a) => a === '-t' || a === '--show-token')));
    case 'glab':
      return a0 === 'auth' && a1 === 'status' && args.some((a) => a === '-t' || a === '--show-token');
    case 'security':
      return /^find-(generic|internet)-password$/.test(a0 ?? '') && args.some((a) => a === '-w' || a === '-g');
    case 'gcloud':
      return a0 === 'auth' && /^(print-access-token|print-identity-token|application-default)$/.test(a1 ?? '') && (a1 !== 'application-default' || a2 === 'print-access-token');
    case 'az':
      return a0 === 'account' && a1 === 'get-access-token';
    case 'vault':
      return a0 === 'read' || (a0 === 'kv' && a1 === 'get') || (a0 === 'print' && a1 === 'token') || (a0 === 'token' && a1 === 'create');
    case 'op':
      return a0 === 'read' || (a0 === 'item' && a1 === 'get' && args.some((a) => /^--(reveal|fields)/.test(a)));
    case 'heroku':
      return a0 === 'auth:token';
    case 'secret-tool':
      return a0 === 'lookup';
    case 'kubectl':
      return a0 === 'config' && a1 === 'view' && args.includes('--raw');
    default:
      return /^docker-credential-/.test(program) && a0 === 'get';
  }
}

/**
 * Folders sent or served as a whole: `aws s3 cp|sync|mv DIR s3://...` (recursive), `gsutil cp -r`/`rsync`,
 * `rclone copy|sync|move`, and a folder served on the network (`python -m http.server [--directory DIR]`).
 */
export function uploadTree(program: string, args: string[]): TreeRead | undefined {
  const pos = args.filter((a) => !a.startsWith('-'));
  const whole = (dir: string | undefined): TreeRead | undefined => (dir === undefined ? undefined : { program: `${program} ${pos[0] ?? ''}`.trim(), dirs: [dir], excludes: [], includes: [], skipsHidden: false, respectsGitignore: false });
  if (program === 'aws' && pos[0] === 's3' && /^(cp|sync|mv)$/.test(pos[1] ?? '') && (pos[1] === 'sync' || args.includes('--recursive'))) return whole(pos.slice(2).find((a) => !/^s3:/.test(a)));
  if (program === 'gsutil' && (pos[0] === 'rsync' || (pos[0] === 'cp' && args.some((a) => /^-[A-Za-z]*[rR]/.test(a))))) return whole(pos.slice(1).find((a) => !/^gs:/.test(a)));
  if (program === 'rclone' && /^(copy|sync|move)$/.test(pos[0] ?? '')) return whole(pos[1]);
  if (program === 'gcloud' && pos[0] === 'storage' && /^(cp|rsync)$/.test(pos[1] ?? '') && (pos[1] === 'rsync' || args.some((a) => /^(-r|-R|--recursive)$/.test(a)))) return whole(pos.slice(2).find((a) => !/^gs:/.test(a)));
  if (program === 'az' && pos[0] === 'storage' && /^upload-batch$/.test(pos[2] ?? '')) return whole(args[args.findIndex((a) => a === '-s' || a === '--source') + 1]);
  if (program === 'azcopy' && /^(copy|cp|sync)$/.test(pos[0] ?? '')) return whole(pos[1]);
  if (program === 's3cmd' && (pos[0] === 'sync' || (pos[0] === 'put' && args.some((a) => /^(-r|--recursive)$/.test(a))))) return whole(pos.slice(1).find((a) => !/^s3:/.test(a)));
  // Web servers for a folder: http-server, serve, live-server [DIR]; php -S ADDR [-t DIR].
  if (/^(http-server|serve|live-server|static-server)$/.test(program)) return whole(args.find((a, k) => !a.startsWith('-') && !/^(-[pa]|--port|--address|--listen|-l)$/.test(args[k - 1] ?? '')) ?? '.');
  // busybox httpd [-h DIR], ngrok http file://DIR, caddy file-server [--root DIR], miniserve/darkhttpd DIR: a folder on the network.
  if (program === 'httpd' || program === 'webfsd') {
    const h = args.findIndex((x) => x === '-h' || x === '-r');
    return whole(h >= 0 ? args[h + 1] : '.');
  }
  if (program === 'ngrok' || program === 'cloudflared' || program === 'zrok') {
    const served = args.find((x) => /^file:\/\//.test(x));
    if (served) return whole(served.slice(7) || '/');
  }
  if (program === 'caddy' && pos[0] === 'file-server') {
    const r = args.findIndex((x) => x === '--root' || x === '-r');
    return whole(r >= 0 ? args[r + 1] : '.');
  }
  if (/^(miniserve|darkhttpd|updog|simple-http-server|dufs|goshs)$/.test(program)) {
    const d = args.findIndex((x) => x === '-d' || x === '--directory' || x === '--dir' || x === '-r' || x === '--root');
    return whole(d >= 0 ? args[d + 1] : args.find((x, k) => !x.startsWith('-') && !/^-/.test(args[k - 1] ?? '')) ?? '.');
  }
  if (program === 'php' && args.includes('-S')) {
    const t = args.indexOf('-t');
    return whole(t >= 0 ? args[t + 1] : '.');
  }
  if (program === 'python' && args.includes('-m') && /^(http\.server|SimpleHTTPServer|uploadserver|RangeHTTPServer)$/.test(args[args.indexOf('-m') + 1] ?? '')) {
    const at = args.findIndex((a) => a === '--directory' || a === '-d');
    return whole(at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--directory='))?.slice(12) ?? '.');
  }
  return undefined;
}

/**
 * Readers that print no content of what they read: `grep -q` (an exit status), `grep -c`/`-l`/`-L` (counts and
 * names), and filters that keep only the names of KEY=value lines (cut -d= -f1, awk -F= '{print $1}', a sed that cuts each line at its `=`).
 */
export function printsNoContent(program: string, args: string[]): boolean {
  if (/^(grep|egrep|fgrep|rg)$/.test(program)) {
    const flags = args.filter((a) => /^-[A-Za-z]+$/.test(a)).join('');
    const quiet = /[qclL]/.test(flags) || args.some((a) => /^--(quiet|silent|count|files-with-matches|files-without-match)$/.test(a));
    if (quiet && !/[oAB]/.test(flags) && !args.some((a) => /^--(only-matching|after-context|before-context|context)/.test(a)) && !probesValue(args)) return true;
  }
  if (program === 'sed' && sedInPlace(args)) return true;
  return keepsNamesOnly(program, args);
}

/**
 * A quiet grep whose pattern reaches past the `=` of KEY=value lines (`grep -q "^KEY=sk_test_$c"`): its exit status
 * tells one guess of the value from another, so a loop of them reads the value a character at a time.
 */
function probesValue(args: string[]): boolean {
  const patterns = args.filter((a, k) => (!a.startsWith('-') && !/^(-e|--regexp|-f|--file|-m|--max-count)$/.test(args[k - 1] ?? '')) || /^(-e|--regexp)$/.test(args[k - 1] ?? ''));
  return patterns.some((p) => /=(?!\.\*$|\$?$)/.test(p));
}

/** The values of an option as the program takes them, the last one winning: `-d=`, `-d =`, `--delimiter==`. */
function lastOption(args: string[], short: string, long: string): string | undefined {
  let value: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === short || a === long) value = args[++k];
    else if (a.startsWith(long + '=')) value = a.slice(long.length + 1);
    else if (a.startsWith(short) && !a.startsWith('--')) value = a.slice(short.length);
  }
  return value;
}

/**
 * A filter over KEY=value lines (a .env file, the environment) that prints only the names. Every option is read,
 * the last -d/-F winning, and any option or command not known here makes it a read of the values (fail closed):
 * `cut -d= -f1 -d,` splits on the comma, a sed `h` then `g` puts the held line back, `wc --files0-from=-` prints
 * its input as a file name in an error.
 */
export function keepsNamesOnly(program: string, args: string[]): boolean {
  const options = args.filter((a) => a.startsWith('-') && a !== '-');
  switch (program) {
    case 'cut': {
      if (options.some((a) => !/^(-d.*|-f.*|-s|--only-delimited|--delimiter(=.*)?|--fields(=.*)?)$/.test(a))) return false;
      return lastOption(args, '-d', '--delimiter') === '=' && lastOption(args, '-f', '--fields') === '1';
    }
    case 'awk':
    case 'gawk':
    case 'mawk': {
      if (options.some((a) => !/^(-F.*|--field-separator(=.*)?)$/.test(a))) return false;
      const text = args.find((a, k) => !a.startsWith('-') && !/^(-F|--field-separator)$/.test(args[k - 1] ?? ''));
      // An optional pattern (NF, /^[A-Z]/, !/^#/), then a single `print $1`.
      return lastOption(args, '-F', '--field-separator') === '=' && /^\s*(?:NF|!?\/[^/]*\/)?\s*\{\s*print\s+\$1\s*;?\s*\}\s*$/.test(text ?? '');
    }
    case 'sed': {
      const scripts: string[] = [];
      for (let k = 0; k < args.length; k++) {
        const a = args[k];
        if (a === '-e' || a === '--expression') scripts.push(args[++k] ?? '');
        else if (/^-[Er]+$|^--regexp-extended$/.test(a)) continue;
        else if (a.startsWith('-')) return false;
        else if (!scripts.length) scripts.push(a);
      }
      // Each command deletes lines or cuts each line from its first `=` (s/=.*//): no other command runs.
      return scripts.length > 0 && scripts.every((t) => t.split(/[;\n]/).every((cmd) => NAME_CUT.test(cmd) || /^\s*(?:\/(?:[^/\\]|\\.)*\/|\d+)?\s*d\s*$/.test(cmd)));
    }
    case 'grep':
    case 'egrep': {
      // grep -o '^[A-Z_]*': only what an anchored pattern of name characters matches, never past the `=`.
      if (!options.every((a) => /^-[oEiHhnrs]+$|^--(only-matching|extended-regexp|ignore-case|no-filename|with-filename|line-number)$/.test(a))) return false;
      if (!options.some((a) => /^-[A-Za-z]*o/.test(a) || a === '--only-matching')) return false;
      const pattern = args.find((a) => !a.startsWith('-'));
      return pattern !== undefined && NAME_PATTERN.test(pattern);
    }
    case 'wc':
      return options.every((a) => /^-[lwcmL]+$|^--(lines|words|chars|bytes|max-line-length)$/.test(a));
    default:
      return false;
  }
}

// A sed command that cuts each line from its first `=` (s/=.*//, any delimiter, `$` and `g` allowed).
const NAME_CUT = /^\s*s([/|#:,@])=\.\*\$?\1\1g?\s*$/;
/** An anchored pattern made of name characters only: `^[A-Z_]*`, `^[A-Za-z0-9_]+`, `^\w+`. */
const NAME_PATTERN = /^\^(?:\[(?:[A-Za-z0-9_]|[A-Za-z0-9]-[A-Za-z0-9])+\]|\\w|[A-Za-z0-9_])(?:(?:\[(?:[A-Za-z0-9_]|[A-Za-z0-9]-[A-Za-z0-9])+\]|\\w|[A-Za-z0-9_])|[*+?]|\{\d+(?:,\d*)?\})*$/;

/**
 * `grep [-i] [-E] ^NAME`, `grep -E '^(A|B)='` after an environment print: the variables whose lines it keeps, as a
 * pattern over names; undefined when any other option (-v, --invert-match, -A...) or pattern may keep other lines.
 */
export function grepKeptNames(program: string, args: string[]): RegExp | undefined {
  if (!/^(grep|egrep)$/.test(program)) return undefined;
  let extended = program === 'egrep';
  let ignoreCase = false;
  const patterns: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-e' || a === '--regexp') patterns.push(args[++k] ?? '');
    else if (a.startsWith('--regexp=')) patterns.push(a.slice(9));
    else if (a === '--extended-regexp') extended = true;
    else if (a === '--ignore-case') ignoreCase = true;
    else if (/^-[iE]+$/.test(a)) {
      extended ||= a.includes('E');
      ignoreCase ||= a.includes('i');
    } else if (a.startsWith('-')) return undefined;
    else patterns.push(a);
  }
  if (patterns.length !== 1) return undefined;
  const p = extended ? patterns[0] : patterns[0].replace(/\\([()|])/g, '$1');
  if (!extended && /(?<!\\)[()|]/.test(patterns[0])) return undefined;
  const m = /^\^(?:\(([A-Za-z_]\w*(?:\|[A-Za-z_]\w*)*)\)|([A-Za-z_]\w*))(=?)$/.exec(p);
  if (!m) return undefined;
  return new RegExp(`^(?:${m[1] ?? m[2]})${m[3] ? '$' : ''}`, ignoreCase ? 'i' : '');
}

/** One sed command that only substitutes or deletes lines (an address, then `s/a/b/flags` without w or e, or `d`). */
const SED_EDIT = /^\s*(?:(?:\d+|\$|\/(?:[^/\\]|\\.)*\/I?)(?:\s*,\s*(?:\d+|\$|\/(?:[^/\\]|\\.)*\/I?))?\s*)?(?:d|s([/|#:,@])(?:(?!\1)[^\\]|\\.)*\1(?:(?!\1)[^\\]|\\.)*\1[gIi0-9]*)\s*$/;

/**
 * `sed -i` whose script only substitutes or deletes lines: it writes back into the file and prints nothing. A script
 * with any other command (w FILE copies lines elsewhere, e runs a command, r reads another file, p prints with
 * --debug...) or another option is judged as a read.
 */
function sedInPlace(args: string[]): boolean {
  const scripts: string[] = [];
  let inPlace = false;
  let files = 0;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    // A backup suffix with a / (`-i'/tmp/bk/*'`) writes a copy of the file elsewhere.
    if (/^(-i[^/\s]*|--in-place(=[^/]*)?)$/.test(a)) inPlace = true;
    else if (a === '-e' || a === '--expression') scripts.push(args[++k] ?? '');
    else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
    else if (/^-[ErsuzE]+$|^--(regexp-extended|separate|null-data|unbuffered)$/.test(a)) continue;
    else if (a.startsWith('-')) return false;
    else if (!scripts.length) scripts.push(a);
    else files++;
  }
  return inPlace && files > 0 && scripts.length > 0 && scripts.every((t) => t.split(/[;\n]/).every((cmd) => SED_EDIT.test(cmd)));
}

/** docker/podman options that take the next word as their value. */
const CONTAINER_VALUED = /^(-[ehlmpuvw]|--(env|env-file|name|network|user|workdir|volume|mount|publish|label|entrypoint|platform|hostname|memory|cpus|add-host|device|cap-add|cap-drop|pull|restart|log-driver|log-opt|tmpfs|ulimit|gpus|ipc|pid|runtime|security-opt|stop-signal|userns|uts|volumes-from))$/;

/**
 * `docker run [OPTIONS] IMAGE [COMMAND...]` (podman, nerdctl alike): the host variables handed in by name
 * (`-e NAME`, no value: the host's value) and the command the container runs.
 */
export function containerRun(program: string, args: string[]): { passed: string[]; command: string[] } | undefined {
  if (!/^(docker|podman|nerdctl)$/.test(program) || !/^(run|exec)$/.test(args[0] ?? '')) return undefined;
  const passed: string[] = [];
  let k = 1;
  for (; k < args.length && args[k].startsWith('-'); k++) {
    const a = args[k];
    const env = /^(?:-e|--env)(?:=(.*))?$/.exec(a);
    const value = env ? (env[1] ?? args[k + 1] ?? '') : undefined;
    if (value !== undefined && /^[A-Za-z_]\w*$/.test(value)) passed.push(value);
    if (CONTAINER_VALUED.test(a)) k++;
  }
  // exec CONTAINER COMMAND, run IMAGE COMMAND: the first word after the options is the image or container.
  return { passed, command: args.slice(k + 1) };
}

/** `env` with no command after its options and assignments prints the environment (`env -u PATH`), unless -i empties it. */
export function envPrints(args: string[]): boolean {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-i' || a === '-' || a === '--ignore-environment' || /^-S|^--split-string/.test(a)) return false;
    if (/^(-u|--unset|-C|--chdir)$/.test(a)) k++;
    else if (!a.startsWith('-') && !assignment(a)) return false;
  }
  return true;
}

/**
 * Programs that show an argument or their input in their output or in an error (`date +"$K"` prints the format,
 * `ls "$URL"` names the file it cannot find, `head <<< "$K"` prints its input): a variable expanded there is shown.
 */
export const SHOWS_ARGUMENTS = new Set(['date', 'ls', 'dir', 'vdir', 'stat', 'file', 'du', 'head', 'tail', 'less', 'more', 'most', 'sort', 'uniq', 'nl', 'fold', 'fmt', 'pr', 'tac', 'cut', 'paste', 'column', 'strings', 'expand', 'unexpand', 'comm', 'join', 'cat', 'bat', 'batcat', 'nano', 'vim', 'vi', 'nvim', 'ex', 'view', 'emacs', 'ed', 'numfmt', 'basename', 'dirname', 'realpath', 'readlink', 'mkdir', 'touch', 'seq', 'factor', 'expr', 'yes', 'banner', 'figlet', 'toilet', 'cowsay', 'wall', 'write', 'notify-send', 'say', 'espeak']);

/**
 * Environment variables an editor's own commands read (`vim -es -c 'put =$KEY' -c '%p'`): vim and ex expand
 * `$NAME` in their commands themselves, so single quotes do not keep it from the output.
 */
export function editorCommandNames(program: string, args: string[]): string[] {
  if (!/^(vim|vi|nvim|ex|view|gvim|evim|rvim)$/.test(program)) return [];
  const commands = args.filter((a, k) => a.startsWith('+') || /^(-c|--cmd|-S)$/.test(args[k - 1] ?? ''));
  return commands.flatMap((c) => [...c.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]));
}

/**
 * Arguments that name files a program leaves out (`grep --exclude=.env`, `tar --exclude .env`, `zip -x .env
 * 'deploy/*'`, `rg -g '!.env'`): patterns, not files it reads. Their indexes in args.
 */
export function excludedArguments(program: string, args: string[]): Set<number> {
  const out = new Set<number>();
  let inZipList = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (program === 'zip' && (a === '-x' || a === '--exclude')) {
      inZipList = true;
      out.add(k);
      continue;
    }
    if (a.startsWith('-')) inZipList = false;
    if (inZipList) out.add(k);
    else if (/^--(exclude|exclude-dir|ignore|ignore-dir)=/.test(a) || /^--(glob|iglob)=!/.test(a)) out.add(k);
    else if (/^--(exclude|exclude-dir|ignore|ignore-dir)$/.test(a) || (/^(-g|--glob|--iglob)$/.test(a) && (args[k + 1] ?? '').startsWith('!'))) {
      out.add(k);
      out.add(++k);
    }
  }
  return out;
}

/**
 * Files a sender reads and sends (`curl -F 'f=<FILE'`, `-F 'f=@FILE;type=…'`, `-d @FILE`, `-T FILE`, `--variable
 * NAME@FILE`, `wget --post-file=FILE`, `http f=@FILE`), and environment variables it reads itself (`curl
 * --variable %NAME`).
 */
export function senderInputs(program: string, args: string[]): { files: string[]; envNames: string[] } {
  const files: string[] = [];
  const envNames: string[] = [];
  if (program !== 'curl' && program !== 'wget' && program !== 'http' && program !== 'https' && program !== 'xh') return { files, envNames };
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const long = /^(--[\w-]+)=(.*)$/s.exec(a);
    const option = long ? long[1] : a;
    const value = long ? long[2] : /^-[FdT]$|^--(form|data|data-binary|data-raw|data-urlencode|data-ascii|json|upload-file|variable|post-file|body-file|config)$/.test(a) ? args[++k] ?? '' : a;
    if (/^(-F|--form)$/.test(option)) {
      // name=<FILE sends its content as the field, name=@FILE as a file; ;type=… and ;filename=… follow.
      const m = /^[^=]*=[<@]([^;]*)/.exec(value);
      if (m) files.push(m[1]);
    } else if (/^--variable$/.test(option)) {
      const m = /^%([A-Za-z_]\w*)/.exec(value) ?? /^[^@=]*@(.+)$/.exec(value);
      if (m && value.startsWith('%')) envNames.push(m[1]);
      else if (m) files.push(m[1]);
    } else if (/^(-d|--data|--data-binary|--data-urlencode|--data-ascii|--json)$/.test(option)) {
      const m = /^(?:[^=@]*=)?@(.+)$/.exec(value);
      if (m) files.push(m[1]);
    } else if (/^(-T|--upload-file|--post-file|--body-file|-K|--config)$/.test(option)) files.push(value);
    else if (program !== 'curl' && program !== 'wget') {
      // httpie: field=@FILE, field:=@FILE, field=@FILE;type=…, @FILE as the body.
      const m = /^(?:[^=:@]*:?=)?@([^;]+)/.exec(value);
      if (m) files.push(m[1]);
    }
  }
  return { files: files.filter((f) => f && f !== '-'), envNames };
}

/** `ssh -i KEY`, `scp -i KEY`: the key is used to sign in, not shown. Indexes of the key arguments. */
export function identityArguments(program: string, args: string[]): Set<number> {
  const out = new Set<number>();
  if (!/^(ssh|scp|sftp|autossh|mosh)$/.test(program)) return out;
  args.forEach((a, k) => {
    if (a === '-i') out.add(k + 1);
    if (/^-i./.test(a)) out.add(k);
  });
  return out;
}

/**
 * Runs that only check a script's syntax or print what would run: `bash -n`, `node --check`, `make -n`. The script
 * is not run, so what it would read is not read.
 */
export function onlyChecks(program: string, args: string[]): boolean {
  if (program === 'make' || program === 'gmake') return args.some((a) => /^-[A-Za-z]*n[A-Za-z]*$|^--(dry-run|just-print|recon)$/.test(a) && !/^-[A-Za-z]*[pfCI]/.test(a));
  if (program === 'node') return args.some((a) => a === '--check' || a === '-c') && !args.some((a) => /^(-e|-p|--eval|--print|-pe|-r|--require|--import|--loader|--experimental-loader)$/.test(a));
  return false;
}

/** Shells given -n (noexec): they read the script and run nothing. */
export function shellOnlyChecks(args: string[]): boolean {
  for (const a of args) {
    if (!a.startsWith('-')) return false;
    if (/^-[A-Za-z]*c/.test(a)) return false;
    if (/^-[A-Za-z]*n/.test(a) || a === '--noexec') return true;
  }
  return false;
}

/**
 * `docker compose --env-file FILE up -d` (and down, stop, start, restart, pull, ps): the file's values fill in the
 * compose file for containers that run detached; nothing of them is printed. (`config` prints them resolved, an
 * attached `up` or `run` prints what the containers print: the file is judged as read there.) Index of FILE.
 */
export function composeEnvFiles(program: string, args: string[]): Set<number> {
  const out = new Set<number>();
  const compose = program === 'docker-compose' || (/^(docker|podman)$/.test(program) && args[0] === 'compose');
  if (!compose) return out;
  const files = new Set<number>();
  let sub: string | undefined;
  let detached = false;
  for (let k = program === 'docker-compose' ? 0 : 1; k < args.length; k++) {
    const a = args[k];
    if (a === '--env-file') files.add(++k);
    else if (a.startsWith('--env-file=')) files.add(k);
    else if (/^(-f|--file|-p|--project-name|--profile|--project-directory|--ansi|--progress)$/.test(a)) k++;
    else if (sub === undefined && !a.startsWith('-')) sub = a;
    else if (a === '-d' || a === '--detach' || (sub === 'up' && /^-[A-Za-z]*d[A-Za-z]*$/.test(a))) detached = true;
  }
  if (sub === undefined || !(/^(down|stop|start|restart|pull|ps|kill|rm)$/.test(sub) || (sub === 'up' && detached))) return out;
  return files;
}
