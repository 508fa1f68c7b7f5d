// How inline code reaches the environment beyond the spellings codeStrings knows, and the tests that only ask
// whether a variable is set: used by the resolve stage (commandFlow.ts) on code before it is judged.

/**
 * The code with its presence tests replaced by `true`: `'NAME' in os.environ`, `!!process.env.NAME`, `'NAME' in
 * process.env`, `os.getenv('NAME') is not None`, `Boolean(process.env.NAME)`. They print whether a variable is set,
 * none of its value; any other use of the same variable in the code is still judged.
 */
export function withoutPresenceTests(code: string): string {
  return code
    .replace(/(['"])[A-Za-z_]\w*\1\s+(?:not\s+)?in\s+os\.environ\b(?!\s*[.[(])/g, 'True')
    .replace(/(['"])[A-Za-z_]\w*\1\s+in\s+process\.env\b(?!\s*[.[(?])/g, 'true')
    .replace(/!!\s*process\.env(?:\.[A-Za-z_]\w*|\[\s*(['"`])[A-Za-z_]\w*\1\s*\])(?![\w.[(?])/g, 'true')
    .replace(/\bBoolean\s*\(\s*process\.env(?:\.[A-Za-z_]\w*|\[\s*(['"`])[A-Za-z_]\w*\1\s*\])\s*\)/g, 'true')
    .replace(/\bos\.(?:getenv|environ\.get)\s*\(\s*(['"])[A-Za-z_]\w*\1\s*\)\s+is\s+(?:not\s+)?None\b/g, 'True')
    .replace(/\bbool\s*\(\s*os\.(?:getenv|environ\.get)\s*\(\s*(['"])[A-Za-z_]\w*\1\s*\)\s*\)/g, 'True');
}

/**
 * The environment reached under spellings codeStrings does not list: Python's bytes view (`os.environb`), Node's
 * `process` taken apart (`const {env} = process`, `import {env} from 'node:process'`). Names read by a literal
 * index, and whether any variable may be read.
 */
export function environmentAliases(code: string): { names: string[]; any: boolean } {
  const names: string[] = [];
  let any = false;
  for (const m of code.matchAll(/\b(?:os|posix)\.environb\b(\s*(?:\.get\s*\(|\[)\s*b?(['"])([A-Za-z_]\w*)\2)?/g)) {
    if (m[3]) names.push(m[3]);
    else any = true;
  }
  if (/\{[^{}]*\benv\b[^{}]*\}\s*=\s*(?:globalThis\.|global\.)?(?:process\b|require\s*\(\s*['"](?:node:)?process['"]\s*\))|\bimport\s*\{[^{}]*\benv\b[^{}]*\}\s*from\s*['"](?:node:)?process['"]|\bimport\s+\*\s+as\s+\w+\s+from\s*['"](?:node:)?process['"]|\bgetenvb\s*\(/.test(code)) any = true;
  // The process object under another name (const p = process; p.env...): any variable may be read.
  if (/\b(?:const|let|var)\s+\w+\s*=\s*(?:globalThis\.|global\.)?process\s*[;,\n]|\bReflect\.get\s*\(\s*process\b|\bprocess\s*\[\s*['"`]env['"`]\s*\]/.test(code)) any = true;
  return { names, any };
}

/** A literal code hands to a function that runs a command line (`os.system('env')`, `execSync("printenv")`). */
export function runsLiteral(code: string, literal: string): boolean {
  const q = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b(?:system|popen|exec\\w*|spawn\\w*|run|call|check_output|check_call|getoutput|getstatusoutput|Popen|shell_exec|passthru|proc_open|IO\\.popen|Open3\\.\\w+)\\s*\\(\\s*\\[?\\s*(['"\`])${q}\\1`).test(code) || new RegExp(`(^|[^\\w])\`${q}\``).test(code);
}

/** The fixed prefixes keys are issued with (the kind of key, the same for every key of its kind). */
const KEY_PREFIX = /^(?:(?:sk|rk|pk)_(?:live|test)_|whsec_|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abprse]-|npm_|SG\.|AIza|hf_|sk-(?:proj-|ant-)?|[a-z][a-z0-9+.-]*:\/\/)/;
/** Characters past the known prefix a slice may show: too few to narrow a key down. */
const PAST_PREFIX = 2;

/**
 * A parameter expansion that shows only the start of a value, no further than its key's known prefix and a
 * character or two (`${KEY:0:8}` of sk_live_…: which kind of key is loaded). `op` is what follows the name.
 */
export function showsOnlyPrefix(op: string, value: string | undefined): boolean {
  const m = /^:\s*0\s*:\s*(\d+)$/.exec(op);
  if (!m || value === undefined) return false;
  const prefix = KEY_PREFIX.exec(value)?.[0].length ?? 0;
  return Number(m[1]) <= prefix + PAST_PREFIX;
}
