// The few parts of the built-in Git extension's API (version 1) that the tools area uses.
import vscode = require('vscode');

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
  readonly state: { readonly remotes: readonly { name: string; fetchUrl?: string; pushUrl?: string }[] };
}
export interface GitApi {
  /** `uninitialized` while Git still looks for the repositories of the workspace. */
  readonly state?: 'uninitialized' | 'initialized';
  readonly onDidChangeState?: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
}

/** The Git API when the built-in Git extension is present and enabled (it is absent in Restricted Mode). */
export async function gitApi(activate: boolean): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(v: 1): GitApi }>('vscode.git');
  if (!ext) return undefined;
  if (!ext.isActive && !activate) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.enabled === false ? undefined : exports.getAPI(1);
  } catch {
    return undefined;
  }
}

/** Remote URLs of the open repositories, for repository conditions. */
export function remoteUrls(api: GitApi | undefined): string[] {
  return (api?.repositories ?? []).flatMap((r) => r.state.remotes.map((x) => x.fetchUrl ?? x.pushUrl ?? '')).filter(Boolean);
}

/** Resolves once Git has looked for the workspace's repositories (at most `timeoutMs`), so that none is missed at start. */
export function gitInitialized(api: GitApi, timeoutMs = 5000): Promise<void> {
  if (api.state !== 'uninitialized' || !api.onDidChangeState) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const listener = api.onDidChangeState!((state) => state === 'initialized' && done());
  });
}
