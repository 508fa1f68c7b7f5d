// The translation function the status and exception texts take: vscode.l10n.t in the editor, a plain
// placeholder filler in tests and the CLI. A leaf module, so the text modules do not import each other.
export type Translate = (message: string, ...args: (string | number)[]) => string;
