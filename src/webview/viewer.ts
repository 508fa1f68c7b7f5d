// Policy viewer webview script (runs in the webview, bundled by esbuild into dist/viewer.js). Receives the
// `model` message of src/editor/policy/viewerProtocol.ts with the words to show, already translated by the
// extension host, and renders it with DOM APIs; only the host's pre-escaped Markdown HTML is set as markup.
import type { HostToViewer, ViewerModel, ViewerState, ViewerStrings, ViewerToHost } from '../editor/policy/viewerProtocol';

interface WebviewApi {
  postMessage(message: ViewerToHost): void;
  getState(): ViewerState | undefined;
  setState(state: ViewerState): void;
}
declare function acquireVsCodeApi(): WebviewApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let restoreScroll = vscode.getState()?.scrollY;

type Child = Node | string | undefined | false;

function h(tag: string, attrs: Record<string, string> = {}, children: Child[] = []): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}
/** A translated message with its `{0}` placeholders filled in. */
function fmt(message: string, ...args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}
function rich(html: string): HTMLElement {
  const div = h('div', { class: 'md' });
  div.innerHTML = html; // escaped by the host renderer
  return div;
}
function badge(text: string, kind: string): HTMLElement {
  return h('span', { class: `badge ${kind}` }, [text]);
}
function statusBadge(s: ViewerStrings, value: string, kind: string): HTMLElement {
  return badge(s.statusNames[value] ?? value, kind);
}
const kindOf = (status: string, ok: string, warn: string) => (status === ok ? 'ok' : status === warn ? 'warn' : 'bad');
function section(id: string, title: string, children: Child[]): HTMLElement {
  return h('section', { id }, [h('h2', {}, [title]), ...children]);
}
function list(items: string[]): HTMLElement {
  return h('ul', {}, items.map((i) => h('li', {}, [i])));
}
function link(url: string, text?: string): HTMLElement {
  return h('a', { href: url }, [text || url]);
}
function post(msg: ViewerToHost): void {
  vscode.postMessage(msg);
}
function head(cells: string[]): HTMLElement {
  return h('thead', {}, [h('tr', {}, cells.map((t) => h('th', {}, [t])))]);
}

function render(m: ViewerModel | undefined, s: ViewerStrings): void {
  app.replaceChildren();
  if (!m) {
    app.append(h('p', { class: 'muted' }, [s.noPolicy]));
    return;
  }
  const flags: HTMLElement[] = [];
  if (m.expired) flags.push(badge(fmt(s.expired, m.expires ?? ''), 'bad'));
  if (m.reviewOverdue) flags.push(badge(fmt(s.reviewOverdueSince, m.nextReview), 'warn'));
  if (m.signature === 'valid') flags.push(badge(s.signatureVerified, 'ok'));
  else if (m.signature === 'unsigned') flags.push(badge(s.unsigned, 'muted'));

  const ack = m.acknowledgement;
  const ackBox = h('div', { class: `ack ${ack.acknowledged ? 'done' : ack.overdue ? 'bad' : ''}`, id: 'acknowledgement' }, [
    ack.acknowledged
      ? h('p', {}, [fmt(s.acknowledgedVersion, m.version)])
      : h('p', {}, [
          fmt(ack.required ? s.pleaseAcknowledge : s.versionOnly, m.version),
          ack.dueAt ? ` ${fmt(ack.overdue ? s.overdueSince : s.dueBy, ack.dueAt.slice(0, 10))}` : '',
          '.',
        ]),
    !ack.acknowledged && h('button', { id: 'ack-button', type: 'button' }, [s.acknowledge]),
  ]);

  const parts: Child[] = [
    h('header', {}, [
      h('h1', {}, [fmt(s.heading, m.organization)]),
      h('p', { class: 'meta' }, [fmt(s.meta, m.version, m.published, m.effective), m.expires ? fmt(s.metaExpires, m.expires) : '']),
      h('div', { class: 'flags' }, flags),
    ]),
    ackBox,
    m.problems.length ? h('div', { class: 'problems' }, [h('strong', {}, [s.problems]), list(m.problems)]) : false,
    m.changes ? section('changes', fmt(s.changesSince, m.changes.sinceVersion), [list(m.changes.items)]) : false,
    section('summary', s.summary, [rich(m.summaryHtml), m.documentUrl ? h('p', {}, [link(m.documentUrl, s.fullText)]) : false]),
    section('tools', s.tools, [toolsTable(m, s)]),
    section('data', s.data, [dataTable(m, s), m.dataRules.length ? rulesTable(m, s) : false]),
    m.mcp ? section('mcp', s.mcp, mcp(m.mcp, s)) : false,
    m.machine ? section('machine', s.machine, machine(m.machine, s)) : false,
    m.disclosure
      ? section('disclosure', s.disclosure, [
          h('p', {}, [m.disclosure.required ? s.discloseRequired : s.discloseOptional]),
          h('pre', {}, [m.disclosure.example]),
          m.disclosure.pullRequestSection ? h('p', {}, [fmt(s.pullRequests, m.disclosure.pullRequestSection)]) : false,
        ])
      : false,
    m.trainings.length ? section('training', s.training, [trainings(m, s)]) : false,
    ...m.sections.map((x, i) => section(`section-${i}`, x.title, [rich(x.html)])),
    section('review', s.review, [
      h('dl', {}, [
        h('dt', {}, [s.owner]), h('dd', {}, [m.owner]),
        h('dt', {}, [s.contact]), h('dd', {}, [m.contact]),
        h('dt', {}, [s.reviewedOn]), h('dd', {}, [m.reviewedOn]),
        h('dt', {}, [s.nextReview]), h('dd', { class: m.reviewOverdue ? 'bad' : '' }, [m.nextReview, m.reviewOverdue ? s.overdueMark : '']),
        h('dt', {}, [s.expires]), h('dd', { class: m.expired ? 'bad' : '' }, [m.expires || s.notSet, m.expired ? s.expiredMark : '']),
        h('dt', {}, [s.source]), h('dd', {}, [m.source]),
      ]),
      h('button', { id: 'refresh-button', type: 'button', class: 'secondary' }, [s.checkForUpdates]),
    ]),
  ];
  for (const part of parts) if (part) app.append(part);
}

function toolsTable(m: ViewerModel, s: ViewerStrings): HTMLElement {
  return h('table', {}, [
    head([s.tool, s.status, s.clearedFor, s.owner, s.conditions]),
    h('tbody', {}, m.tools.map((t) => h('tr', { class: t.status, id: `tool-${t.id}` }, [
      h('td', {}, [h('strong', {}, [t.name]), h('div', { class: 'muted small' }, [t.identifiers.join(', ')])]),
      h('td', {}, [statusBadge(s, t.status, kindOf(t.status, 'approved', 'restricted'))]),
      h('td', {}, [t.dataClasses.join(', ') || '—']),
      h('td', {}, [t.owner]),
      h('td', {}, [...t.conditions.map((c) => h('div', {}, [c])), t.notes ? h('div', { class: 'muted' }, [t.notes]) : false, t.requestAccess ? h('div', {}, [link(t.requestAccess, s.requestAccess)]) : false]),
    ]))),
  ]);
}
function dataTable(m: ViewerModel, s: ViewerStrings): HTMLElement {
  return h('table', {}, [
    head([s.dataClass, s.mayGoTo, s.description]),
    h('tbody', {}, m.dataClasses.map((c) => h('tr', {}, [
      h('td', {}, [h('strong', {}, [c.name]), h('div', { class: 'muted small' }, [c.id])]),
      h('td', { class: c.clearedFor.length ? '' : 'bad' }, [c.clearedFor.join(', ') || s.noAiTool]),
      h('td', {}, [c.description || '']),
    ]))),
  ]);
}
function rulesTable(m: ViewerModel, s: ViewerStrings): HTMLElement {
  return h('table', {}, [
    head([s.rule, s.marksAs, s.matches]),
    h('tbody', {}, m.dataRules.map((r) => h('tr', {}, [
      h('td', {}, [r.id, r.description ? h('div', { class: 'muted small' }, [r.description]) : false]),
      h('td', {}, [r.className]),
      h('td', {}, [...r.paths.map((p) => h('code', {}, [p])), r.pattern ? h('code', {}, [r.pattern]) : false]),
    ]))),
  ]);
}
function machine(x: NonNullable<ViewerModel['machine']>, s: ViewerStrings): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (x.managed.length) out.push(h('p', {}, [fmt(s.managedByOrg, x.managed.join(', '))]));
  if (!x.drift.length) {
    out.push(h('p', {}, [s.noDrift]));
    return out;
  }
  out.push(h('p', {}, [s.driftIntro]));
  out.push(
    h('table', {}, [
      head([s.setting, s.required, s.thisMachine, s.vscodePolicy]),
      h('tbody', {}, x.drift.map((d) => h('tr', {}, [
        h('td', {}, [h('code', {}, [d.setting])]),
        h('td', {}, [h('code', {}, [d.required])]),
        h('td', {}, [h('code', {}, [d.actual])]),
        h('td', {}, [d.policyName ? h('code', {}, [d.policyName]) : s.settingsOnly]),
      ]))),
    ]),
  );
  return out;
}
function mcp(x: NonNullable<ViewerModel['mcp']>, s: ViewerStrings): HTMLElement[] {
  const out = [
    h('p', {}, [x.unlisted === 'prohibited' ? s.unlistedMcpProhibited : s.unlistedMcpWarn]),
    h('table', {}, [
      head([s.server, s.status, s.clearedFor, s.owner, s.conditions]),
      h('tbody', {}, x.servers.map((v) => h('tr', {}, [
        h('td', {}, [h('strong', {}, [v.name]), v.target ? h('div', { class: 'muted small' }, [v.target]) : false]),
        h('td', {}, [statusBadge(s, v.status, kindOf(v.status, 'approved', 'restricted'))]),
        h('td', {}, [v.dataClasses.join(', ') || '—']),
        h('td', {}, [v.owner]),
        h('td', {}, v.conditions.map((c) => h('div', {}, [c]))),
      ]))),
    ]),
  ];
  if (x.agents) {
    out.push(h('p', {}, [s.autonomousMode, statusBadge(s, x.agents.autonomousMode, kindOf(x.agents.autonomousMode, 'allowed', 'restricted'))]));
    if (x.agents.requireConfirmation.length) out.push(h('p', {}, [fmt(s.confirmEvery, x.agents.requireConfirmation.join(', '))]));
    if (x.agents.notes) out.push(h('p', { class: 'muted' }, [x.agents.notes]));
  }
  return out;
}
function trainings(m: ViewerModel, s: ViewerStrings): HTMLElement {
  return h('table', {}, [
    head([s.training, s.status, s.due, '']),
    h('tbody', {}, m.trainings.map((t) => h('tr', {}, [
      h('td', {}, [link(t.url, t.title), t.basis ? h('div', { class: 'muted small' }, [t.basis]) : false]),
      h('td', {}, [statusBadge(s, t.state, kindOf(t.state, 'complete', 'due'))]),
      h('td', {}, [t.state === 'complete' ? (t.dueDate ? fmt(s.renewBy, t.dueDate) : fmt(s.doneOn, String(t.completedAt).slice(0, 10))) : t.dueDate || '']),
      h('td', {}, [t.state !== 'complete' ? h('button', { type: 'button', 'data-training': t.id, class: 'secondary' }, [s.completedIt]) : '']),
    ]))),
  ]);
}

function reveal(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.classList.add('highlight');
  setTimeout(() => el.classList.remove('highlight'), 2000);
}

document.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const a = target.closest('a');
  if (a) {
    e.preventDefault();
    post({ type: 'openLink', url: a.getAttribute('href') || '' });
    return;
  }
  const button = target.closest('button');
  if (!button) return;
  if (button.id === 'ack-button') post({ type: 'acknowledge' });
  else if (button.id === 'refresh-button') post({ type: 'refresh' });
  else if (button.dataset.training) post({ type: 'completeTraining', id: button.dataset.training });
});

// The scroll position survives a window reload (the panel serializer reopens the viewer with this state).
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => vscode.setState({ scrollY: window.scrollY }), 200);
});

window.addEventListener('message', (e: MessageEvent<HostToViewer>) => {
  const msg = e.data;
  if (msg?.type === 'model') {
    render(msg.model, msg.strings);
    if (restoreScroll !== undefined) {
      window.scrollTo(0, restoreScroll);
      restoreScroll = undefined;
    }
  } else if (msg?.type === 'reveal') reveal(msg.elementId);
});
post({ type: 'ready' });
