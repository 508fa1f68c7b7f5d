// Builds what the policy viewer shows from the policy in force and this developer's state.
import { diffPolicies, validatePolicyText, type AckRecord, type AckState, type LoadedPolicy, type PolicyProblem, type ReviewState, type ToolConditions, type TrainingState } from '../../core/policy';
import { renderMarkdown } from './markdown';
import { displaySource } from './display';
import type { ViewerModel } from './viewerProtocol';

export interface ViewerInputs {
  loaded: LoadedPolicy;
  review: ReviewState;
  ack: AckState;
  ackRecord?: AckRecord;
  acknowledgedText?: string;
  trainings: TrainingState[];
  problems: readonly PolicyProblem[];
  /** Translates the model's own words (the extension passes vscode.l10n.t); default English. */
  translate?: (message: string) => string;
  machine?: ViewerModel['machine'];
}

export function conditionLines(c: ToolConditions | undefined): string[] {
  if (!c) return [];
  const out: string[] = [];
  if (c.workspaces?.length) out.push(`Workspaces: ${c.workspaces.join(', ')}`);
  if (c.repositories?.length) out.push(`Repositories: ${c.repositories.join(', ')}`);
  if (c.expires) out.push(`Approval expires ${c.expires}`);
  if (c.note) out.push(c.note);
  return out;
}

export function buildViewerModel(i: ViewerInputs): ViewerModel {
  const p = i.loaded.policy;
  const t = i.translate ?? ((m: string) => m);
  const tools = p.tools.map((t) => ({
    id: t.id,
    name: t.name,
    status: t.status,
    owner: t.owner,
    dataClasses: t.dataClasses,
    identifiers: t.identifiers,
    conditions: conditionLines(t.conditions),
    requestAccess: t.requestAccess,
    notes: t.notes,
  }));
  return {
    organization: p.organization,
    version: p.version,
    published: p.published,
    effective: p.effective,
    expires: p.expires,
    reviewedOn: p.reviewedOn,
    nextReview: p.nextReview,
    reviewOverdue: i.review.reviewOverdue,
    expired: i.review.expired,
    owner: [p.owner.name, p.owner.role, p.owner.email].filter(Boolean).join(', '),
    contact: p.contact,
    source: /^https?:/i.test(i.loaded.source) ? displaySource(i.loaded.source) : i.loaded.source,
    signature: i.loaded.signature,
    documentUrl: p.document.url,
    summaryHtml: renderMarkdown(p.document.summary),
    sections: (p.document.sections ?? []).map((s) => ({ title: s.title, html: renderMarkdown(s.body) })),
    tools,
    dataClasses: p.dataHandling.classes.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      clearedFor: p.tools.filter((t) => t.status !== 'prohibited' && t.dataClasses.includes(c.id)).map((t) => t.name),
    })),
    dataRules: (p.dataHandling.rules ?? []).map((r) => ({ id: r.id, className: r.class, description: r.description, paths: r.paths ?? [], pattern: r.pattern })),
    mcp: p.mcp && {
      unlisted: p.mcp.unlisted,
      servers: p.mcp.servers.map((s) => ({ name: s.name, status: s.status, owner: s.owner, target: s.url ?? s.command, dataClasses: s.dataClasses ?? [], conditions: conditionLines(s.conditions) })),
      agents: p.mcp.agents && { autonomousMode: p.mcp.agents.autonomousMode, requireConfirmation: p.mcp.agents.requireConfirmation ?? [], notes: p.mcp.agents.notes },
    },
    disclosure: p.disclosure && {
      required: p.disclosure.required,
      trailer: p.disclosure.trailer,
      example: `${p.disclosure.trailer}: ${(p.disclosure.format ?? '{tools}').replace('{tools}', p.tools.find((t) => t.status === 'approved')?.name ?? t('Tool name'))}`,
      pullRequestSection: p.disclosure.pullRequest?.section,
    },
    trainings: i.trainings.map((t) => ({ id: t.training.id, title: t.training.title, url: t.training.url, state: t.state, dueDate: t.dueDate, completedAt: t.completedAt, basis: t.training.basis })),
    acknowledgement: { required: i.ack.required, acknowledged: i.ack.acknowledged, dueAt: i.ack.dueAt, overdue: i.ack.overdue, acknowledgedVersion: i.ackRecord?.version },
    changes: changesSinceAcknowledged(i, t),
    problems: i.problems.map((pr) => `${pr.line ? `${pr.line}:${pr.col ?? 1}: ` : ''}${pr.message}`),
    machine: i.machine && (i.machine.managed.length || i.machine.drift.length) ? i.machine : undefined,
  };
}

function changesSinceAcknowledged(i: ViewerInputs, t: (m: string) => string): ViewerModel['changes'] {
  if (!i.acknowledgedText || !i.ackRecord || i.ackRecord.hash === i.loaded.hash) return undefined;
  const before = validatePolicyText(i.acknowledgedText, { tolerate: ['expired', 'review-cadence'] }).policy;
  if (!before) return { sinceVersion: i.ackRecord.version, items: [t('The version you acknowledged can no longer be read; please read the whole policy.')] };
  const items = diffPolicies(before, i.loaded.policy);
  return { sinceVersion: i.ackRecord.version, items: items.length ? items : [t('Wording changes only.')] };
}
