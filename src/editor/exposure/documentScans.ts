// Per-document scanning: sliced (never blocks), debounced on edits, and re-scanning only the edited region
// once the whole document has been scanned.
import vscode = require('vscode');
import { errorText } from '../../core/errorText';
import { scanning } from '../../core/lazyModules';
import type { Scanner } from '../../core/scan/scanner';
import type { Finding } from '../../core/scan/types';
import { Disposable, toDisposable } from '../lifecycle';

interface DocState {
  findings: Finding[];
  /** The document version the findings were last computed for (undefined until the first scan ends). */
  version?: number;
  /**
   * Whether the findings cover the whole text as the current scanner sees it: false from the start of a full
   * scan until it ends. An edit that cancels a full scan leaves the rest of the text unscanned, so the re-scan
   * after it is a full one, not one of the edited region.
   */
  whole?: boolean;
  cts?: vscode.CancellationTokenSource;
  timer?: ReturnType<typeof setTimeout>;
  /** Edited span in current offsets, pending a re-scan. */
  dirty?: [number, number];
}

const DEBOUNCE_MS = 300;
/** Below this size a whole (sliced) re-scan is as cheap as a region re-scan. */
const REGION_MIN = 64 * 1024;

export class DocumentScans extends Disposable {
  private readonly states = new Map<string, DocState>();

  constructor(
    private readonly scanner: () => Scanner | undefined,
    private readonly maxChars: () => number,
    private readonly onResult: (doc: vscode.TextDocument, findings: Finding[]) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(
      toDisposable(() => {
        for (const st of this.states.values()) {
          st.cts?.cancel();
          clearTimeout(st.timer);
        }
        this.states.clear();
      }),
    );
  }

  findings(uri: vscode.Uri): readonly Finding[] {
    return this.states.get(uri.toString())?.findings ?? [];
  }

  /** The document version the current findings belong to; undefined before the first scan has finished. */
  scannedVersion(uri: vscode.Uri): number | undefined {
    return this.states.get(uri.toString())?.version;
  }

  forget(uri: vscode.Uri): void {
    const st = this.states.get(uri.toString());
    st?.cts?.cancel();
    if (st?.timer) clearTimeout(st.timer);
    this.states.delete(uri.toString());
  }

  /** Full sliced scan (open, policy change). */
  async scan(doc: vscode.TextDocument): Promise<void> {
    const scanner = this.scanner();
    if (!scanner) return;
    const st = this.state(doc);
    st.cts?.cancel();
    const cts = (st.cts = new vscode.CancellationTokenSource());
    st.whole = false;
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    const version = doc.version;
    const text = this.textOf(doc);
    const result = await scanning().scanSliced(scanner.detector, { text, path: rel }, { token: cts.token });
    if (!result || cts.token.isCancellationRequested || this.isDisposed) return;
    st.findings = [...result.findings, ...(doc.uri.scheme === 'file' ? scanner.paths.match(rel) : [])];
    st.version = version;
    st.whole = true;
    st.dirty = undefined;
    this.onResult(doc, st.findings);
  }

  /** Keeps stored findings aligned with the edit at once; re-scans the edited region after a pause. */
  edited(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    const st = this.state(e.document);
    for (const c of e.contentChanges) {
      const start = c.rangeOffset;
      const oldEnd = start + c.rangeLength;
      const delta = c.text.length - c.rangeLength;
      st.findings = st.findings.flatMap((f) => {
        if (f.kind === 'path' || f.end <= start) return [f];
        if (f.start >= oldEnd) return [{ ...f, start: f.start + delta, end: f.end + delta }];
        return [];
      });
      const [ds, de] = st.dirty ?? [start, start];
      const shiftedEnd = de >= oldEnd ? de + delta : Math.max(de, start);
      st.dirty = [Math.min(ds, start), Math.max(shiftedEnd, start + c.text.length)];
    }
    st.cts?.cancel();
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => void this.rescan(e.document).catch((err: unknown) => this.log.error(errorText(`scan: re-scan of ${vscode.workspace.asRelativePath(e.document.uri, false)} failed; its findings are from before the edit:`, err))), DEBOUNCE_MS);
  }

  private async rescan(doc: vscode.TextDocument): Promise<void> {
    const st = this.state(doc);
    const scanner = this.scanner();
    if (!scanner || !st.whole || !st.dirty || doc.getText().length < REGION_MIN) return this.scan(doc);
    const version = doc.version;
    const text = this.textOf(doc);
    const [a, b] = st.dirty;
    const multiline = scanner.detector.rules.filter((r) => r.multiline).flatMap((r) => r.anchors);
    const [from, to] = scanning().regionToRescan(text, doc.positionAt(a).line, doc.positionAt(Math.min(b, text.length)).line, multiline);
    if (from === 0 && to === text.length) return this.scan(doc);
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    const fresh = scanning().scanRegion(scanner.detector, text, from, to, rel).findings;
    st.findings = [...st.findings.filter((f) => f.kind === 'path' || f.end <= from || f.start >= to), ...fresh].sort((x, y) => x.start - y.start);
    st.version = version;
    st.dirty = undefined;
    this.onResult(doc, st.findings);
  }

  private textOf(doc: vscode.TextDocument): string {
    const text = doc.getText();
    const max = this.maxChars();
    if (text.length > max) this.log.info(`scan: ${vscode.workspace.asRelativePath(doc.uri, false)} is larger than the size limit; only its beginning is scanned`);
    return text.length > max ? text.slice(0, max) : text;
  }

  private state(doc: vscode.TextDocument): DocState {
    const key = doc.uri.toString();
    let st = this.states.get(key);
    if (!st) this.states.set(key, (st = { findings: [] }));
    return st;
  }
}
