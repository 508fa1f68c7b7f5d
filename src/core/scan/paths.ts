// Files that are sensitive by their name alone.
import { globMatcher } from './glob';
import type { Finding } from './types';

export interface PathRule {
  id: string;
  name: string;
  family: string;
  dataClass: string;
  globs: string[];
  /** Globs that look sensitive but are not (templates, examples). */
  except?: string[];
  /** Alternative to globs (e.g. a gitleaks path regex). */
  test?: (path: string) => boolean;
}

export const builtinPathRules: PathRule[] = [
  { id: 'path-dotenv', name: 'Environment file', family: 'dotenv', dataClass: 'secret', globs: ['**/.env', '**/.env.*', '**/*.env'],
    except: ['**/.env.example', '**/.env.sample', '**/.env.template', '**/.env.dist', '**/.env.defaults', '**/*.example.env', '**/*.sample.env',
      '**/example.env', '**/sample.env', '**/template.env', '**/*.env.dist', '**/*.env.example', '**/*.env.sample', '**/*.env.template'] },
  { id: 'path-private-key', name: 'Private key or keystore', family: 'private-key', dataClass: 'secret',
    globs: ['**/*.pem', '**/*.key', '**/id_rsa*', '**/id_dsa*', '**/id_ecdsa*', '**/id_ed25519*', '**/*.p12', '**/*.pfx', '**/*.jks', '**/*.keystore', '**/*.ppk', '**/*.asc', '**/*.gpg', '**/*.kdbx'],
    except: ['**/*.pub', '**/id_*.pub'] },
  { id: 'path-cloud-credentials', name: 'Cloud or tool credentials file', family: 'credentials', dataClass: 'secret',
    globs: ['**/.aws/credentials', '**/.aws/config', '**/.npmrc', '**/.pypirc', '**/.netrc', '**/_netrc', '**/.docker/config.json', '**/.kube/config', '**/kubeconfig', '**/*.kubeconfig', '**/.git-credentials', '**/.gem/credentials', '**/credentials.json', '**/.htpasswd', '**/.pgpass'] },
  { id: 'path-terraform-state', name: 'Terraform state or variables', family: 'terraform', dataClass: 'secret',
    globs: ['**/terraform.tfstate', '**/*.tfstate', '**/*.tfstate.backup', '**/*.tfvars', '**/*.tfvars.json'] },
  { id: 'path-service-account', name: 'Service account key file', family: 'gcp', dataClass: 'secret',
    globs: ['**/*service-account*.json', '**/*service_account*.json', '**/*serviceaccount*.json', '**/*-sa-key*.json', '**/gcp-key*.json'] },
  { id: 'path-database-dump', name: 'Database dump', family: 'database-dump', dataClass: 'pii',
    globs: ['**/*.sql.gz', '**/*.sql.bz2', '**/*.sql.zst', '**/*.dump', '**/*.pgdump', '**/*.bak', '**/*dump*.sql', '**/*.sqlite', '**/*.sqlite3', '**/*.db', '**/*.mdb', '**/*.accdb'] },
  { id: 'path-customer-export', name: 'Customer data export', family: 'customer-export', dataClass: 'pii',
    globs: ['**/*customer*.{csv,xlsx,xls,json,jsonl,parquet}', '**/*client*export*.{csv,xlsx,xls,json,jsonl}', '**/*users*export*.{csv,xlsx,json,jsonl}', '**/*export*users*.{csv,xlsx,json,jsonl}', '**/*patients*.{csv,xlsx,json}', '**/*contacts*.{csv,xlsx,vcf}', '**/*.vcf', '**/*crm*export*.{csv,xlsx}'] },
];

/** Templates of environment files (`.env.example`, `example.env`, `prod.env.dist`…): placeholders, not secrets. */
const ENV_TEMPLATE = /^(?:\.env(?:\.[\w-]+)*\.(?:example|sample|template|dist|defaults|tpl)(?:\.[\w-]+)?|(?:[\w-]+[.-])?(?:example|sample|template)\.env|[\w.-]+\.env\.(?:dist|example|sample|template))$/i;

/** A rule naming environment files by a broad glob (`**\/.env.*`) does not mean their templates, unless it names them. */
function skipsEnvTemplates(rule: PathRule): boolean {
  return !rule.test && rule.globs.some((g) => /\.env|env\b/.test(g)) && !rule.globs.some((g) => /example|sample|template|dist/i.test(g));
}

export class PathMatcher {
  private readonly compiled: { rule: PathRule; match: (p: string) => boolean }[];

  constructor(rules: readonly PathRule[]) {
    this.compiled = rules.map((rule) => {
      const inc = rule.globs.map((g) => globMatcher(g));
      const exc = (rule.except ?? []).map((g) => globMatcher(g));
      const test = rule.test;
      const noTemplates = skipsEnvTemplates(rule);
      return {
        rule,
        match: (p: string) =>
          (test ? test(p) : inc.some((m) => m(p))) && !exc.some((m) => m(p)) && !(noTemplates && ENV_TEMPLATE.test(p.slice(p.lastIndexOf('/') + 1))),
      };
    });
  }

  /**
   * Path findings for a workspace-relative path (forward slashes). A policy rule adds nothing to a file an earlier
   * rule of the same class already marks (built-in rules come first): a `.env` named by both `path-dotenv` and the
   * policy's `env-files` is one finding.
   */
  match(relPath: string): Finding[] {
    const p = relPath.replace(/\\/g, '/');
    const classes = new Set<string>();
    return this.compiled
      .filter((c) => c.match(p) && !(c.rule.family === 'policy' && classes.has(c.rule.dataClass)) && classes.add(c.rule.dataClass))
      .map(({ rule }) => ({
        ruleId: rule.id, ruleName: rule.name, family: rule.family, dataClass: rule.dataClass,
        start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1, masked: '', kind: 'path' as const,
      }));
  }
}
