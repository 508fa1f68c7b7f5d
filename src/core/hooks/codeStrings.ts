// What a piece of inline code (python -c, node -e, a script the agent wrote) names: its string literals, the
// environment variables it reads, and whether it prints the whole environment. A guard over data: the literal
// '.env' in any language names the file, whatever function opens it.

/** String literals of the code ('...', "...", `...`), escapes and hex decoded, with literals joined by `+`, `.` or `||` folded together. */
export function stringLiterals(code: string, limit = 500): string[] {
  // chr(46), CHAR(46), String.fromCharCode(46): the characters, as a literal; then '.e' + 'nv', ".e"."nv" (PHP,
  // Perl), '.e' || 'nv' (SQL), '.e' 'nv' (Python): one literal, as the program builds it.
  const chars = code.replace(CHAR_CODES, (_m, codes: string) => `'${codes.split(',').map((n) => String.fromCharCode(Number(n) & 0xffff)).join('').replace(/['\\]/g, '\\$&')}'`);
  const folded = chars.replace(/(['"])\s*(?:[+.]|\|\|)\s*\1/g, '').replace(/(['"])[ \t]+\1/g, '');
  const out: string[] = [];
  const add = (raw: string): void => {
    // Perl and shell open modes ("<.env", "+< .env") and URL-ish file: prefixes name the same file.
    for (const text of [unescaped(raw), raw.replace(/\\(.)/g, '$1'), ...hexDecoded(raw)]) {
      const lit = text.replace(/^(?:\+?[<>]{1,2}\s*|file:\/\/)/, '');
      if (lit && lit.length < 4096) out.push(lit);
    }
  };
  const re = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (const text of folded === code ? [code] : [code, folded]) {
    let m: RegExpExecArray | null;
    re.lastIndex = 0;
    while ((m = re.exec(text)) && out.length < limit) add(m[1] ?? m[2] ?? m[3] ?? '');
  }
  // Literals one after another (the folding above reads a literal '.' as the operator): joined by position.
  for (const run of adjacentLiterals(chars)) if (out.length < limit) add(run);
  return [...new Set(out)];
}

/** Runs of quoted literals with only `+`, `.`, `||` or blanks between them, each run joined (raw, unescaped). */
function adjacentLiterals(text: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let end = -1;
  for (const m of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) {
    const at = m.index ?? 0;
    if (end >= 0 && /^\s*(?:[+.]|\|\|)?\s*$/.test(text.slice(end, at))) run.push(m[1] ?? m[2] ?? '');
    else {
      if (run.length > 1) out.push(run.join(''));
      run = [m[1] ?? m[2] ?? ''];
    }
    end = at + m[0].length;
    if (out.length >= 100) break;
  }
  if (run.length > 1) out.push(run.join(''));
  return out;
}

/** chr(N), char(N, M) (SQL), String.fromCharCode(N, M): characters written by their codes. */
const CHAR_CODES = /\b(?:chr|char|String\.fromCharCode)\s*\(\s*(\d{1,5}(?:\s*,\s*\d{1,5})*)\s*\)/gi;

/**
 * A literal's escapes as the language reads them: \xHH, \uHHHH, \u{H...}, \UHHHHHHHH, octal \NNN and the
 * one-letter escapes, so '\x2eenv' is the name '.env'.
 */
function unescaped(raw: string): string {
  return raw.replace(/\\(?:x([0-9A-Fa-f]{2})|u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([0-7]{1,3})|(.))/gs, (_m, x?: string, ub?: string, u?: string, U?: string, oct?: string, c?: string) => {
    const hex = x ?? ub ?? u ?? U;
    if (hex) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
    if (oct) return String.fromCharCode(parseInt(oct, 8) & 0xff);
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[c ?? ''] ?? c ?? '';
  });
}

/**
 * A literal written in hex (Buffer.from('2e656e76', 'hex'), bytes.fromhex(...), SQL x'2e656e76', '\\x2e...' in a
 * shell): the text it decodes to, when that is printable.
 */
function hexDecoded(raw: string): string[] {
  const hex = raw.replace(/\\x|^0x|[\s:]/gi, '');
  if (hex.length < 4 || hex.length % 2 || hex.length > 2048 || !/^[0-9A-Fa-f]+$/.test(hex) || /^\d+$/.test(hex)) return [];
  const text = Buffer.from(hex, 'hex').toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? [text] : [];
}

/**
 * Consecutive literals joined as path parts (os.path.join(home, '.aws', 'credentials')) and run together
 * (['.e', 'nv'].join(''), '.e'.concat('nv'), '%s%s' % ('.e', 'nv')): how code builds a name from pieces.
 */
export function joinedLiterals(literals: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < literals.length && out.length < 400; i++) {
    if (literals[i].length > 200 || literals[i + 1].length > 200) continue;
    out.push(`${literals[i]}/${literals[i + 1]}`, literals[i] + literals[i + 1]);
    if (i + 2 < literals.length && literals[i + 2].length <= 200) out.push(`${literals[i]}/${literals[i + 1]}/${literals[i + 2]}`, literals[i] + literals[i + 1] + literals[i + 2]);
  }
  return out;
}

/** The code builds a path on the user's home folder (process.env.HOME + '/.aws/credentials', Path.home() / '.ssh'). */
export function usesHomeFolder(code: string): boolean {
  return /process\.env(?:\.HOME\b|\.USERPROFILE\b|\[\s*['"`](?:HOME|USERPROFILE)['"`]\s*\])|\bhomedir\s*\(\s*\)|expanduser\s*\(|Path\.home\s*\(|environ(?:\.get)?\s*[[(]\s*['"](?:HOME|USERPROFILE)['"]|getenv\s*\(\s*['"](?:HOME|USERPROFILE)['"]|\$ENV\{\s*['"]?HOME|ENV(?:\.fetch\s*\(|\[)\s*['"]HOME['"]|Dir\.home\b|Deno\.env\.get\s*\(\s*['"]HOME['"]|Bun\.env\.HOME\b|\$env:(?:HOME|USERPROFILE)\b/i.test(code);
}

/**
 * The code reads a `.env` file through a dotenv library without naming it. Calls that return the values
 * (dotenv_values(), dotenv.parse, config().parsed) read it wherever they are; calls that only load it into the
 * environment count in code the agent writes inline, not in a project's own scripts (a server loading its
 * configuration is what the project does).
 */
export function readsDotenv(code: string, inline: boolean): boolean {
  if (/\bdotenv_values\s*\(|\bdotenv\.parse\s*\(|\.config\s*\([^)]*\)\s*\.parsed\b|\bDotenv\.parse\b|\bgodotenv\.(?:Read|Unmarshal)\b/.test(code)) return true;
  return inline && /\bload_dotenv\s*\(|\bdotenv['"]?\s*\)?\s*\.config\s*\(|\bconfig\s*as\s*\w+\s*}\s*from\s*['"]dotenv['"]|['"]dotenv\/config['"]|\bDotenv\.(?:load|overload)\b|\bgodotenv\.Load\b|--env-file/.test(code);
}

/** Environment variables the code reads by name, in the usual spellings of the common languages. */
export function environmentNames(code: string): string[] {
  const out = new Set<string>();
  const patterns = [
    /os\.environ(?:\.get)?\s*[[(]\s*['"]([A-Za-z_]\w*)['"]/g, // Python
    /os\.getenv\s*\(\s*['"]([A-Za-z_]\w*)['"]/g,
    /process\.env(?:\.([A-Za-z_]\w*)|\[\s*['"`]([A-Za-z_]\w*)['"`]\s*\])/g, // Node
    /Deno\.env\.get\s*\(\s*['"]([A-Za-z_]\w*)['"]/g,
    /ENV(?:\.fetch\s*\(|\[)\s*['"]([A-Za-z_]\w*)['"]/g, // Ruby
    /\$ENV\{\s*['"]?([A-Za-z_]\w*)['"]?\s*\}/g, // Perl
    /getenv\s*\(\s*['"]([A-Za-z_]\w*)['"]/g, // PHP, C, Lua (os.getenv)
    /\$env:([A-Za-z_]\w*)/gi, // PowerShell
    /Environment\]::GetEnvironmentVariable\(\s*['"]([A-Za-z_]\w*)['"]/gi,
    /\bENVIRON\s*\[\s*"([A-Za-z_]\w*)"\s*\]/g, // awk
    /\bBun\.env(?:\.([A-Za-z_]\w*)|\[\s*['"`]([A-Za-z_]\w*)['"`]\s*\])/g,
  ];
  // 'STRIPE_SECRET_' + 'KEY': the name as the program builds it.
  const folded = code.replace(/(['"`])\s*[+.]\s*\1/g, '');
  for (const text of folded === code ? [code] : [code, folded]) {
    for (const re of patterns) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        const name = m[1] ?? m[2];
        if (name) out.add(name);
      }
    }
  }
  return [...out];
}

/**
 * Inline code that reads an environment variable whose name it computes (process.env[prefix + 'KEY'],
 * os.environ[name], ENVIRON[k]): any variable may be the one shown, so it counts as showing them all. Only for
 * code the agent writes inline: a project's own configuration loader reads variables by computed names as a matter
 * of course.
 */
export function readsComputedEnvironmentName(code: string): boolean {
  const literalIndex = /^\s*(['"`])[A-Za-z_]\w*\1\s*\]/;
  for (const m of code.matchAll(/(?:process\.env|os\.environ|\bENVIRON|\bBun\.env|\bENV|\$_ENV|\$_SERVER)\s*\[/g)) {
    const rest = code.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 200).replace(/(['"`])\s*[+.]\s*\1/g, '');
    if (!literalIndex.test(rest)) return true;
  }
  // The environment under another name (from os import environ as e; posix.environ): any variable may be read.
  if (/\bfrom\s+(?:os|posix)\s+import\b[^\n;]*\benviron\b|\bposix\.environ\b|\bimport\s+os\s+as\s+\w+|\benviron\s*=\s*os\.environ/.test(code)) return true;
  return /\b(?:os\.getenv|os\.environ\.get|getenv|Deno\.env\.get|ENV\.fetch)\s*\(\s*(?!['"][A-Za-z_]\w*['"]\s*[,)])/.test(code);
}

/** The code prints or hands on the whole environment (not one variable by name). */
export function dumpsEnvironment(code: string): boolean {
  return /\/proc\/(?:self|\d+|\$\$|\$\{?BASHPID\}?)\/environ|\[environment\]::getenvironmentvariables\(\)|(?<!Object\.(?:keys|getOwnPropertyNames)\(\s*)process\.env\b(?!\s*(?:\.|\[|\?\.))|os\.environ\b(?!\s*(?:\.get\b|\[|\.keys\b))|ENV\.(?:to_h|to_a|each|inspect|keys\b(?!\s*\.))|%ENV\b|Deno\.env\.toObject|getenv\(\s*\)|\bprint_r\(\s*\$_(?:ENV|SERVER)|\bBun\.env\b(?!\s*(?:\.|\[|\?\.))|\bfor\s*\(\s*\w+\s+in\s+ENVIRON\s*\)/i.test(code);
}

const LIT = String.raw`(['"])((?:(?!\1)[^\\\n]|\\.){0,200})\1`;

/**
 * Names code computes from literals with text-only operations, as it would compute them: Python
 * `'.{}'.format('env')`, f-strings over literals, `'vne.'[::-1]`, `''.join(['.', 'env'])`, `.lower()`/`.upper()`,
 * `.replace('a', 'b')`; JavaScript `.toLowerCase()`/`.toUpperCase()`, template literals over literals.
 */
export function computedLiterals(code: string): string[] {
  const out = new Set<string>();
  const lits = (text: string): string[] => [...text.matchAll(new RegExp(LIT, 'g'))].map((m) => m[2]);
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\.format\\s*\\(([^()]{0,400})\\)`, 'g'))) {
    const args = lits(m[3]);
    let k = 0;
    out.add(m[2].replace(/\{(\d*)\}/g, (_x, n: string) => args[n ? Number(n) : k++] ?? ''));
  }
  for (const m of code.matchAll(/\b[fF](['"])((?:(?!\1)[^\n]){0,200})\1/g)) out.add(m[2].replace(/\{\s*(['"])([^'"{}]*)\1\s*\}/g, '$2'));
  for (const m of code.matchAll(/`([^`]{0,200})`/g)) if (m[1].includes('${')) out.add(m[1].replace(/\$\{\s*(['"])([^'"{}]*)\1\s*\}/g, '$2'));
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\[\\s*:\\s*:\\s*-1\\s*\\]`, 'g'))) out.add([...m[2]].reverse().join(''));
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\.join\\s*\\(\\s*[[(]([^()\\]]{0,400})[\\])]\\s*\\)`, 'g'))) out.add(lits(m[3]).join(m[2]));
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\.(lower|upper|toLowerCase|toUpperCase|casefold|strip|trim)\\s*\\(\\s*\\)`, 'g'))) {
    out.add(/^(lower|toLowerCase|casefold)$/.test(m[3]) ? m[2].toLowerCase() : /^(upper|toUpperCase)$/.test(m[3]) ? m[2].toUpperCase() : m[2].trim());
  }
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\.replace(?:All)?\\s*\\(\\s*${LIT.replaceAll('\\1', '\\3')}\\s*,\\s*${LIT.replaceAll('\\1', '\\5')}`, 'g'))) out.add(m[2].split(m[4]).join(m[6]));
  // '.%s' % 'env', '%s%s' % ('.', 'env')
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*%\\s*(\\([^()]{0,400}\\)|${LIT.replaceAll('\\1', '\\4')})`, 'g'))) {
    const args = lits(m[3]);
    let k = 0;
    out.add(m[2].replace(/%[-#0 +]*\d*(?:\.\d+)?[sdrai]/g, () => args[k++] ?? ''));
  }
  // 'x.env'[1:], 'abc'[a:b], '.env.x'.slice(0, 4), .substring(a, b), .substr(a, n)
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\[\\s*(-?\\d*)\\s*:\\s*(-?\\d*)\\s*(?::\\s*(-?\\d+)\\s*)?\\]`, 'g'))) {
    const [a, b, step] = [m[3], m[4], m[5]].map((x) => (x === undefined || x === '' ? undefined : Number(x)));
    const sliced = [...m[2]].slice(a, b);
    out.add((step !== undefined && step < 0 ? sliced.reverse() : sliced).join(''));
  }
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\.(slice|substring|substr)\\s*\\(\\s*(-?\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)`, 'g'))) {
    const a = Number(m[4]);
    const b = m[5] === undefined ? undefined : Number(m[5]);
    out.add(m[3] === 'substr' ? m[2].substr(a, b) : m[3] === 'substring' ? m[2].substring(a, b) : m[2].slice(a, b));
  }
  // '.vne'.split('').reverse().join('') and [...'x'].reverse().join('')
  for (const m of code.matchAll(new RegExp(`${LIT}\\s*\\.split\\(\\s*(['"])\\3\\s*\\)\\s*\\.reverse\\(\\)\\s*\\.join\\(\\s*(['"])\\4\\s*\\)`, 'g'))) out.add([...m[2]].reverse().join(''));
  return [...out].filter((x) => x && x.length <= 400);
}

/** Literals the code only tests for existence (os.path.exists('.env'), fs.existsSync('.env')), nowhere else. */
export function existenceOnly(code: string, literals: readonly string[]): Set<string> {
  const only = new Set<string>();
  for (const lit of literals) {
    const q = lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const all = code.match(new RegExp(`(['"\`])${q}\\1`, 'g'))?.length ?? 0;
    const tests = code.match(new RegExp(`\\b(?:existsSync|exists|isfile|isdir|lexists|is_file|exist\\?|file_exists|access(?:Sync)?)\\s*\\(\\s*(['"\`])${q}\\1\\s*[,)]`, 'g'))?.length ?? 0;
    if (all > 0 && tests === all) only.add(lit);
  }
  return only;
}
