// Per-rule samples (SaaS, observability, structural secrets, personal data): a value in the documented format, and
// a near miss the rule must not report. Never stored whole.
import { HEX, j, rnd } from '../fixtures';
import type { RuleSample } from './rules';

const LOW = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const AGE = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';
const uuid = (k: number) => [rnd(8, HEX, k), rnd(4, HEX, k + 1), rnd(4, HEX, k + 2), rnd(4, HEX, k + 3), rnd(12, HEX, k + 4)].join('-');
const r = (rule: string, hit: string, miss: string, path?: string): RuleSample => ({ rule, hit, miss, path });
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function serviceSamples(n: number): RuleSample[] {
  const s = (k: number) => 9000 + k * 37 + n * 7919;
  const jwt = j(b64url({ alg: 'HS256', typ: 'JWT' }), '.', b64url({ sub: `u-${s(1)}`, exp: 1900000000 }), '.', rnd(43, undefined, s(2)));
  const key = j('-----BEGIN ', 'EC PRIVATE', ' KEY-----\n', rnd(64, B64, s(3)), '\n', rnd(40, B64, s(4)), '\n-----END ', 'EC PRIVATE', ' KEY-----');
  return [
    r('clickhouse-api-secret', `CLICKHOUSE_KEY_SECRET=${j('4b', '1d', rnd(38, undefined, s(5)))}`, `CLICKHOUSE_KEY_SECRET=${j('4b', '1d', rnd(20, undefined, s(5)))}`),
    r('datadog-api-key', `DATADOG_API_KEY=${rnd(32, HEX, s(6))}`, `DATADOG_API_KEY=${'0'.repeat(32)}`),
    r('sentry-token', `SENTRY_AUTH_TOKEN=${j('sntr', 'yu_', rnd(64, HEX, s(7)))}`, `SENTRY_AUTH_TOKEN=${j('sntr', 'yu_', rnd(30, HEX, s(7)))}`),
    r('doppler-token', `DOPPLER_TOKEN=${j('dp', '.st.', 'prd.', rnd(40, undefined, s(8)))}`, `DOPPLER_TOKEN=${j('dp', '.st.', rnd(20, undefined, s(8)))}`),
    r('vault-token', `VAULT_TOKEN=${j('hv', 's.', rnd(95, undefined, s(9)))}`, `VAULT_TOKEN=${j('hv', 's.', rnd(24, undefined, s(9)))}`),
    r('vault-legacy-token', `VAULT_TOKEN=${j('s', '.', rnd(24, undefined, s(10)))}`, `VAULT_TOKEN=${j('s', '.', 'x'.repeat(24))}`),
    r('terraform-cloud-token', `token = "${j(rnd(14, undefined, s(11)), '.atlas', 'v1.', rnd(67, undefined, s(12)))}"`, `token = "${j(rnd(14, undefined, s(11)), '.atlas', 'v1.', rnd(30, undefined, s(12)))}"`),
    r('terraform-password', `  admin_password = "${rnd(16, undefined, s(13))}"`, '  admin_password = "REPLACE_ME"', 'infra/main.tf'),
    r('pulumi-token', `PULUMI_ACCESS_TOKEN=${j('pu', 'l-', rnd(40, HEX, s(14)))}`, `PULUMI_ACCESS_TOKEN=${j('pu', 'l-', rnd(20, HEX, s(14)))}`),
    r('notion-token', `NOTION_TOKEN=${j('nt', 'n_', rnd(11, '0123456789', s(15)), rnd(35, undefined, s(16)))}`, `NOTION_TOKEN=${j('nt', 'n_', rnd(11, '0123456789', s(15)))}`),
    r('notion-legacy-token', `NOTION_TOKEN=${j('sec', 'ret_', rnd(43, undefined, s(17)))}`, `NOTION_TOKEN=${j('sec', 'ret_', rnd(20, undefined, s(17)))}`),
    r('okta-token', `OKTA_API_TOKEN=${j('0', '0', rnd(40, undefined, s(18)))}`, `OKTA_API_TOKEN=${j('0', '0', rnd(20, undefined, s(18)))}`),
    r('postman-api-key', `POSTMAN_API_KEY=${j('PM', 'AK-', rnd(24, HEX, s(19)), '-', rnd(34, HEX, s(20)))}`, `POSTMAN_API_KEY=${j('PM', 'AK-', rnd(24, HEX, s(19)))}`),
    r('sourcegraph-token', `SRC_ACCESS_TOKEN=${j('sg', 'p_', rnd(16, HEX, s(21)), '_', rnd(40, HEX, s(22)))}`, `SRC_ACCESS_TOKEN=${j('sg', 'p_', rnd(20, HEX, s(22)))}`),
    r('sourcegraph-legacy-token', `SOURCEGRAPH_TOKEN=${rnd(40, HEX, s(23))}`, `SOURCEGRAPH_TOKEN=${rnd(30, HEX, s(23))}`),
    r('snyk-token', `SNYK_TOKEN=${uuid(s(24))}`, 'SNYK_TOKEN=${SNYK_TOKEN}'),
    r('sonar-token', `SONAR_TOKEN=${j('sq', 'p_', rnd(40, HEX, s(25)))}`, `SONAR_TOKEN=${j('sq', 'p_', rnd(20, HEX, s(25)))}`),
    r('sumologic-access-key', `SUMO_ACCESS_KEY=${rnd(64, undefined, s(26))}`, `SUMO_ACCESS_KEY=${rnd(40, undefined, s(26))}`),
    r('hubspot-api-key', `HUBSPOT_API_KEY=${uuid(s(27))}`, 'HUBSPOT_API_KEY=<your-key>'),
    r('hubspot-private-app-token', `token: ${j('pat', '-na1-', uuid(s(28)))}`, `token: ${j('pat', '-na1-', rnd(8, HEX, s(28)))}`),
    r('maxmind-license-key', `MAXMIND_LICENSE_KEY=${j(rnd(6, undefined, s(29)), '_', rnd(29, undefined, s(30)), '_m', 'mk')}`, `MAXMIND_LICENSE_KEY=${j(rnd(6, undefined, s(29)), '_', rnd(12, undefined, s(30)), '_m', 'mk')}`),
    r('onepassword-secret-key', `secret key: ${j('A3', '-', rnd(6, UP, s(31)), '-', rnd(11, UP, s(32)), '-', rnd(5, UP, s(33)), '-', rnd(5, UP, s(34)), '-', rnd(5, UP, s(35)))}`, `secret key: ${j('A3', '-', rnd(6, UP, s(31)), '-', rnd(5, UP, s(33)))}`),
    r('onepassword-service-token', `OP_SERVICE_ACCOUNT_TOKEN=${j('op', 's_eyJ', rnd(300, B64, s(36)))}`, `OP_SERVICE_ACCOUNT_TOKEN=${j('op', 's_eyJ', rnd(100, B64, s(36)))}`),
    r('age-secret-key', `${j('AGE-SECRET', '-KEY-1', rnd(58, AGE, s(37)))}`, `${j('AGE-SECRET', '-KEY-1', rnd(30, AGE, s(37)))}`),
    r('octopus-deploy-api-key', `OCTOPUS_API_KEY=${j('AP', 'I-', rnd(26, UP, s(38)))}`, `OCTOPUS_API_KEY=${j('AP', 'I-', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}`),
    r('intra42-client-secret', `FT_SECRET=${j('s-s4t2', 'ud-', rnd(64, HEX, s(39)))}`, `FT_SECRET=${j('s-s4t2', 'ud-', rnd(30, HEX, s(39)))}`),
    r('infracost-api-token', `INFRACOST_API_KEY=${j('ic', 'o-', rnd(32, undefined, s(40)))}`, `INFRACOST_API_KEY=${j('ic', 'o-', rnd(16, undefined, s(40)))}`),
    r('prefect-api-key', `PREFECT_API_KEY=${j('pn', 'u_', rnd(36, undefined, s(41)))}`, `PREFECT_API_KEY=${j('pn', 'u_', rnd(20, undefined, s(41)))}`),
    r('readme-api-key', `README_API_KEY=${j('rd', 'me_', rnd(70, LOW, s(42)))}`, `README_API_KEY=${j('rd', 'me_', rnd(30, LOW, s(42)))}`),
    r('facebook-secret', `FACEBOOK_APP_SECRET=${rnd(32, HEX, s(43))}`, `FACEBOOK_APP_SECRET=${'0'.repeat(32)}`),
    r('facebook-access-token', `access_token = "${j(rnd(15, '0123456789', s(44)), '|', rnd(32, undefined, s(45)))}"`, `access_token = "${j(rnd(15, '0123456789', s(44)), '|', rnd(12, undefined, s(45)))}"`),
    r('facebook-page-token', `FB_PAGE_TOKEN=${j('EA', 'AM', rnd(120, undefined, s(46)))}`, `FB_PAGE_TOKEN=${j('EA', 'AM', rnd(40, undefined, s(46)))}`),
    r('etsy-token', `ETSY_API_KEY=${rnd(24, LOW, s(47))}`, `ETSY_API_KEY=${'x'.repeat(24)}`),
    r('meraki-api-key', `MERAKI_DASHBOARD_API_KEY=${rnd(40, HEX, s(48))}`, `MERAKI_DASHBOARD_API_KEY=${rnd(30, HEX, s(48))}`),
    r('beamer-api-token', `beamer_api_key: "${j('b', '_', rnd(44, LOW, s(49)))}"`, `beamer_api_key: "${j('b', '_', rnd(20, LOW, s(49)))}"`),
    r('mongodb-atlas-key', `mongodb_atlas_private_key = "${uuid(s(50))}"`, 'mongodb_atlas_private_key = "<private-key>"'),
    r('figma-legacy-token', `FIGMA_TOKEN=${j(rnd(6, '0123456789', s(51)), '-', uuid(s(52)))}`, `FIGMA_TOKEN=${uuid(s(52))}`),
    r('mapbox-token', `MAPBOX_TOKEN=${j('p', 'k.', rnd(80, undefined, s(53)), '.', rnd(22, undefined, s(54)))}`, `MAPBOX_TOKEN=${j('p', 'k.', rnd(20, undefined, s(53)))}`),
    r('linkedin-client-id', `LINKEDIN_CLIENT_ID=${rnd(14, LOW, s(55))}7`.slice(0, 'LINKEDIN_CLIENT_ID='.length + 14), 'LINKEDIN_CLIENT_ID=${LINKEDIN_ID}'),
    r('adafruit-legacy-key', `ADAFRUIT_IO_KEY=${rnd(32, undefined, s(56))}`, `ADAFRUIT_IO_KEY=${'x'.repeat(32)}`),
    r('private-key', key, '-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----'),
    r('jwt', `token = "${jwt}"`, `token = "${j(b64url({ alg: 'HS256', typ: 'JWT' }), '.', b64url({ confidence: 0.8 }), '.', rnd(43, undefined, s(57)))}"`),
    r('jwt-base64', `TOKEN_B64=${Buffer.from(jwt).toString('base64')}`, `TOKEN_B64=${Buffer.from(`eyJ${rnd(80, undefined, s(58))}`).toString('base64')}`),
    r('connection-string-password', `conn = "Server=db.internal;Database=app;User Id=app;Password=${rnd(14, undefined, s(59))};"`, 'conn = "Server=db.internal;Database=app;User Id=app;Password=${DB_PASSWORD};"'),
    r('curl-basic-auth', `curl -u deploy:${rnd(16, undefined, s(60))} https://api.internal.corp/v1/`, 'curl -u deploy:$DEPLOY_PASSWORD https://api.internal.corp/v1/'),
    r('curl-auth-header', `curl -H "X-Api-Key: ${rnd(32, undefined, s(61))}" https://api.internal.corp/v1/`, 'curl -H "X-Api-Key: $API_KEY" https://api.internal.corp/v1/'),
    r('bearer-token', `Authorization: Bearer ${rnd(40, undefined, s(62))}`, 'Authorization: Bearer <token>'),
    r('kubernetes-secret', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${Buffer.from(rnd(24, undefined, s(63))).toString('base64')}\n`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\ndata:\n  password: ${Buffer.from(rnd(24, undefined, s(63))).toString('base64')}\n`, 'k8s/db.yaml'),
    r('home-directory-path', 'log: /home/bkowalski/projects/app/x.ts', 'log: /home/runner/work/app/x.ts', 'notes.txt'),
    r('email-address', 'Contact: jane.martin@acme-corp.io', 'Contact: user@example.com', 'notes.txt'),
    r('phone-number', 'phone: +44 20 7946 0958', 'phone: 1111111111', 'notes.txt'),
    r('payment-card', 'card: 4111 1111 1111 1111', 'card: 4111 1111 1111 1112', 'notes.txt'),
    r('iban', 'iban: GB82 WEST 1234 5698 7654 32', 'iban: GB83 WEST 1234 5698 7654 32', 'notes.txt'),
    r('us-ssn', 'ssn: 536-22-8726', 'ssn: 000-22-8726', 'notes.txt'),
    r('us-itin', 'itin: 912-70-1234', 'itin: 912-40-1234', 'notes.txt'),
    r('uk-nhs-number', 'nhs number: 943 476 5919', 'nhs number: 943 476 5918', 'notes.txt'),
  ];
}
