// Which AI extensions were active while the developer edited in this window, per UTC day: an edit to a
// document (a file, an untitled file or a notebook cell: not output or settings views) notes today for
// each AI extension that is enabled and activated at that moment. The days are kept in the extension's
// global storage (merged with other windows' on every write) and travel with the inventory event.
import { promises as fs } from 'node:fs';
import path = require('node:path');
import vscode = require('vscode');
import { addActiveDay, mergeActiveDays, utcDay, type ActiveDays } from '../../core/tools/activeDays';
import { Disposable, toDisposable } from '../lifecycle';
import type { InventoryItem } from '../services';

const EDITED_SCHEMES = new Set(['file', 'untitled', 'vscode-notebook-cell', 'vscode-remote']);
/**
 * An edit is looked at most this often (typing fires on every key). Short: a look is a few map lookups, and a
 * long pause would miss an extension that activates just after a look (or a look before the inventory is in).
 */
const THROTTLE_MS = 1_000;
const SAVE_DELAY_MS = 2_000;

export class EditActivity extends Disposable {
  private days: ActiveDays = {};
  private lastLook = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly file: string;
  private readonly loaded: Promise<void>;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly items: () => readonly InventoryItem[],
    /** Told when a tool is seen active during editing for the first time on a day. */
    private readonly onNewDay: () => void,
  ) {
    super();
    this.file = path.join(context.globalStorageUri.fsPath, 'activity', 'active-days.json');
    this.loaded = this.read().then((stored) => {
      this.days = mergeActiveDays(stored, this.days);
    });
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && EDITED_SCHEMES.has(e.document.uri.scheme)) this.edited();
      }),
    );
    this._register(toDisposable(() => clearTimeout(this.saveTimer)));
  }

  /** The days (last 14, sorted) the tool was active during editing. */
  daysOf(id: string): string[] | undefined {
    const d = this.days[id];
    return d?.length ? [...d] : undefined;
  }

  /** Looks at the AI extensions now (the throttle is for typing, so tests and callers can force a look). */
  edited(force = false, now = new Date()): void {
    if (!force && now.getTime() - this.lastLook < THROTTLE_MS) return;
    this.lastLook = now.getTime();
    // Activation is read live: the inventory's flag is as of its last refresh.
    const ids = this.items()
      .filter((t) => t.source === 'extension' && t.enabled && vscode.extensions.getExtension(t.id)?.isActive)
      .map((t) => t.id);
    const day = utcDay(now);
    const fresh = ids.filter((id) => !this.days[id]?.includes(day));
    if (!addActiveDay(this.days, ids, day)) return;
    this.log.info(`Tools: active while editing on ${day}: ${fresh.join(', ')}`);
    this.days = mergeActiveDays(this.days, {}, now);
    this.scheduleSave();
    this.onNewDay();
  }

  private async read(): Promise<ActiveDays> {
    try {
      const v = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as ActiveDays) : {};
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn('Tools: could not read the active days; starting afresh', e);
      return {};
    }
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Writes the union of this window's days and the file's (other windows write it too). */
  save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      try {
        await this.loaded;
        this.days = mergeActiveDays(await this.read(), this.days);
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        const tmp = `${this.file}.${process.pid}.tmp`;
        await fs.writeFile(tmp, JSON.stringify(this.days));
        await fs.rename(tmp, this.file);
      } catch (e) {
        this.log.warn('Tools: could not save the active days (kept in memory)', e);
      }
    });
    return this.saving;
  }
}
