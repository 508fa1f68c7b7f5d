// SARIF 2.1.0 output, as GitHub code scanning reads it.
import { createHash } from 'node:crypto';
import type { FileScan } from './scanner';

export interface SarifOptions {
  toolVersion: string;
  informationUri?: string;
  /** file:// URI of the folder paths are relative to, ending in a slash. */
  rootUri?: string;
}

/** A relative path as a URI reference: `#`, `%`, spaces and the like are percent-encoded per segment. */
function toUriReference(p: string): string {
  return p.split(/[\\/]/).map((seg) => encodeURIComponent(seg)).join('/');
}

export function toSarif(files: FileScan[], opts: SarifOptions): object {
  const rules = new Map<string, { id: string; name: string; shortDescription: { text: string }; properties: object }>();
  const results = [];
  for (const file of files) {
    for (const f of file.findings) {
      if (!rules.has(f.ruleId)) {
        rules.set(f.ruleId, {
          id: f.ruleId,
          name: f.ruleName.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
          shortDescription: { text: f.ruleName },
          properties: { tags: [f.dataClass, f.family], 'data-class': f.dataClass },
        });
      }
      const uri = toUriReference(file.path);
      const what = f.kind === 'path' ? 'file is sensitive by its name' : f.masked;
      results.push({
        ruleId: f.ruleId,
        level: f.severity === 'low' ? 'note' : f.dataClass === 'secret' ? 'error' : 'warning',
        message: { text: `${f.ruleName} (${f.dataClass}): ${what}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: f.line, startColumn: f.col, endLine: f.endLine, endColumn: Math.max(f.endCol, f.col + (f.kind === 'path' ? 0 : 1)) },
            },
          },
        ],
        partialFingerprints: {
          'aiPolicyFinding/v1': createHash('sha256').update(`${f.ruleId}\0${uri}\0${f.line}\0${f.masked}`).digest('hex').slice(0, 32),
        },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ai-policy', version: opts.toolVersion, informationUri: opts.informationUri, rules: [...rules.values()] } },
        ...(opts.rootUri ? { originalUriBaseIds: { '%SRCROOT%': { uri: opts.rootUri } } } : {}),
        results,
      },
    ],
  };
}
