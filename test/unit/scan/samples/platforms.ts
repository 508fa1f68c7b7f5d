// Generated samples for the platform, finance and social families (src/core/scan/rules/platforms.ts): each
// value built from the provider's documented prefix, length and alphabet; the near miss breaks one of them.
import { HEX, j, rnd } from '../fixtures';
import type { GeneratedSample } from './generate';

const LOW = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const uuid = (seed: number) => [rnd(8, HEX, seed), rnd(4, HEX, seed + 1), rnd(4, HEX, seed + 2), rnd(4, HEX, seed + 3), rnd(12, HEX, seed + 4)].join('-');

/** `s(k)`: a seed per sample, varied by the caller for more samples. */
export function platformSamples(s: (k: number) => number): GeneratedSample[] {
  const x = (name: string, rule: string, family: string, value: string, miss = `${name}=\${${name}}`): GeneratedSample => ({ family, rule, hit: `${name}=${value}`, miss });
  return [
    x('ADAFRUIT_IO_KEY', 'adafruit-io-key', 'adafruit', j('ai', 'o_', rnd(28, undefined, s(60))), `ADAFRUIT_IO_KEY=${j('ai', 'o_', rnd(20, undefined, s(60)))}`),
    x('ADOBE_CLIENT_SECRET', 'adobe-client-secret', 'adobe', j('p8', 'e-', rnd(32, undefined, s(61))), `ADOBE_CLIENT_SECRET=${j('p8', 'e-')}${'X'.repeat(32)}`),
    x('AUTHRESS_KEY', 'authress-access-key', 'authress', j('sc', '_', rnd(12, LOW, s(62)), '.', rnd(5, LOW, s(63)), '.acc', '_', rnd(16, LOW, s(64)), '.', rnd(60, undefined, s(65)))),
    x('CONTENTFUL_MANAGEMENT_TOKEN', 'contentful-pat', 'contentful', j('CF', 'PAT-', rnd(43, undefined, s(66))), `CONTENTFUL_MANAGEMENT_TOKEN=${j('CF', 'PAT-')}`),
    x('DN_API_KEY', 'defined-networking-token', 'defined-networking', j('dn', 'key-', rnd(26, undefined, s(67)), '-', rnd(52, undefined, s(68))), `DN_API_KEY=${j('dn', 'key-', rnd(26, undefined, s(67)))}`),
    x('DUFFEL_TOKEN', 'duffel-api-token', 'duffel', j('duffel', '_test_', rnd(43, undefined, s(69))), `DUFFEL_TOKEN=${j('duffel', '_test_')}<token>`),
    x('DT_API_TOKEN', 'dynatrace-api-token', 'dynatrace', j('dt0', 'c01.', rnd(24, UPNUM, s(70)), '.', rnd(64, UPNUM, s(71))), `DT_API_TOKEN=${j('dt0', 'c01.', rnd(24, UPNUM, s(70)))}`),
    x('FRAMEIO_TOKEN', 'frameio-api-token', 'frameio', j('fio', '-u-', rnd(64, undefined, s(72))), `FRAMEIO_TOKEN=${j('fio', '-u-', rnd(30, undefined, s(72)))}`),
    { family: 'freemius', rule: 'freemius-secret-key', path: 'src/config.php', hit: `'secret_key' => '${j('sk', '_', rnd(29, undefined, s(73)))}',`, miss: `'secret_key' => '${j('sk', '_')}<your-secret-key>',` },
    x('GITLAB_COOKIE', 'gitlab-session-cookie', 'gitlab', j('_gitlab', '_session=', rnd(32, LOW, s(74))), `GITLAB_COOKIE=${j('_gitlab', '_session=')}`),
    x('HARNESS_TOKEN', 'harness-token', 'harness', j('pa', 't.', rnd(22, undefined, s(75)), '.', rnd(24, undefined, s(76)), '.', rnd(20, undefined, s(77)))),
    x('FLW_ENCRYPTION_KEY', 'flutterwave-encryption-key', 'flutterwave', j('FLW', 'SECK_TEST', rnd(12, 'abcdefgh0123456789', s(78))), `FLW_ENCRYPTION_KEY=${j('FLW', 'SECK_TEST')}${'x'.repeat(12)}`),
    x('AIRTABLE_TOKEN', 'airtable-api-key', 'airtable', j('pa', 't', rnd(14, undefined, s(79)), '.', rnd(64, HEX, s(80)))),
    x('ALGOLIA_ADMIN_KEY', 'algolia-admin-key', 'algolia', rnd(32, LOW, s(81)), `ALGOLIA_ADMIN_KEY=${rnd(31, LOW, s(81))}`),
    x('ASANA_TOKEN', 'asana-token', 'asana', j('2/', rnd(16, '0123456789', s(82)), '/', rnd(16, '0123456789', s(83)), ':', rnd(32, HEX, s(84)))),
    x('BITTREX_API_SECRET', 'bittrex-key', 'bittrex', rnd(32, LOW, s(85))),
    x('CODECOV_TOKEN', 'codecov-token', 'codecov', uuid(s(86))),
    x('COINBASE_API_SECRET', 'coinbase-token', 'coinbase', rnd(64, undefined, s(87))),
    x('CONFLUENT_API_SECRET', 'confluent-key', 'confluent', rnd(64, undefined, s(88))),
    x('CONTENTFUL_DELIVERY_TOKEN', 'contentful-token', 'contentful', rnd(43, undefined, s(89))),
    x('DISCORD_PUBLIC_KEY', 'discord-api-key', 'discord', rnd(64, HEX, s(90)), `DISCORD_PUBLIC_KEY=${rnd(63, HEX, s(90))}`),
    x('DRONE_TOKEN', 'droneci-token', 'droneci', rnd(32, undefined, s(91))),
    x('DROPBOX_ACCESS_TOKEN', 'dropbox-token', 'dropbox', j('sl', '.', rnd(138, undefined, s(92)))),
    x('FASTLY_API_TOKEN', 'fastly-api-token', 'fastly', rnd(32, undefined, s(93))),
    x('FINICITY_APP_KEY', 'finicity-key', 'finicity', rnd(32, HEX, s(94)), `FINICITY_APP_KEY=${rnd(32, 'ghijklmnop', s(94))}`),
    x('FINNHUB_TOKEN', 'finnhub-token', 'finnhub', rnd(20, LOW, s(95))),
    x('FLICKR_API_KEY', 'flickr-key', 'flickr', rnd(32, HEX, s(96))),
    x('FRESHBOOKS_TOKEN', 'freshbooks-token', 'freshbooks', rnd(64, LOW, s(97))),
    x('GITTER_TOKEN', 'gitter-token', 'gitter', rnd(40, LOW, s(98))),
    x('GOCARDLESS_ACCESS_TOKEN', 'gocardless-token', 'gocardless', j('live', '_', rnd(40, undefined, s(99)))),
    x('INTERCOM_ACCESS_TOKEN', 'intercom-token', 'intercom', rnd(60, undefined, s(100))),
    x('JFROG_ACCESS_TOKEN', 'jfrog-key', 'artifactory', rnd(64, undefined, s(101))),
    x('KRAKEN_PRIVATE_KEY', 'kraken-key', 'kraken', j(rnd(86, undefined, s(102)), '==')),
    x('LAUNCHDARKLY_SDK_KEY', 'launchdarkly-key', 'launchdarkly', j('sd', 'k-', uuid(s(103)))),
    x('LINEAR_CLIENT_SECRET', 'linear-client-secret', 'linear', rnd(32, HEX, s(104))),
    x('LOOKERSDK_CLIENT_SECRET', 'looker-client-secret', 'looker', rnd(24, undefined, s(119))),
    x('NEW_RELIC_LICENSE_KEY', 'newrelic-legacy-key', 'newrelic', rnd(40, HEX, s(105))),
    x('NYTIMES_API_KEY', 'nytimes-key', 'nytimes', rnd(32, undefined, s(106))),
    x('PLAID_SECRET', 'plaid-secret', 'plaid', rnd(30, HEX, s(107))),
    x('RAPIDAPI_KEY', 'rapidapi-key', 'rapidapi', rnd(50, undefined, s(108))),
    x('SENDBIRD_API_TOKEN', 'sendbird-token', 'sendbird', rnd(40, HEX, s(109))),
    x('SENTRY_AUTH_TOKEN', 'sentry-legacy-token', 'sentry', rnd(64, HEX, s(110))),
    x('SQUARESPACE_API_KEY', 'squarespace-key', 'squarespace', uuid(s(111))),
    x('TRAVIS_TOKEN', 'travisci-token', 'travisci', rnd(22, undefined, s(112))),
    x('TWITCH_CLIENT_SECRET', 'twitch-token', 'twitch', rnd(30, LOW, s(113))),
    x('TWITTER_ACCESS_TOKEN', 'twitter-credential', 'twitter', j(rnd(19, '0123456789', s(114)), '-', rnd(30, undefined, s(115)))),
    x('TWITTER_BEARER_TOKEN', 'twitter-credential', 'twitter', j('A'.repeat(22), rnd(90, undefined, s(116)))),
    x('YANDEX_API_KEY', 'yandex-key', 'yandex', j('AQ', 'VN', rnd(36, undefined, s(117)))),
    x('ZENDESK_API_TOKEN', 'zendesk-token', 'zendesk', rnd(40, undefined, s(118))),
  ];
}
