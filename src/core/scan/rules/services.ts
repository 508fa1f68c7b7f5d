// Networking, design, shipping, trading and wallet credentials, and GitHub/Azure shapes the first rule set missed.
import type { MatchContext, Rule } from '../types';
import { entropy, looksPlaceholder } from '../validators';
import { keyed, LB, RB, token, UUID } from './define';

/** secp256k1 group order: a private key is an integer in [1, n-1]. */
const SECP256K1_N = BigInt('0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141');
export function secp256k1InRange(hex: string): boolean {
  const k = BigInt('0x' + hex.replace(/^0x/i, ''));
  return k > 0n && k < SECP256K1_N;
}

/** A keyword within the 120 characters before the match (same or previous line): `LOB_API_KEY=test_…`. */
const near = (re: RegExp) => (_s: string, ctx: MatchContext) => re.test(ctx.text.slice(Math.max(0, ctx.match.start - 120), ctx.match.start));

const WALLET_WORD = /wallet|priv(?:ate)?[\s_.-]?key|privkey|secret[\s_.-]?key|signer|deployer|mnemonic|secp256k1|(?:^|[^a-z])(?:eth|evm|account)[\s_.-]?key|(?:^|[^a-z])(?:pk|key)\b/i;
const NOT_A_KEY = /hash|digest|salt|slot|topic|root|nonce|selector|address|block|tx(?:id)?\b|_id\b|[a-z]Id\b|checksum|commit|sha|keccak|merkle|codehash/i;

/** The 100 characters before the value, back to the start of the previous line, name a wallet or key and no hash. */
function walletContext(ctx: MatchContext): boolean {
  const from = ctx.text.lastIndexOf('\n', ctx.text.lastIndexOf('\n', ctx.match.start - 1) - 1) + 1;
  const before = ctx.text.slice(Math.max(from, ctx.match.start - 100), ctx.match.start);
  return WALLET_WORD.test(before) && !NOT_A_KEY.test(before);
}

export const serviceRules: Rule[] = [
  token('tailscale-key', 'Tailscale key', 'tailscale', ['tskey-'],
    String.raw`\b(tskey-(?:[a-z]{3,8}-)?[A-Za-z0-9]{6,24}-[A-Za-z0-9]{16,64})\b`, { entropy: 3 }),
  token('figma-token', 'Figma personal access token', 'figma', ['figd_'], String.raw`\b(figd_[\w-]{40,43})${RB}`, { entropy: 3.5 }),
  keyed('figma-legacy-token', 'Figma personal access token (legacy)', 'figma', ['figma'], String.raw`\d{5,6}-${UUID}`, { entropy: 3 }),
  token('mapbox-secret-token', 'Mapbox secret token', 'mapbox', ['sk.eyj1', 'tk.eyj1'], String.raw`\b([st]k\.eyJ1[\w-]{10,200}\.[\w-]{22})${RB}`, { entropy: 3.5 }),
  keyed('mapbox-token', 'Mapbox access token', 'mapbox', ['mapbox'], String.raw`(?:pk|sk|tk)\.[\w-]{60,200}\.[\w-]{22}`, { entropy: 3.5 }),
  token('typeform-token', 'Typeform personal access token', 'typeform', ['tfp_'], String.raw`\b(tfp_[A-Za-z0-9_.=-]{59})(?![\w.=-])`, { entropy: 3.5 }),
  token('shippo-token', 'Shippo API token', 'shippo', ['shippo_live_', 'shippo_test_'], String.raw`\b(shippo_(?:live|test)_[a-fA-F0-9]{40})\b`),
  token('settlemint-token', 'SettleMint access token', 'settlemint', ['sm_pat_', 'sm_aat_', 'sm_sat_'],
    String.raw`\b(sm_(?:pat|aat|sat)_[A-Za-z0-9]{16})\b`, { entropy: 3 }),
  token('lob-api-key', 'Lob API key', 'lob', ['live_', 'test_'],
    String.raw`${LB}((?:live|test)_(?:pub_[a-f0-9]{31}|[a-f0-9]{35}))\b`, { entropy: 3, validate: near(/(?<![A-Za-z])(?:lob|LOB|Lob)(?![a-z])/) }),
  keyed('linkedin-client-secret', 'LinkedIn client secret', 'linkedin', ['linkedin', 'linked_in', 'linked-in'],
    String.raw`WPL_AP\d\.[A-Za-z0-9]{16}\.[A-Za-z0-9+/=]{8}|[A-Za-z0-9]{16}`,
    // Sixteen random letters often read as syllables: entropy and placeholders only, not the word test.
    { entropy: 0, validate: (s) => entropy(s) >= 3 && !looksPlaceholder(s) }),
  keyed('linkedin-client-id', 'LinkedIn client ID', 'linkedin', ['linkedin', 'linked_in', 'linked-in'], '[a-z0-9]{14}', { entropy: 3.2, validate: (s) => /\d/.test(s) }),
  keyed('kucoin-api-key', 'KuCoin API key', 'kucoin', ['kucoin'], '[a-f0-9]{24}', { entropy: 3 }),
  keyed('kucoin-secret', 'KuCoin API secret', 'kucoin', ['kucoin'], UUID, { entropy: 0 }),
  keyed('secp256k1-private-key', 'Raw secp256k1 private key (wallet)', 'secp256k1',
    ['private_key', 'privatekey', 'privkey', 'priv_key', 'wallet_key', 'signer_key', 'deployer_key', 'mnemonic_key', 'eth_key', 'secp256k1'],
    '(?:0x)?[a-fA-F0-9]{64}', { entropy: 3, validate: secp256k1InRange }),
  // `0x` and 64 hex digits beside a wallet or key word (`new Wallet("0x…")`, `privateKey: '0x…'`); a hash, salt, slot or
  // id named beside it is not a key.
  token('secp256k1-hex-key', 'Raw secp256k1 private key (0x hex beside a wallet or key word)', 'secp256k1', ['0x'],
    String.raw`${LB}(0x[a-fA-F0-9]{64})(?![\w])`, { entropy: 3, validate: (s, ctx) => secp256k1InRange(s) && walletContext(ctx) }),
  token('github-refresh-token', 'GitHub refresh token', 'github', ['ghr_'], String.raw`\b(ghr_[A-Za-z0-9]{76})\b`, { entropy: 3.5 }),
  keyed('github-app-installation-token', 'GitHub app installation token (legacy)', 'github',
    ['github_token', 'gh_token', 'installation_token', 'github_app'], String.raw`v1\.[a-f0-9]{40}`, { entropy: 3 }),
  keyed('azure-storage-key', 'Azure storage account key', 'azure',
    ['azure_storage', 'azurestorage', 'storage_account_key', 'storageaccountkey', 'storage_key', 'account_key', 'accountkey'],
    '[A-Za-z0-9+/]{86}==', { entropy: 4 }),
  keyed('pkcs12-keystore', 'PKCS#12 keystore (base64)', 'pkcs12', ['pkcs12', 'p12', 'pfx', 'keystore'],
    '(?:MII|MIA)[A-Za-z0-9+/]{200,}={0,2}', { entropy: 4.5 }),
];
