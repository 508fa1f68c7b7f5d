// Messages between the server and its render worker (pages and exports are built off the event loop).
import type { ReportQuery } from '../report/query';

export type View = 'report-json' | 'report-csv' | 'dashboard' | 'developer' | 'evidence' | 'evidence-csv' | 'requests';

export interface RenderRequest {
  id: number;
  view: View;
  query: ReportQuery;
  /** Developer pages and single-developer reports. */
  developer?: string;
  /** Evidence CSV name. */
  csv?: string;
  /** The review queue's form token and the line about the last decision. */
  csrf?: string;
  notice?: string;
  /** CSP nonce for HTML views. */
  nonce: string;
  now: number;
}

export interface Rendered {
  status: number;
  type: string;
  body: Uint8Array;
  headers?: Record<string, string>;
}

export type RenderReply = ({ ok: true } & Rendered & { id: number }) | { ok: false; id: number; error: string };

export interface RenderWorkerData {
  aiPolicyRenderWorker: true;
  db: string;
  policyFile?: string;
  /** Public key(s) the published policy's signature is checked with. */
  policyKeyFile?: string;
  /** Earlier published versions (the --policy-history folder). */
  policyHistoryDir?: string;
  rosterFile?: string;
}
