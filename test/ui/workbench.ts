// What a person sees in the workbench, read through the DOM of a real VS Code in Chromium.
// UI checks open one with Workbench.open() in before() and close it in after().
import type { Frame, Locator, Page } from 'playwright-core';
import { launch, type LaunchOptions, type Session } from '../harness/launcher';

/** DOM id of the extension's status bar item: `<extension id>.<item id>`. */
export const POLICY_STATUS_ITEM = '#ai-tool-policy\\.ai-tool-policy\\.aiPolicy\\.status';
const TIMEOUT = 30_000;

export class Workbench {
  private constructor(readonly session: Session) {}

  /** Starts VS Code (no extensionTestsPath) and waits until the workbench and the extension's item show. */
  static async open(options: Omit<LaunchOptions, 'extensionTestsPath'>): Promise<Workbench> {
    const session = await launch({ ...options, name: `ui-${options.name}` });
    return Workbench.attach(session, options.name);
  }

  /** A workbench already loading in `session.page` (e.g. the demo's), once the extension's item shows. */
  static async attach(session: Session, name: string): Promise<Workbench> {
    const wb = new Workbench(session);
    try {
      await session.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await session.page.locator(POLICY_STATUS_ITEM).waitFor({ timeout: 60_000 });
    } catch (e) {
      await wb.screenshot(`ui-${name}-open-failed`).catch(() => undefined);
      await session.close();
      throw e;
    }
    return wb;
  }

  get page(): Page {
    return this.session.page;
  }

  /** Texts of the visible status bar items, left to right (codicons dropped, whitespace collapsed). */
  async statusBarTexts(): Promise<string[]> {
    const texts = await this.page.locator('.statusbar .statusbar-item').allInnerTexts();
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0);
  }

  /** Text of one status bar item by DOM selector (default: the extension's policy item). */
  async statusItemText(selector = POLICY_STATUS_ITEM): Promise<string> {
    return (await this.page.locator(selector).innerText({ timeout: TIMEOUT })).replace(/\s+/g, ' ').trim();
  }

  /** The item's text once it has stayed the same for `quietMs` (status items update as the policy loads). */
  async settledStatusItemText(selector = POLICY_STATUS_ITEM, quietMs = 1000): Promise<string> {
    const deadline = Date.now() + TIMEOUT;
    let last = await this.statusItemText(selector);
    let since = Date.now();
    while (Date.now() - since < quietMs && Date.now() < deadline) {
      await this.page.waitForTimeout(200);
      const now = await this.statusItemText(selector);
      if (now !== last) [last, since] = [now, Date.now()];
    }
    return last;
  }

  /** Runs a command by its palette label, as a person would: F1, type, Enter. */
  async runCommand(label: string): Promise<void> {
    await this.quickInput('>' + label, label);
  }

  /** Runs a command whose first step is a quick pick or input box titled `title`; returns once that shows. */
  async runCommandWithInput(label: string, title: string): Promise<Locator> {
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor({ timeout: TIMEOUT });
    await input.fill('>' + label);
    await widget.locator('.monaco-list-row', { hasText: label }).first().waitFor({ timeout: TIMEOUT });
    await input.press('Enter');
    await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: TIMEOUT });
    return widget;
  }

  /** Opens a workspace file through Quick Open (path relative to the workspace). */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    await this.quickInput(relativePath, name);
    await this.page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ timeout: TIMEOUT });
  }

  private async quickInput(value: string, expectRow: string): Promise<void> {
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: TIMEOUT });
    await input.fill(value);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: expectRow }).first().waitFor({ timeout: TIMEOUT });
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  /** Messages of the toasts showing now. */
  async toasts(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
  }

  /** Opens the notification centre and returns its messages (toasts often hide before a check looks). */
  async notifications(): Promise<string[]> {
    const centre = this.page.locator('.notifications-center');
    if (!(await centre.isVisible())) await this.runCommand('Notifications: Show Notifications');
    await centre.waitFor({ timeout: TIMEOUT });
    return centre.locator('.notification-list-item-message').allInnerTexts();
  }

  /**
   * Empties the notification centre. Its list renders only the rows in view and puts the newest on top: once
   * earlier notifications overflow it, a new one can be present but not in the DOM. Clear it before an action
   * whose notification a check waits for.
   */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  /**
   * The first notification matching `match`, waited for in the notification centre (opened if closed): a
   * notification comes after the work it reports, and while the centre is open no toast is shown for it.
   */
  async waitForNotification(match: string | RegExp, timeout = TIMEOUT): Promise<string> {
    const hit = (m: string) => (typeof match === 'string' ? m.includes(match) : match.test(m));
    const until = Date.now() + timeout;
    let messages = await this.notifications();
    while (!messages.some(hit)) {
      if (Date.now() > until) {
        const shot = await this.screenshot(`notification-missing-${Date.now()}`).catch(() => 'no screenshot');
        throw new Error(`no notification matching ${String(match)} within ${timeout} ms (${shot}); shown: ${JSON.stringify(messages)}`);
      }
      await this.page.waitForTimeout(250);
      messages = await this.notifications();
    }
    return messages.find(hit) as string;
  }

  /** Opens the Problems panel and returns its rows (file rows and marker rows, as shown). */
  async problems(): Promise<string[]> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    const rows = await panel.locator('.monaco-list-row').allInnerTexts();
    return rows.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The content frame of the first webview whose document contains `text` (waits for it). */
  async webviewWithText(text: string, timeoutMs = TIMEOUT): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (!frame.url().includes('fake.html') && frame.name() !== 'active-frame') continue;
        const found = await frame.locator('body', { hasText: text }).count().catch(() => 0);
        if (found > 0) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no webview shows "${text}"`);
      await this.page.waitForTimeout(250);
    }
  }

  /** Waits until the locator's text matches. */
  async waitForText(locator: Locator, pattern: RegExp, timeoutMs = TIMEOUT): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await locator.innerText().catch(() => '');
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`text "${text}" never matched ${pattern}`);
      await this.page.waitForTimeout(200);
    }
  }

  /** test-output/screenshots/<name>.png */
  screenshot(name: string): Promise<string> {
    return this.session.screenshot(name);
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
