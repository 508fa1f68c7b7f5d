// Run with the editor in German (server --locale de): the extension's German bundles load through VS Code's
// own l10n API, every runtime message has a German text, and what the user sees (the viewer's tab, its words,
// the command titles) is German. A key missing from bundle.l10n.de.json fails here as in the unit test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { viewerStrings } from '../../../src/editor/policy/viewerStrings';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;

describe('German display language', () => {
  before(async () => {
    await extension().activate();
  });

  it('the editor and the extension host run in German', () => {
    assert.equal(vscode.env.language, 'de');
  });

  it('loads the German runtime bundle, which translates every English message', () => {
    const dir = path.join(extension().extensionPath, 'l10n');
    const english = readJson(path.join(dir, 'bundle.l10n.json'));
    const german = readJson(path.join(dir, 'bundle.l10n.de.json'));
    const loaded = vscode.l10n.bundle;
    assert.ok(loaded, 'vscode.l10n.bundle is not loaded');
    const missing = Object.keys(english).filter((k) => typeof loaded[k] !== 'string');
    assert.deepEqual(missing, []);
    for (const k of Object.keys(english)) assert.equal(loaded[k], german[k]);
    assert.equal(vscode.l10n.t('Prohibited'), 'Verboten');
    assert.equal(vscode.l10n.t('Thank you: version {0} of the AI tool policy is acknowledged.', 3), 'Vielen Dank: Version 3 der KI-Richtlinie ist bestätigt.');
  });

  it('sends the policy viewer its words in German', () => {
    const german = readJson(path.join(extension().extensionPath, 'l10n', 'bundle.l10n.de.json'));
    const s = viewerStrings();
    assert.equal(s.tools, 'KI-Tools');
    assert.equal(s.acknowledge, 'Bestätigen');
    const values = [...Object.entries(s).filter(([k]) => k !== 'statusNames').map(([, v]) => v as string), ...Object.values(s.statusNames)];
    const germanTexts = new Set(Object.values(german));
    assert.deepEqual(values.filter((v) => !germanTexts.has(v)), [], 'viewer words without a German text');
  });

  it('opens the policy viewer under its German title', async () => {
    await vscode.commands.executeCommand('aiPolicy.showPolicy');
    const label = await waitFor('the viewer tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview)?.label, 15_000);
    assert.equal(label, 'KI-Richtlinie');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the contributed command titles in German (package.nls.de.json)', () => {
    // A translated manifest keeps the English text beside the German one: { value, original }.
    type Text = string | { value: string; original: string };
    const shown = (t: Text) => (typeof t === 'string' ? t : t.value);
    const commands = extension().packageJSON.contributes.commands as { command: string; title: Text; category: Text }[];
    const show = commands.find((c) => c.command === 'aiPolicy.showPolicy');
    assert.ok(show);
    assert.equal(shown(show.title), 'Richtlinie anzeigen');
    assert.equal(shown(show.category), 'KI-Richtlinie');
    const german = readJson(path.join(extension().extensionPath, 'package.nls.de.json'));
    for (const c of commands) assert.equal(shown(c.title), german[`command.${c.command.replace(/^aiPolicy\./, '')}.title`], c.command);
  });
});
