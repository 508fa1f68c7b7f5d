// What particular programs do with their arguments, beyond reading the files they name: print a credential a tool
// keeps, send or serve a whole folder, print nothing of what they read, print the environment. Used by the resolve
// stage (commandFlow.ts).
import { assignment } from './shellExpand';
import type { TreeRead } from './treeReads';

const SECRET_KEY = /(secret|token|passw|_auth|auth_|authtoken|_pass\b|session|private|credential)/i;

/** Whether program + args print a credential a tool keeps for the user (not a file the command names). */
export function printsCredential(program: string, args: string[]): boolean {
  const pos = args.filter((a) => !a.startsWith('-'));
  const [a0, a1, a2] = pos;
  switch (program) {
    case 'aws':
      return (a0 === 'configure' && (a1 === 'export-credentials' || (a1 === 'get' && SECRET_KEY.test(a2 ?? '')))) || (a0 === 'ecr' && a1 === 'get-login-password');
    case 'npm':
    case 'pnpm':
    case 'yarn':
      return (a0 === 'config' || a0 === 'c') && a1 === 'get' && SECRET_KEY.test(a2 ?? '');
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
  if (program === 'php' && args.includes('-S')) {
    const t = args.indexOf('-t');
    return whole(t >= 0 ? args[t + 1] : '.');
  }
  if (program === 'python' && args.includes('-m') && args[args.indexOf('-m') + 1] === 'http.server') {
    const at = args.findIndex((a) => a === '--directory' || a === '-d');
    return whole(at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--directory='))?.slice(12) ?? '.');
  }
  return undefined;
}

/**
 * Readers that print no content of what they read: `grep -q` (an exit status), `grep -c`/`-l`/`-L` (counts and
 * names), and `cut -d= -f1` (the names of KEY=value lines).
 */
export function printsNoContent(program: string, args: string[]): boolean {
  if (/^(grep|egrep|fgrep|rg)$/.test(program)) {
    const flags = args.filter((a) => /^-[A-Za-z]+$/.test(a)).join('');
    const quiet = /[qclL]/.test(flags) || args.some((a) => /^--(quiet|silent|count|files-with-matches|files-without-match)$/.test(a));
    return quiet && !/[oAB]/.test(flags) && !args.some((a) => /^--(only-matching|after-context|before-context|context)/.test(a));
  }
  if (program === 'sed') return sedInPlace(args);
  if (program === 'cut') {
    const joined = args.join(' ');
    if (/--complement/.test(joined)) return false; // every field but the first: the values
    return /(^|\s)(-d\s*'?=|-d=|--delimiter=?=)/.test(joined) && /(^|\s)(-f\s*1|--fields=1)(?![-,\d])/.test(joined);
  }
  return false;
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
