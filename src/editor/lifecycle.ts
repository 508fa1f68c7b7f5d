// The editor layer's disposable base: a class registers what it creates with `_register`, and once it is
// disposed anything registered later (the result of async work that finished late) is disposed at once,
// and `isDisposed` lets such work stop before touching disposed objects.
import type vscode = require('vscode');

export function toDisposable(dispose: () => void): vscode.Disposable {
  return { dispose };
}

/** Disposes in reverse order of registration; one failing disposal does not stop the others. */
export function disposeAll(disposables: vscode.Disposable[]): void {
  const errors: unknown[] = [];
  while (disposables.length) {
    try {
      disposables.pop()?.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several disposals failed');
}

export abstract class Disposable implements vscode.Disposable {
  private _isDisposed = false;
  private readonly _disposables: vscode.Disposable[] = [];

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables);
  }

  /** Keeps `value` until this object is disposed; disposes it at once when that already happened. */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }
}
