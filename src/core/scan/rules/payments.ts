// Payment providers: Stripe, Square, PayPal/Braintree, Shopify, Plaid and others.
import { publishedByVendor } from '../publicByDesign';
import type { Rule } from '../types';
import { LB, RB, token } from './define';

export const paymentRules: Rule[] = [
  token('stripe-secret-key', 'Stripe secret or restricted key', 'stripe', ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
    String.raw`\b([sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247})\b`, { validate: (s) => !publishedByVendor('stripe-secret-key', s) }),
  token('stripe-webhook-secret', 'Stripe webhook signing secret', 'stripe', ['whsec_'], String.raw`\b(whsec_[A-Za-z0-9+/]{32,})`),
  token('square-access-token', 'Square access token', 'square', ['eaaa', 'sq0atp-'],
    String.raw`${LB}((?:EAAA|sq0atp-)[\w-]{22,60})${RB}`),
  token('square-oauth-secret', 'Square OAuth secret', 'square', ['sq0csp-'], String.raw`\b(sq0csp-[\w-]{43})${RB}`),
  token('braintree-access-token', 'PayPal Braintree access token', 'paypal', ['access_token$'],
    String.raw`(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})`),
  // Access tokens are `shpat_`/`shpca_`/`shppa_` and 32 hex digits. App client secrets (`shpss_`) were 32 hex digits and
  // are 64 in apps created now (written from the documented shape as known here; no vendor page was at hand to check).
  token('shopify-token', 'Shopify token', 'shopify', ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    String.raw`\b(shp(?:at|ca|pa)_[a-fA-F0-9]{32}|shpss_[a-fA-F0-9]{32}(?:[a-fA-F0-9]{32})?)\b`),
  token('plaid-access-token', 'Plaid access token', 'plaid', ['access-sandbox-', 'access-development-', 'access-production-'],
    String.raw`\b(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`),
  token('flutterwave-secret-key', 'Flutterwave secret key', 'flutterwave', ['flwseck'], String.raw`\b(FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X)`),
  token('razorpay-key', 'Razorpay key', 'razorpay', ['rzp_live_', 'rzp_test_'], String.raw`\b(rzp_(?:live|test)_[A-Za-z0-9]{14})\b`),
  token('easypost-api-token', 'EasyPost API token', 'easypost', ['ezak', 'eztk'], String.raw`${LB}(EZ[AT]K[A-Za-z0-9]{54})\b`),
  token('adyen-api-key', 'Adyen API key', 'adyen', ['aqe'], String.raw`\b(AQE[a-zA-Z0-9]{3}\w{2}[A-Za-z0-9+/=_-]{80,300})`, { entropy: 4 }),
];
