// What the report needs of the published policy (versions, training and acknowledgement terms); a leaf
// module shared by the report builder and the people it lists.
export interface PolicyInfo {
  organization?: string;
  version?: number;
  published?: string;
  effective?: string;
  /** SHA-256 of the file's bytes. */
  sha256?: string;
  /** `valid` (by the key named in `key`), `invalid`, `unsigned`, or `not checked` (no --policy-pubkey). */
  signature?: { state: 'valid' | 'invalid' | 'unsigned' | 'not checked'; key?: string };
  training?: { id: string; title: string; dueWithinDays?: number; renewalDays?: number }[];
  acknowledgement?: { required: boolean; withinDays?: number };
  /**
   * Earlier versions the organization published (the server's --policy-history folder): each file's version,
   * SHA-256 and signature state. `published`: with --policy-pubkey only a validly signed file; without one the
   * folder is the operator's own word, like --policy, and only a signature that fails to verify is refused.
   */
  history?: { file: string; version?: number; sha256: string; signature: { state: 'valid' | 'invalid' | 'unsigned' | 'not checked'; key?: string }; published: boolean }[];
  /** The policy's tool entries: what each identifier's use counts as (approved or not) in the adoption view. */
  tools?: { id: string; name?: string; status: string; identifiers: string[]; owner?: string }[];
  /** The policy's MCP server entries (the review queue shows their status and owner). */
  mcpServers?: { name: string; status: string; owner?: string }[];
  /** MCP servers not listed: `warn` or `prohibited`. */
  mcpUnlisted?: string;
  /** `exceptions.maxDays`, the longest an approval may last. */
  exceptionMaxDays?: number;
}
