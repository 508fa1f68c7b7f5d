// Says once (per setting) when the organization's managed configuration overrides a value the person set.
import vscode = require('vscode');
import type { Services } from '../services';

const NOTICED_KEY = 'aiPolicy.managed.noticed';

export function noticeManagedOverrides(s: Services): void {
  const check = () => {
    const noticed = s.context.globalState.get<string[]>(NOTICED_KEY, []);
    const fresh = s.config.managed.overridden.filter((k) => !noticed.includes(k));
    if (!fresh.length) return;
    void s.context.globalState.update(NOTICED_KEY, [...noticed, ...fresh]);
    s.log.info(`managed configuration ${s.config.managed.path} overrides the user value of ${fresh.join(', ')}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Your organization manages {0} on this machine ({1}); your own value is ignored.', fresh.join(', '), s.config.managed.path),
    );
  };
  s.context.subscriptions.push(s.config.onDidChange(check));
  check();
}
