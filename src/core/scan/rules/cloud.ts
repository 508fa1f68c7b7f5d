// Cloud providers: AWS, Google Cloud, Azure, and hosting platforms.
import { firebaseClientKey, publishedByVendor } from '../publicByDesign';
import type { Rule } from '../types';
import { keyed, LB, RB, token, UUID } from './define';

const notAwsExample = (s: string) => !/EXAMPLE/.test(s);

export const cloudRules: Rule[] = [
  token('aws-access-key-id', 'AWS access key ID', 'aws', ['akia', 'asia', 'abia', 'acca', 'a3t'],
    String.raw`\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b`, { validate: notAwsExample }),
  keyed('aws-secret-access-key', 'AWS secret access key', 'aws', ['aws_secret', 'aws-secret', 'awssecret', 'secret_access_key', 'secretaccesskey', 'aws_sak'],
    '[A-Za-z0-9/+]{40}', { entropy: 4, validate: notAwsExample }),
  token('aws-bedrock-api-key', 'Amazon Bedrock API key', 'aws', ['absk'],
    String.raw`${LB}(ABSK[A-Za-z0-9+/]{109,269}={0,2})(?![A-Za-z0-9+/=])`, { entropy: 0, validate: (s) => s.startsWith('ABSKQmVkcm9ja0FQSUtleS') }),
  token('aws-bedrock-short-lived-key', 'Amazon Bedrock short-lived API key', 'aws', ['bedrock-api-key-'],
    String.raw`\b(bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t(?:[A-Za-z0-9+/=]|%3D)*)`, { entropy: 0 }),
  // Google API keys are 39 characters and all begin `AIzaSy`; browser keys (Maps, Firebase) have the same shape. The
  // key of a Firebase client configuration is public by design, and so are the keys Google fixes in the Firebase SDKs'
  // own tests (publicByDesign.ts).
  token('gcp-api-key', 'Google API key', 'gcp', ['aizasy'], String.raw`${LB}(AIzaSy[\w-]{33})${RB}`,
    { entropy: 3.5, validate: (s, ctx) => !publishedByVendor('gcp-api-key', s) && !firebaseClientKey(ctx.text, ctx.match.secretStart, ctx.match.secretStart + s.length) }),
  token('gcp-oauth-client-secret', 'Google OAuth client secret', 'gcp', ['gocspx-'], String.raw`\b(GOCSPX-[\w-]{28})${RB}`),
  token('gcp-oauth-access-token', 'Google OAuth access token', 'gcp', ['ya29.'], String.raw`\b(ya29\.[\w-]{30,})`, { entropy: 3.5 }),
  token('gcp-service-account-key', 'Google service account private key', 'gcp', ['"private_key_id"'],
    String.raw`"private_key_id"\s*:\s*"([a-f0-9]{40})"`),
  token('azure-ad-client-secret', 'Azure AD client secret', 'azure', ['q~'],
    String.raw`(?<![\w~.-])([\w~.]{3}\dQ~[\w~.-]{31,34})(?![\w~.-])`),
  token('azure-storage-account-key', 'Azure storage account key', 'azure', ['accountkey='],
    String.raw`AccountKey=([A-Za-z0-9+/]{86}==)`),
  token('azure-sas-token', 'Azure shared access signature', 'azure', ['sig='],
    String.raw`[?&]sv=\d{4}-\d{2}-\d{2}[^\s"'<>]*?&sig=([A-Za-z0-9%+/]{40,}={0,2})`),
  token('azure-devops-pat', 'Azure DevOps personal access token', 'azure', ['azdo'], String.raw`\b([A-Za-z0-9]{52}AZDO[A-Za-z0-9]{4})\b`),
  token('alibaba-access-key-id', 'Alibaba Cloud access key ID', 'alibaba', ['ltai'], String.raw`\b(LTAI[A-Za-z0-9]{20})\b`),
  token('digitalocean-token', 'DigitalOcean token', 'digitalocean', ['dop_v1_', 'doo_v1_', 'dor_v1_'], String.raw`\b(do[opr]_v1_[a-f0-9]{64})\b`),
  token('heroku-api-key-v2', 'Heroku API key', 'heroku', ['hrku-'], String.raw`\b(HRKU-AA[\w-]{58})${RB}`),
  keyed('heroku-api-key', 'Heroku API key (legacy)', 'heroku', ['heroku'], UUID, { entropy: 0 }),
  token('flyio-token', 'Fly.io access token', 'flyio', ['fo1_', 'fm1', 'fm2'],
    String.raw`${LB}(fo1_[\w-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})${RB}`),
  // Scannable formats: account API tokens `cfat_`, user API tokens `cfut_`, global API keys `cfk_`, each a prefix, a
  // random base62 body and a checksum (written from the documented shape as known here; no vendor page was at hand).
  token('cloudflare-scannable-token', 'Cloudflare API token or global API key', 'cloudflare', ['cfat_', 'cfut_', 'cfk_'],
    String.raw`${LB}(cf(?:at|ut|k)_[A-Za-z0-9]{32,80}(?:_[A-Za-z0-9]{6,10})?)${RB}`, { entropy: 3.5 }),
  token('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', 'cloudflare', ['v1.0-'], String.raw`\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b`),
  keyed('cloudflare-global-api-key', 'Cloudflare global API key', 'cloudflare', ['cloudflare'], '[a-f0-9]{37}'),
  keyed('cloudflare-api-token', 'Cloudflare API token', 'cloudflare', ['cloudflare'], '[\\w-]{40}', { entropy: 3.5 }),
  token('scalingo-api-token', 'Scalingo API token', 'scalingo', ['tk-us-'], String.raw`\b(tk-us-[\w-]{48})${RB}`),
  token('openshift-user-token', 'OpenShift user token', 'openshift', ['sha256~'], String.raw`(sha256~[\w-]{43})${RB}`, { entropy: 3.5 }),
  token('vercel-token', 'Vercel token', 'vercel', ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], String.raw`\b(vc[picrk]_[A-Za-z0-9]{24,})\b`),
  keyed('vercel-legacy-token', 'Vercel token (legacy)', 'vercel', ['vercel'], '[A-Za-z0-9]{24}', { entropy: 3.5 }),
  token('netlify-token', 'Netlify personal access token', 'netlify', ['nfp_'], String.raw`\b(nfp_[A-Za-z0-9]{36})\b`),
  keyed('netlify-legacy-token', 'Netlify access token (legacy)', 'netlify', ['netlify'], '[\\w-]{40,46}', { entropy: 3.5 }),
  token('supabase-token', 'Supabase access or secret key', 'supabase', ['sbp_', 'sb_secret_'], String.raw`\b(sbp_[a-f0-9]{40}|sb_secret_[\w-]{31,})${RB}`),
  token('planetscale-token', 'PlanetScale token or password', 'planetscale', ['pscale_'], String.raw`\b(pscale_(?:tkn|pw|oauth)_[\w=.-]{32,64})${RB}`),
  keyed('alibaba-secret-key', 'Alibaba Cloud secret key', 'alibaba', ['alibaba', 'aliyun'], '[A-Za-z0-9]{30}', { entropy: 3.5 }),
  keyed('cloudflare-legacy', 'Cloudflare API key', 'cloudflare', ['cf_api_key', 'cf_api_token'], '[\\w-]{37,40}', { entropy: 3.5 }),
  token('linode-token', 'Linode personal access token', 'linode', ['linode'], String.raw`[lL]inode[\w.-]{0,30}["']?\s*[:=]\s*["']?([a-f0-9]{64})\b`),
];
