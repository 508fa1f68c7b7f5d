// Policy viewer webview. Receives one `model` message (see src/editor/policy/viewerProtocol.ts) and
// renders it with DOM APIs; only the host's pre-escaped Markdown HTML is set as markup.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

  /** @param {string} tag @param {Record<string,string>} [attrs] @param {(Node|string|undefined|false)[]} [children] */
  function h(tag, attrs, children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    for (const c of children || []) if (c !== undefined && c !== false) el.append(c);
    return el;
  }
  /** @param {string} html */
  function rich(html) {
    const div = h('div', { class: 'md' });
    div.innerHTML = html; // escaped by the host renderer
    return div;
  }
  function badge(text, kind) {
    return h('span', { class: `badge ${kind}` }, [text]);
  }
  function section(id, title, children) {
    return h('section', { id }, [h('h2', {}, [title]), ...children]);
  }
  function list(items) {
    return h('ul', {}, items.map((i) => h('li', {}, [i])));
  }
  function post(msg) {
    vscode.postMessage(msg);
  }

  function render(m) {
    app.replaceChildren();
    if (!m) {
      app.append(h('p', { class: 'muted' }, ['No policy is in force. Set the policy source in the settings (AI Policy: Open Policy Settings).']));
      return;
    }
    const flags = [];
    if (m.expired) flags.push(badge(`Expired ${m.expires}`, 'bad'));
    if (m.reviewOverdue) flags.push(badge(`Review overdue since ${m.nextReview}`, 'warn'));
    if (m.signature === 'valid') flags.push(badge('Signature verified', 'ok'));
    else if (m.signature === 'unsigned') flags.push(badge('Unsigned', 'muted'));

    const ack = m.acknowledgement;
    const ackBox = h('div', { class: `ack ${ack.acknowledged ? 'done' : ack.overdue ? 'bad' : ''}`, id: 'acknowledgement' }, [
      ack.acknowledged
        ? h('p', {}, [`You acknowledged version ${m.version}.`])
        : h('p', {}, [
            ack.required ? `Please read and acknowledge version ${m.version}` : `Version ${m.version}`,
            ack.dueAt ? ` ${ack.overdue ? '(overdue since' : '(due by'} ${ack.dueAt.slice(0, 10)})` : '',
            '.',
          ]),
      !ack.acknowledged && h('button', { id: 'ack-button', type: 'button' }, ['Acknowledge']),
    ]);

    const parts = [
      h('header', {}, [
        h('h1', {}, [`${m.organization} AI tool policy`]),
        h('p', { class: 'meta' }, [`Version ${m.version} · published ${m.published} · effective ${m.effective}`, m.expires ? ` · expires ${m.expires}` : '']),
        h('div', { class: 'flags' }, flags),
      ]),
      ackBox,
      m.problems.length ? h('div', { class: 'problems' }, [h('strong', {}, ['The latest update could not be applied:']), list(m.problems)]) : false,
      m.changes ? section('changes', `What changed since version ${m.changes.sinceVersion} (the one you acknowledged)`, [list(m.changes.items)]) : false,
      section('summary', 'Summary', [rich(m.summaryHtml), m.documentUrl ? h('p', {}, [link(m.documentUrl, 'Full policy text')]) : false]),
      section('tools', 'AI tools', [toolsTable(m.tools)]),
      section('data', 'Data handling', [dataTable(m), m.dataRules.length ? rulesTable(m.dataRules) : false]),
      m.mcp ? section('mcp', 'MCP servers and agents', mcp(m.mcp)) : false,
      m.machine ? section('machine', 'This machine', machine(m.machine)) : false,
      m.disclosure ? section('disclosure', 'Disclosure', [
        h('p', {}, [m.disclosure.required ? 'Disclose AI assistance in every commit it contributed to:' : 'You may disclose AI assistance in commits:']),
        h('pre', {}, [m.disclosure.example]),
        m.disclosure.pullRequestSection ? h('p', {}, [`Pull requests: add a "${m.disclosure.pullRequestSection}" section.`]) : false,
      ]) : false,
      m.trainings.length ? section('training', 'Training', [trainings(m.trainings)]) : false,
      ...m.sections.map((s, i) => section(`section-${i}`, s.title, [rich(s.html)])),
      section('review', 'Review', [
        h('dl', {}, [
          h('dt', {}, ['Owner']), h('dd', {}, [m.owner]),
          h('dt', {}, ['Contact']), h('dd', {}, [m.contact]),
          h('dt', {}, ['Reviewed on']), h('dd', {}, [m.reviewedOn]),
          h('dt', {}, ['Next review']), h('dd', { class: m.reviewOverdue ? 'bad' : '' }, [m.nextReview, m.reviewOverdue ? ' (overdue)' : '']),
          h('dt', {}, ['Expires']), h('dd', { class: m.expired ? 'bad' : '' }, [m.expires || 'not set', m.expired ? ' (expired)' : '']),
          h('dt', {}, ['Source']), h('dd', {}, [m.source]),
        ]),
        h('button', { id: 'refresh-button', type: 'button', class: 'secondary' }, ['Check for updates']),
      ]),
    ];
    for (const part of parts) if (part) app.append(part);
  }

  function link(url, text) {
    return h('a', { href: url }, [text || url]);
  }
  function toolsTable(tools) {
    return h('table', {}, [
      h('thead', {}, [h('tr', {}, ['Tool', 'Status', 'Cleared for', 'Owner', 'Conditions'].map((t) => h('th', {}, [t])))]),
      h('tbody', {}, tools.map((t) => h('tr', { class: t.status, id: `tool-${t.id}` }, [
        h('td', {}, [h('strong', {}, [t.name]), h('div', { class: 'muted small' }, [t.identifiers.join(', ')])]),
        h('td', {}, [badge(t.status, t.status === 'approved' ? 'ok' : t.status === 'restricted' ? 'warn' : 'bad')]),
        h('td', {}, [t.dataClasses.join(', ') || '—']),
        h('td', {}, [t.owner]),
        h('td', {}, [...t.conditions.map((c) => h('div', {}, [c])), t.notes ? h('div', { class: 'muted' }, [t.notes]) : false, t.requestAccess ? h('div', {}, [link(t.requestAccess, 'Request access')]) : false]),
      ]))),
    ]);
  }
  function dataTable(m) {
    return h('table', {}, [
      h('thead', {}, [h('tr', {}, ['Data class', 'May go to', 'Description'].map((t) => h('th', {}, [t])))]),
      h('tbody', {}, m.dataClasses.map((c) => h('tr', {}, [
        h('td', {}, [h('strong', {}, [c.name]), h('div', { class: 'muted small' }, [c.id])]),
        h('td', { class: c.clearedFor.length ? '' : 'bad' }, [c.clearedFor.join(', ') || 'No AI tool']),
        h('td', {}, [c.description || '']),
      ]))),
    ]);
  }
  function rulesTable(rules) {
    return h('table', {}, [
      h('thead', {}, [h('tr', {}, ['Rule', 'Marks as', 'Matches'].map((t) => h('th', {}, [t])))]),
      h('tbody', {}, rules.map((r) => h('tr', {}, [
        h('td', {}, [r.id, r.description ? h('div', { class: 'muted small' }, [r.description]) : false]),
        h('td', {}, [r.className]),
        h('td', {}, [...r.paths.map((p) => h('code', {}, [p])), r.pattern ? h('code', {}, [r.pattern]) : false]),
      ]))),
    ]);
  }
  function machine(x) {
    const out = [];
    if (x.managed.length) out.push(h('p', {}, [`Managed by your organization: ${x.managed.join(', ')}. Your own values for these settings are ignored.`]));
    if (x.drift.length) {
      out.push(h('p', {}, ['VS Code settings this machine does not enforce as the policy requires (your administrator can enforce them with the VS Code policy file):']));
      out.push(h('table', {}, [
        h('thead', {}, [h('tr', {}, ['Setting', 'Required', 'This machine', 'VS Code policy'].map((t) => h('th', {}, [t])))]),
        h('tbody', {}, x.drift.map((d) => h('tr', {}, [
          h('td', {}, [h('code', {}, [d.setting])]),
          h('td', {}, [d.required]),
          h('td', {}, [badge(d.actual, 'warn')]),
          h('td', {}, [h('code', {}, [d.policyName])]),
        ]))),
      ]));
    } else out.push(h('p', {}, ['Every VS Code setting the policy requires is in force.']));
    return out;
  }
  function mcp(x) {
    const out = [
      h('p', {}, [x.unlisted === 'prohibited' ? 'MCP servers not listed here are prohibited.' : 'MCP servers not listed here raise a warning.']),
      h('table', {}, [
        h('thead', {}, [h('tr', {}, ['Server', 'Status', 'Cleared for', 'Owner', 'Conditions'].map((t) => h('th', {}, [t])))]),
        h('tbody', {}, x.servers.map((s) => h('tr', {}, [
          h('td', {}, [h('strong', {}, [s.name]), s.target ? h('div', { class: 'muted small' }, [s.target]) : false]),
          h('td', {}, [badge(s.status, s.status === 'approved' ? 'ok' : s.status === 'restricted' ? 'warn' : 'bad')]),
          h('td', {}, [s.dataClasses.join(', ') || '—']),
          h('td', {}, [s.owner]),
          h('td', {}, s.conditions.map((c) => h('div', {}, [c]))),
        ]))),
      ]),
    ];
    if (x.agents) {
      out.push(h('p', {}, [`Autonomous agent mode: `, badge(x.agents.autonomousMode, x.agents.autonomousMode === 'allowed' ? 'ok' : x.agents.autonomousMode === 'restricted' ? 'warn' : 'bad')]));
      if (x.agents.requireConfirmation.length) out.push(h('p', {}, [`Confirm every: ${x.agents.requireConfirmation.join(', ')}.`]));
      if (x.agents.notes) out.push(h('p', { class: 'muted' }, [x.agents.notes]));
    }
    return out;
  }
  function trainings(ts) {
    return h('table', {}, [
      h('thead', {}, [h('tr', {}, ['Training', 'Status', 'Due', ''].map((t) => h('th', {}, [t])))]),
      h('tbody', {}, ts.map((t) => h('tr', {}, [
        h('td', {}, [link(t.url, t.title), t.basis ? h('div', { class: 'muted small' }, [t.basis]) : false]),
        h('td', {}, [badge(t.state === 'complete' ? 'complete' : t.state, t.state === 'complete' ? 'ok' : t.state === 'due' ? 'warn' : 'bad')]),
        h('td', {}, [t.state === 'complete' ? (t.dueDate ? `renew by ${t.dueDate}` : `done ${String(t.completedAt).slice(0, 10)}`) : t.dueDate || '']),
        h('td', {}, [t.state !== 'complete' ? h('button', { type: 'button', 'data-training': t.id, class: 'secondary' }, ['I have completed it…']) : '']),
      ]))),
    ]);
  }

  /** @param {string} id */
  function reveal(id) {
    const el = document.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.classList.add('highlight');
    setTimeout(() => el.classList.remove('highlight'), 2000);
  }

  document.addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
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

  window.addEventListener('message', (e) => {
    const msg = e.data;
    if (msg && msg.type === 'model') render(msg.model);
    else if (msg && msg.type === 'reveal') reveal(msg.elementId);
  });
  post({ type: 'ready' });
})();
