// Line comment syntax per language, for the inline allow comment.

const HASH = ['python', 'shellscript', 'ruby', 'perl', 'r', 'yaml', 'toml', 'dockerfile', 'makefile', 'powershell', 'properties', 'dotenv', 'ini', 'elixir', 'julia', 'coffeescript', 'terraform', 'hcl', 'nix', 'graphql', 'cmake', 'conf', 'plaintext'];
const DASHES = ['sql', 'lua', 'haskell', 'elm', 'ada', 'vhdl'];
const PERCENT = ['latex', 'tex', 'erlang', 'matlab', 'prolog'];
const SEMI = ['clojure', 'lisp', 'scheme', 'racket', 'asm'];

/** [open, close] of a comment that can end a line in this language. */
export function lineComment(languageId: string, fileName = ''): [string, string] {
  if (/(^|[\\/])\.env(\.[^\\/]*)?$|\.(ya?ml|toml|ini|cfg|conf|properties|sh|py|rb|tf|tfvars)$/i.test(fileName)) return ['# ', ''];
  if (HASH.includes(languageId)) return ['# ', ''];
  if (DASHES.includes(languageId)) return ['-- ', ''];
  if (PERCENT.includes(languageId)) return ['% ', ''];
  if (SEMI.includes(languageId)) return ['; ', ''];
  if (['html', 'xml', 'markdown', 'vue-html', 'svg', 'xsl'].includes(languageId)) return ['<!-- ', ' -->'];
  if (languageId === 'css') return ['/* ', ' */'];
  if (languageId === 'bat') return ['REM ', ''];
  if (languageId === 'vb') return ["' ", ''];
  if (languageId === 'json') return ['', ''];
  return ['// ', ''];
}

/** The text to append to a line so that the finding of `ruleId` on it is allowed; undefined when the format has no comments. */
export function allowComment(languageId: string, ruleId: string, fileName = ''): string | undefined {
  const [open, close] = lineComment(languageId, fileName);
  if (!open) return undefined;
  return ` ${open}ai-policy:allow ${ruleId}${close}`;
}
